/**
 * Hostile and broken files, each beside the exact lines Counterpoint prints for it
 * (`NAME.expected.txt`: the formatProblems lines, or `ok` for the few that are accepted as they are
 * harmless, such as HTML in strings, which is only ever shown as text).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../lib/core/dataset/import';
import { formatProblems } from '../../../lib/core/dataset/parse';
import { expectGolden, fixture, FIXTURES, TODAY } from './golden';

const files = readdirSync(new URL('hostile/', FIXTURES))
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('hostile fixtures', () => {
  it('there are at least 30', () => expect(files.length).toBeGreaterThanOrEqual(30));

  for (const name of files) {
    it(`${name}: ${name.includes('.accepted.') ? 'accepted' : 'refused'} with the expected messages`, () => {
      const result = importDataset(fixture(`hostile/${name}`), name, { today: TODAY });
      expect(result.ok).toBe(name.includes('.accepted.'));
      const lines = result.ok ? ['ok'] : formatProblems(name, result.problems);
      if (!result.ok) {
        for (const line of lines) expect(line).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}: \\$\\S*: \\S`));
      }
      expectGolden(`hostile/${name.replace(/\.json$/, '.expected.txt')}`, `${lines.join('\n')}\n`);
    });
  }
});

describe('strings with HTML or script', () => {
  it('are accepted as text and come out exactly as they went in', () => {
    const text = fixture('hostile/html-in-strings.accepted.json');
    const result = importDataset(text, 'html.json');
    if (!result.ok) throw new Error('expected the file to be accepted');
    const raw = JSON.parse(text);
    expect(result.dataset.dataset.title).toBe(raw.dataset.title);
    expect(result.dataset.disputes[0]!.topic).toBe('<script>alert("topic")</script>');
    expect(result.dataset.disputes[0]!.claims[0]!.summary).toBe(raw.disputes[0].claims[0].summary);
    expect(result.dataset.disputes[0]!.responses[0]!.attribution.text).toBe('<svg onload=alert(1)>');
    expect(result.dataset.outlets[1]!.name).toBe(raw.outlets[1].name);
    expect(result.dataset.disputes[0]!.responses[0]!.quotes[0]!.exact).toBe(raw.disputes[0].responses[0].quotes[0].exact);
  });

  it('survive export and import again unchanged', () => {
    const first = importDataset(fixture('hostile/html-in-strings.accepted.json'), 'html.json');
    if (!first.ok) throw new Error('expected ok');
    const second = importDataset(JSON.stringify(first.dataset), 'html.json');
    expect(second.ok && second.dataset).toEqual(first.dataset);
  });
});
