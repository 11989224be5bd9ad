/** The pages the eval reads: the demo pages, and the 130 real pages of the Readability corpus read in place. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PAGES } from '../../demo/sites';

export interface SourcePage {
  name: string;
  url: string;
  html: string;
  origin: 'demo' | 'corpus';
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = resolve(process.env.COUNTERPOINT_CORPUS ?? join(ROOT, '../shared/corpus/readability-pages'));

export function demoPages(): SourcePage[] {
  return DEMO_PAGES.filter((page) => page.id !== 'index').map((page) => ({
    name: `demo/${page.id}`,
    url: page.url,
    html: readFileSync(join(ROOT, 'demo/pages', page.file), 'utf8'),
    origin: 'demo' as const,
  }));
}

export function corpusPages(): SourcePage[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR} (set COUNTERPOINT_CORPUS)`);
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells[0] && cells[7] && /^https?:\/\//.test(cells[7])) urls.set(cells[0], cells[7]);
  }
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: `corpus/${entry.name}`,
      url: urls.get(entry.name) ?? 'http://fakehost/test/page.html',
      html: readFileSync(join(CORPUS_DIR, entry.name, 'source.html'), 'utf8'),
      origin: 'corpus' as const,
    }));
}
