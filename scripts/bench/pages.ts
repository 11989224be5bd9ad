/**
 * The pages the benchmark runs on: the 130 corpus pages (read in place), the demo pages, and a
 * synthetic 5,000-word matched article (the New York Times demo page padded with corpus paragraphs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { DEMO_PAGES } from '../../demo/sites';
import { collectSignals } from '../../lib/dom/page-signals';
import { builtinCatalog, loadHtml, newWindow } from '../pipeline';
import type { CorpusPage } from '../../tests/corpus/corpus-pages';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const NYT_URL = 'http://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';
export const LONG_WORDS = 5000;

export type PageKind = 'corpus' | 'demo-matched' | 'demo-unmatched' | 'long-matched';

export interface BenchPage {
  id: string;
  kind: PageKind;
  /** Address the page is loaded from (unique per page, so the Chromium server can serve each). */
  url: string;
  html: string;
}

export const isMatched = (page: BenchPage) => page.kind === 'demo-matched' || page.kind === 'long-matched';

export { CORPUS_DIR, corpusPages as loadCorpus } from '../../tests/corpus/corpus-pages';

/** Corpus pages under their saved address when INDEX.tsv knows it (and it is unique), else a host of their own. */
export function corpusBenchPages(corpus: readonly CorpusPage[]): BenchPage[] {
  const seen = new Set<string>();
  return corpus.map((page) => {
    let url = page.url;
    if (url.includes('//fakehost/') || seen.has(url)) url = `http://corpus-${page.name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.fakehost.example/test/page.html`;
    seen.add(url);
    return { id: `corpus/${page.name}`, kind: 'corpus' as const, url, html: page.html };
  });
}

/** The demo pages (not the index), "matched" when the built-in dataset says "maybe" to them (`match`, as the background asks). */
export async function demoBenchPages(): Promise<BenchPage[]> {
  const catalog = builtinCatalog();
  const pages: BenchPage[] = [];
  for (const p of DEMO_PAGES.filter((page) => page.id !== 'index')) {
    const html = readFileSync(join(ROOT, 'demo/pages', p.file), 'utf8');
    const window = newWindow(p.url);
    const maybe = catalog.match(collectSignals(loadHtml(window, html))) !== null;
    await window.happyDOM.close();
    pages.push({ id: `demo/${p.id}`, kind: maybe ? 'demo-matched' : 'demo-unmatched', url: p.url, html });
  }
  return pages;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Plain English paragraphs (40 to 250 words) from the corpus pages' expected Readability output, in a fixed order. */
export function corpusParagraphs(corpus: readonly CorpusPage[], dir: string): string[] {
  const window = new Window();
  const out: string[] = [];
  for (const page of corpus) {
    let html: string;
    try {
      html = readFileSync(join(dir, page.name, 'expected.html'), 'utf8');
    } catch {
      continue;
    }
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    for (const p of doc.querySelectorAll('p')) {
      const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
      const n = words(text);
      // ASCII-heavy: English-ish text, no CJK.
      if (n >= 40 && n <= 250 && /^[\x20-\x7e\u2018-\u201d\u2013\u2014\u00a0-\u00ff]+$/.test(text)) out.push(text);
    }
  }
  void window.happyDOM.close();
  return out;
}

/**
 * The NYT demo page padded to about 5,000 article words: corpus paragraphs spread between its own
 * paragraphs (so the disputed passages stay where they are, now inside a long article). Served at
 * the NYT address, so it is matched by URL exactly like the demo page.
 */
export function longArticle(paragraphs: readonly string[]): BenchPage {
  const base = readFileSync(join(ROOT, 'demo/pages/nyt-article.html'), 'utf8');
  const body = /(<section class="story-body"[^>]*>)([\s\S]*?)(<\/section>)/.exec(base);
  if (!body) throw new Error('nyt-article.html: no story-body section');
  const own = [...body[2]!.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[0]);
  const ownWords = own.reduce((n, p) => n + words(p.replace(/<[^>]+>/g, ' ')), 0);
  const padding: string[] = [];
  let total = ownWords;
  for (const text of paragraphs) {
    if (total >= LONG_WORDS) break;
    padding.push(`<p>${escapeText(text)}</p>`);
    total += words(text);
  }
  if (total < LONG_WORDS) throw new Error(`only ${total} words of padding available`);
  // Interleave: after each of the page's own paragraphs, an equal share of padding.
  const per = Math.ceil(padding.length / own.length);
  const merged = own.flatMap((p, i) => [p, ...padding.slice(i * per, (i + 1) * per)]).join('\n      ');
  const html = base.replace(body[0], `${body[1]}\n      ${merged}\n    ${body[3]}`);
  return { id: `long/nyt-${LONG_WORDS}w`, kind: 'long-matched', url: NYT_URL, html };
}
