/**
 * Hostile and dynamic pages for the robustness tests, served through Playwright routing with the
 * headers each one needs (a Content-Security-Policy, a stylesheet's content type). The templates
 * live in tests/fixtures/hostile/ (small, written for the tests) and borrow the article markup of
 * the demo pages through placeholders, so the quoted passages stay those of demo/pages/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/hostile/', import.meta.url));

export interface ServedFile {
  /** Absolute http(s) URL; query and hash are ignored when matching. */
  url: string;
  body: string;
  /** Default: text/html; charset=utf-8. */
  contentType?: string;
  headers?: Record<string, string>;
}

const keyOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname}`;
};

/**
 * Serves `files` in `context`. Routes registered later take precedence in Playwright, so these win
 * over the demo server's catch-all route of launchWithExtension. Returns the list of URLs served.
 */
export async function servePages(context: BrowserContext, files: readonly ServedFile[]): Promise<string[]> {
  const byKey = new Map(files.map((file) => [keyOf(file.url), file]));
  const served: string[] = [];
  await context.route(
    (url) => byKey.has(`${url.hostname}${url.pathname}`),
    async (route) => {
      const url = route.request().url();
      const file = byKey.get(keyOf(url))!;
      served.push(url);
      await route.fulfill({
        status: 200,
        body: file.body,
        headers: { 'content-type': file.contentType ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...file.headers },
      });
    },
  );
  return served;
}

/** Pieces of the demo pages' markup, by placeholder name. */
function demoPieces(): Record<string, string> {
  const read = (file: string) => readFileSync(`${PAGES_DIR}${file}`, 'utf8');
  const cut = (html: string, pattern: RegExp, what: string) => {
    const match = pattern.exec(html);
    if (!match) throw new Error(`demo page markup changed: no ${what}`);
    return match[0];
  };
  const nyt = read('nyt-article.html');
  const gt = read('gt-article.html');
  const unrelated = read('unrelated.html');
  const story = /<article id="story"[\s\S]*?<\/article>/;
  const body = /<section class="story-body"[\s\S]*?<\/section>/;
  return {
    NYT_STORY: cut(nyt, story, 'NYT article'),
    NYT_BODY: cut(nyt, body, 'NYT story body'),
    UNRELATED_STORY: cut(unrelated, story, 'unrelated article'),
    GT_CONTENT: cut(gt, /<div class="article-content">[\s\S]*?\n {4}<\/div>/, 'Global Times article content'),
    GT_TITLE: cut(gt, /<h1 class="article-title">[\s\S]*?<\/h1>/, 'Global Times title'),
    NYT_URL: 'https://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html',
  };
}

let pieces: Record<string, string> | null = null;

/** One piece of demo markup: NYT_STORY, NYT_BODY, UNRELATED_STORY, GT_CONTENT, GT_TITLE or NYT_URL. */
export function demoPiece(name: string): string {
  pieces ??= demoPieces();
  const value = pieces[name];
  if (value === undefined) throw new Error(`no demo piece ${name}`);
  return value;
}

/** A fixture of tests/fixtures/hostile/ with its {{PLACEHOLDERS}} filled from the demo pages and `extra`. */
export function hostileFixture(name: string, extra: Record<string, string> = {}): string {
  pieces ??= demoPieces();
  const values = { ...pieces, ...extra };
  const template = readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: no value for ${whole}`);
    return value;
  });
}

/** `count` paragraphs of filler prose (deterministic, shares no wording with the seed dataset's claims). */
export function fillerParagraphs(count: number, wordsEach: number): string {
  const words = ['meadow', 'lantern', 'orchard', 'pebble', 'harbor', 'violet', 'saddle', 'thimble', 'juniper', 'quarry', 'marble', 'willow', 'copper', 'tundra', 'gazebo', 'falcon', 'ember', 'canyon', 'lilac', 'parsley'];
  const out: string[] = [];
  let seed = 7;
  for (let p = 0; p < count; p += 1) {
    const sentence: string[] = [];
    for (let w = 0; w < wordsEach; w += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      sentence.push(words[seed % words.length]!);
    }
    out.push(`<p class="filler">${sentence.join(' ')}.</p>`);
  }
  return out.join('\n');
}
