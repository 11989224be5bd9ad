/** The 130 real pages of ../shared/corpus/readability-pages, read in place (never copied). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = resolve(process.env.COUNTERPOINT_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus/readability-pages', import.meta.url)));

export interface CorpusPage {
  name: string;
  url: string;
  html: string;
}

/** Each page with the address it was saved from when known, else Readability's own test URL. */
export function corpusPages(): CorpusPage[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR} (set COUNTERPOINT_CORPUS)`);
  const urls = new Map<string, string>();
  const index = readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').split('\n').slice(1);
  for (const line of index) {
    const cells = line.split('\t');
    if (cells[0] && cells[7] && /^https?:\/\//.test(cells[7])) urls.set(cells[0], cells[7]);
  }
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      url: urls.get(entry.name) ?? 'http://fakehost/test/page.html',
      html: readFileSync(join(CORPUS_DIR, entry.name, 'source.html'), 'utf8'),
    }));
}
