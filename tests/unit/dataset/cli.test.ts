/** `npm run dataset`, run as a dataset author runs it: exit codes and what it prints. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containment, fingerprintText } from '../../../lib/core/fingerprint';
import { importDataset } from '../../../lib/core/dataset/import';
import { fixture } from './golden';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const F = 'tests/fixtures/datasets/';

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['scripts/dataset.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.concurrent('npm run dataset', () => {
  it('validate: exit 0 for valid files of every format, with counts and assumptions', async () => {
    const { code, stdout } = await run('validate', 'lib/core/dataset/builtin/seed.json', `${F}valid/full.json`, `${F}claimreview/single.json`);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('seed.json: valid (1 disputes, 4 claims, 4 responses)');
    expect(lines[1]).toBe('full.json: valid (1 disputes, 1 claims, 2 responses)');
    expect(lines[2]).toMatch(/^single\.json: valid \(1 disputes, 1 claims, 1 responses, converted from schema\.org ClaimReview with \d+ assumption\(s\)\)$/);
    expect(lines.filter((line) => line.startsWith('single.json: assumed: ')).length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe('all 3 files are valid');
  });

  it('validate: exit 1 and the same messages as importDataset, for every file at once', async () => {
    const hostile = ['url-javascript', 'repeated-ids', 'not-json-truncated', 'claimreview-javascript-urls'];
    const { code, stdout } = await run('validate', ...hostile.map((name) => `${F}hostile/${name}.json`), `${F}valid/minimal.json`, `${F}no-such-file.json`);
    expect(code).toBe(1);
    const expected = hostile.flatMap((name) => fixture(`hostile/${name}.expected.txt`).trim().split('\n'));
    expect(stdout.trim().split('\n')).toEqual([
      ...expected,
      'minimal.json: valid (1 disputes, 1 claims, 1 responses)',
      'no-such-file.json: cannot read the file: no such file',
      '5 of 6 files are not valid',
    ]);
  });

  it('convert: our format on stdout, assumptions on stderr', async () => {
    const { code, stdout, stderr } = await run('convert', '--from', 'claimreview', `${F}claimreview/single.json`);
    expect(code).toBe(0);
    const expected = importDataset(fixture('claimreview/single.json'), 'single.json');
    if (!expected.ok) throw new Error('fixture invalid');
    expect(JSON.parse(stdout)).toEqual(expected.dataset);
    expect(stderr.trim().split('\n')).toEqual(expected.assumptions.map((note) => `single.json: assumed: ${note}`));
  });

  it('convert: exit 1 with messages when the file is not of the format given', async () => {
    const { code, stdout, stderr } = await run('convert', '--from', 'webannotation', `${F}claimreview/single.json`);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('single.json: $: no annotation found');
  });

  it('stats --json: the counts of a dataset', async () => {
    const { code, stdout } = await run('stats', '--json', 'lib/core/dataset/builtin/seed.json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'counterpoint', disputes: 1, claims: 4, responses: 4, articles: 2, outlets: 2, quotes: 7, languages: [['en', 2]] });
  });

  it('stats: a table for people', async () => {
    const { code, stdout } = await run('stats', `${F}webannotation/collection.json`);
    expect(code).toBe(0);
    expect(stdout).toContain('collection.json: Harbour project disputes, 2023');
    expect(stdout).toMatch(/ {2}claims {5}3\n/);
    expect(stdout).toContain('  format     W3C Web Annotation');
  });

  it('fingerprint: of a text file, and of a page through Readability', async () => {
    const text = await run('fingerprint', `${F}article.txt`);
    expect(text.code).toBe(0);
    const fromText = JSON.parse(text.stdout);
    expect(fromText).toEqual(fingerprintText(readFileSync(`${ROOT}${F}article.txt`, 'utf8')));
    const page = await run('fingerprint', `${F}article.html`);
    expect(page.code).toBe(0);
    const fromPage = JSON.parse(page.stdout);
    expect(fromPage.hashes).toHaveLength(64);
    // The page's article text is the text file's, less its headline: nearly the same sketch.
    expect(containment(fromPage, new Set(fromText.hashes))).toBeGreaterThan(0.8);
  });

  it('schema: the committed docs/dataset.schema.json', async () => {
    const { code, stdout } = await run('schema');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(`${ROOT}docs/dataset.schema.json`, 'utf8'));
  });

  it('usage errors exit 2 with the usage', async () => {
    const { code, stderr } = await run('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('dataset: unknown command frobnicate');
    expect(stderr).toContain('npm run dataset -- validate FILE...');
    expect((await run('validate')).code).toBe(2);
    expect((await run('convert', '--from', 'rss', 'x.json')).code).toBe(2);
  });
});
