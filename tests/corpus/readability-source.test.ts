/**
 * The overlay bundles Readability with the edits of scripts/build/readability-source.ts: on every
 * corpus page and demo page, the edited library must return exactly what the library itself does
 * (the article's HTML included, which exercises the retries that restore the page).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { editReadabilitySource } from '../../scripts/build/readability-source';
import { loadHtml, newWindow } from '../../scripts/pipeline';
import { corpusPages } from './corpus-pages';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

/** The edited source, written to a file of its own and loaded as the CommonJS module it is. */
function editedReadability(): typeof Readability {
  const file = join(mkdtempSync(join(tmpdir(), 'counterpoint-readability-')), 'Readability.cjs');
  writeFileSync(file, editReadabilitySource(source));
  return require(file) as typeof Readability;
}

const demoDir = join(__dirname, '../../demo/pages');
const pages = [
  ...corpusPages(),
  ...readdirSync(demoDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: `demo/${f}`, url: 'https://example.com/article', html: readFileSync(join(demoDir, f), 'utf8') })),
];

/** The parse, and how many attempts came before the last (each of them restored the page). */
async function parse(Reader: typeof Readability, html: string, url: string) {
  const window = newWindow(url);
  try {
    const reader = new Reader(loadHtml(window, html), { charThreshold: 300, keepClasses: true });
    const result = reader.parse();
    return { result, restored: (reader as unknown as { _attempts: unknown[] })._attempts.length };
  } finally {
    await window.happyDOM.close();
  }
}

describe("Readability's edited source", () => {
  it('makes each edit (and no longer builds log messages nobody reads)', () => {
    const edited = editReadabilitySource(source);
    expect(edited).not.toContain('pageCacheHtml');
    // The restore writes no HTML: the library's one page.innerHTML assignment is gone.
    expect(source).toContain('page.innerHTML =');
    expect(edited).not.toContain('page.innerHTML =');
    expect(edited.match(/this\._debug && this\.log\(/g)?.length).toBe(source.match(/this\.log\(/g)?.length);
  });

  it('refuses a library whose code is not the one it edits', () => {
    expect(() => editReadabilitySource(source.replace('var pageCacheHtml = page.innerHTML;', ''))).toThrow(/pageCacheHtml/);
  });

  it('returns what the library returns on every corpus and demo page, the article HTML included', { timeout: 900_000 }, async () => {
    const Edited = editedReadability();
    const differ: string[] = [];
    let restored = 0;
    for (const page of pages) {
      const expected = await parse(Readability, page.html, page.url);
      const actual = await parse(Edited, page.html, page.url);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push(page.name);
      if (actual.restored > 0) restored += 1;
    }
    console.log(`readability source edits: ${pages.length} pages, ${restored} restored the page at least once`);
    // The retry path ran (its restore is one of the edits), and nothing differs.
    expect(restored).toBeGreaterThan(0);
    expect(differ).toEqual([]);
  });
});
