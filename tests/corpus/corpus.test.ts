/**
 * The built-in dataset against 130 real news and web pages: not one note. Each page goes through
 * the pipeline as the extension runs it; then, harder, every page is treated as if it were the
 * disputed article itself, and still no passage may be badged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNotes } from '../../lib/dom/find-notes';
import { builtinCatalog, checkHtml, loadHtml, newWindow } from '../../scripts/pipeline';
import { corpusPages } from './corpus-pages';

const catalog = builtinCatalog();
const pages = corpusPages();

describe('the real pages of the Readability corpus', () => {
  it('has all 130 pages', () => {
    expect(pages.length).toBe(130);
  });

  it('get zero notes from the built-in dataset, and none is even a candidate for the heavy stage', async () => {
    const started = performance.now();
    const withNotes: string[] = [];
    const candidates: string[] = [];
    for (const page of pages) {
      const result = await checkHtml(page.html, page.url, catalog);
      if (result.article) candidates.push(page.name);
      if (result.notes.length) withNotes.push(`${page.name}: ${result.notes.map((n) => n.passage).join(' | ')}`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`corpus: ${pages.length} pages, ${withNotes.length} with notes, ${candidates.length} candidates, ${seconds.toFixed(1)} s`);
    expect(withNotes).toEqual([]);
    expect(candidates).toEqual([]);
  });

  it('place no passage even when each page is taken for one of the disputed articles', async () => {
    const articles = ['nyt-2015-09-16-pledge', 'gt-2015-09-19-official-disputes'].map((id) => ({
      id, datasetId: 'counterpoint-seed', outlet: '', outletId: '', title: '', how: 'url' as const,
    }));
    expect(articles.map((a) => catalog.notesFor(a).length)).toEqual([4, 4]);
    const placed: string[] = [];
    for (const page of pages) {
      const window = newWindow(page.url);
      const doc = loadHtml(window, page.html);
      for (const article of articles) {
        const found = await findNotes(doc, async () => ({ article, notes: catalog.notesFor(article) }));
        for (const p of found.anchoring.placed) placed.push(`${page.name}: ${p.note.claim}: ${p.passage}`);
      }
      await window.happyDOM.close();
    }
    expect(placed).toEqual([]);
  });
});

describe('the same pipeline on the demo pages (the control: it does find notes)', () => {
  const demo = (file: string) => readFileSync(join(__dirname, '../../demo/pages', file), 'utf8');

  it('finds the three disputed passages of the New York Times article and the four rebuttals of the Global Times one', async () => {
    const nyt = await checkHtml(demo('nyt-article.html'), 'https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html', catalog);
    expect(nyt.article).toMatchObject({ id: 'nyt-2015-09-16-pledge', how: 'url' });
    expect(nyt.notes.map((n) => n.claim)).toEqual(['nyt-pledge-terms', 'nyt-pledge-sender', 'nyt-pledge-penalties']);
    const gt = await checkHtml(demo('gt-reprint.html'), 'http://english.news-portal.example/world/2015-09/19/content_21919.htm', catalog);
    expect(gt.article).toMatchObject({ id: 'gt-2015-09-19-official-disputes', how: 'copy' });
    expect(gt.notes).toHaveLength(4);
    const unrelated = await checkHtml(demo('unrelated.html'), 'https://www.nytimes.com/2015/09/18/science/unrelated-demo-story.html', catalog);
    expect(unrelated.article).toBeNull();
  });
});
