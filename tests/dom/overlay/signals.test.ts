/**
 * What the always-on script sends, gathered in slices (lib/overlay/signals.ts), is what the
 * one-pass functions in lib/dom/page-signals.ts give: same text on small and on very big pages,
 * cut at MAX_TEXT; and the background's hashes of it are the page's signals.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../../lib/core/limits';
import { signalsOf } from '../../../lib/core/page-text';
import { collectSignals, pageText, visibleText } from '../../../lib/dom/page-signals';
import { NODES_PER_SLICE, pageTextInSlices, visibleTextInSlices } from '../../../lib/overlay/signals';

function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<\/?html[^>]*>/gi, '');
  return document;
}

const words = ['meadow', 'lantern', 'orchard', 'pebble', 'harbor', 'violet', 'saddle', 'Thimble', 'juniper', 'quarry', 'the', 'of', '北京', 'café'];
function filler(paragraphs: number, each: number): string {
  let seed = 11;
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    const sentence: string[] = [];
    for (let w = 0; w < each; w += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      sentence.push(words[seed % words.length]!);
    }
    out.push(`<p>${sentence.join(' ')}.</p><script>var x = "not text";</script>`);
  }
  return out.join('');
}

describe('signals in slices', () => {
  it('match the one-pass signals on a demo page (one slice, no yield)', async () => {
    const doc = load(readFileSync('demo/pages/gt-article.html', 'utf8'));
    expect(await visibleTextInSlices(doc.body)).toBe(visibleText(doc.body));
    const sent = await pageTextInSlices(doc);
    expect(sent).toEqual(pageText(doc));
    expect(signalsOf(sent!)).toEqual(collectSignals(doc));
    expect(collectSignals(doc).hashes.length).toBeGreaterThan(100);
  });

  it('match them on a page of many slices of nodes and of text', async () => {
    const doc = load(`<body><main>${filler(6_000, 20)}</main></body>`);
    expect(doc.body.childNodes[0]!.childNodes.length).toBeGreaterThan(2 * NODES_PER_SLICE);
    const text = visibleText(doc.body);
    expect(text.length).toBeGreaterThan(100_000);
    expect(await visibleTextInSlices(doc.body)).toBe(text);
    expect((await pageTextInSlices(doc))!.text === text.slice(0, MAX_TEXT)).toBe(true);
  });

  it('cut the text at MAX_TEXT, as the protocol allows', async () => {
    const doc = load(`<body>${'<p>orchard lantern meadow pebble harbor violet saddle</p>'.repeat(16_000)}</body>`);
    expect(visibleText(doc.body).length).toBeGreaterThan(MAX_TEXT);
    const sent = await pageTextInSlices(doc);
    expect(sent!.text.length).toBe(MAX_TEXT);
    expect(sent).toEqual(pageText(doc));
  });

  it('leave out the text of scripts, styles, noscript, templates and text areas, wherever they are', async () => {
    const doc = load(
      '<body><p>alpha <b>beta</b></p><script>var a = 1;</script><div><style>p { color: red }</style>gamma<noscript>enable scripts</noscript>' +
        '<textarea>typed words</textarea><template>template words</template></div><p>delta</p></body>',
    );
    const expected = ['alpha', 'beta', 'gamma', 'delta'];
    expect(visibleText(doc.body).split(/\s+/).filter(Boolean)).toEqual(expected);
    expect((await visibleTextInSlices(doc.body))!.split(/\s+/).filter(Boolean)).toEqual(expected);
    expect(visibleText(doc.querySelector('script')!)).toBe('');
  });

  it('stop when no longer wanted', async () => {
    const doc = load(`<body>${filler(12_000, 3)}</body>`);
    let calls = 0;
    expect(await visibleTextInSlices(doc.body, () => ++calls < 2)).toBeNull();
    expect(await pageTextInSlices(doc, () => false)).toBeNull();
  });
});
