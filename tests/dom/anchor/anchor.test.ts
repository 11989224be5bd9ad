/** Anchoring in a live (happy-dom) document: ranges over split text, inserted boxes, teasers, revisions. */
import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../lib/core/notes';
import { anchorNotes, quotesFor } from '../../../lib/dom/anchor';
import { buildTextMap } from '../../../lib/dom/text-map';

function note(exact: string, extra: Partial<NoteView['quotes'][number]> = {}, key = 'k'): NoteView {
  return { key, claim: key, dispute: 'd', topic: 't', side: 'claim', counters: [], quotes: [{ exact, ...extra }] };
}

function page(html: string): Element {
  document.body.innerHTML = html;
  return document.body;
}

const ARTICLE = [
  'According to three people with knowledge of the letter, the document asked US tech companies to promise that they would not harm China\u2019s national security and would store Chinese user data within the country.',
  'The letter was sent by the China Information Technology Security Evaluation Center, most likely under pressure from China\u2019s main Internet regulator, one of the people said.',
];
const TERMS = "they would not harm China's national security and would store Chinese user data within the country";

describe('anchorNotes', () => {
  it('places a quote split across inline elements, with typography, at the right words', () => {
    const root = page(`<article><p>According to three people with <a href="#">knowledge</a> of the letter, the document asked US tech companies to promise that <em>they would not</em> harm China\u2019s na<b>tional</b> security\u00A0and would store Chinese user data within the country.</p><p>${ARTICLE[1]}</p></article>`);
    const { placed, unplaced } = anchorNotes(root, [note(TERMS)], null);
    expect(unplaced).toEqual([]);
    expect(placed[0]!.how).toBe('quote');
    expect(placed[0]!.passage).toBe('they would not harm China\u2019s national security and would store Chinese user data within the country');
  });

  it('bridges an ad inserted into the paragraph, and does not mark the passage as changed', () => {
    const root = page(`<article><p>According to three people with knowledge of the letter, the document asked US tech companies to promise that they would not harm China\u2019s national security <div class="ad-slot">Advertisement</div>and would store Chinese user data within the country.</p><p>${ARTICLE[1]}</p></article>`);
    const { placed } = anchorNotes(root, [note(TERMS)], ARTICLE.join('\n'));
    expect(placed[0]!.how).toBe('fuzzy');
    expect(placed[0]!.changed).toBeUndefined();
    expect(placed[0]!.passage.startsWith('they would not harm')).toBe(true);
  });

  it('marks a passage a later revision edited as changed', () => {
    const revised = ARTICLE[0]!.replace('would store Chinese user data', 'would keep user data from China');
    const root = page(`<article><p>${revised}</p><p>${ARTICLE[1]}</p></article>`);
    const { placed } = anchorNotes(root, [note(TERMS)], `${revised}\n${ARTICLE[1]}`);
    expect(placed[0]).toMatchObject({ how: 'fuzzy', changed: true });
  });

  it('ignores a teaser outside the article that repeats the words, and leaves unplaced what the article lacks', () => {
    const root = page(`<aside><a href="#">Most read: ${TERMS}</a></aside><article><p>${ARTICLE[1]}</p></article>`);
    const { placed, unplaced } = anchorNotes(root, [note(TERMS)], ARTICLE[1]!);
    expect(placed).toEqual([]);
    expect(unplaced[0]!.reason).toMatch(/not found/);
  });

  it('anchors the paragraph, not the pull quote of the same sentence set right after it', () => {
    const sentence = 'The letter was sent by the China Information Technology Security Evaluation Center, most likely under pressure from China\u2019s main Internet regulator, one of the people said.';
    const next = 'But refusing to sign the pledge could bring fresh restrictions or penalties, they said.';
    const quote = { exact: sentence, prefix: 'Chinese user data within the country.', suffix: next.slice(0, 32) };
    const root = page(`<article><p>${ARTICLE[0]}</p><p>${sentence}</p><blockquote class="pull-quote">${sentence}</blockquote><p>${next}</p></article>`);
    const { placed } = anchorNotes(root, [note(sentence, quote)], root.textContent);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.range.startContainer.parentElement!.tagName).toBe('P');
  });

  it('anchors the paragraph whose neighbours are both pull quotes, not its own pull quote beside the next paragraph', () => {
    // Scored on the page, the paragraph's prefix and suffix both meet pull quotes while its copy
    // keeps the real suffix; scored on the running text, the paragraph's context agrees in full.
    const [first, second] = ARTICLE as [string, string];
    const sentence = 'A senior official on Friday disputed the report, saying it was inaccurate and that no such pledge had been asked of anyone.';
    const next = 'The newspaper also cited unnamed sources on the timing of a response from the government.';
    const quote = { exact: sentence, prefix: first.slice(-32), suffix: next.slice(0, 32) };
    const root = page(`<article><p>${first}</p><blockquote>${second}</blockquote><p>${sentence}</p><blockquote>${first}</blockquote><blockquote>${sentence}</blockquote><p>${next}</p></article>`);
    const { placed } = anchorNotes(root, [note(sentence, quote)], root.textContent);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.range.startContainer.parentElement!.tagName).toBe('P');
    expect(placed[0]!.confidence).toBe(1);
  });

  it('maps pull quotes, asides and figures to spans of the text, outermost only', () => {
    const map = buildTextMap(page('<p>Running text.</p><blockquote>Pulled <aside>and nested</aside> quote.</blockquote><p>More text.</p><figure><figcaption>A caption.</figcaption></figure>'));
    expect(map.apart.map((span) => map.text.slice(span.from, span.to).trim())).toEqual(['pulled and nested quote.', 'a caption.']);
  });

  it('anchors the quote for the page language', () => {
    const root = page('<article><p>报道称，拒绝签署承诺书“可能会使这些公司在中国庞大的市场上面临新的限制或处罚”。</p></article>');
    const n: NoteView = { ...note('could bring fresh restrictions or penalties for companies in China\u2019s enormous market'), quotes: [{ exact: 'could bring fresh restrictions or penalties for companies', language: 'en' }, { exact: '可能会使这些公司在中国庞大的市场上面临新的限制或处罚', language: 'zh' }] };
    expect(quotesFor(n.quotes, 'zh-CN').map((q) => q.language)).toEqual(['zh']);
    const { placed } = anchorNotes(root, [n], null, { language: 'zh-CN' });
    expect(placed[0]!.passage).toBe('可能会使这些公司在中国庞大的市场上面临新的限制或处罚');
  });
});

describe('buildTextMap', () => {
  it('separates blocks, skips scripts and hidden subtrees, and maps back to ranges', () => {
    const root = page('<p>One <b>two</b></p><script>var x = 1;</script><div hidden>secret</div><p>Three\u00AD four</p>');
    const map = buildTextMap(root);
    expect(map.text).toBe('one two three four');
    const at = map.text.indexOf('three four');
    expect(map.range(at, at + 'three four'.length)!.toString()).toBe('Three\u00AD four');
    expect(map.positionAt(0)!.node.data).toBe('One ');
  });

  it('reads whitespace-only text nodes (indentation between tags) as the space they normalise to', () => {
    const root = page('<div>\n  <p>\n    <b>One</b>\n    <i>two</i>\t\r\n  </p>\n\n  <p> </p><p>three\u00A0 <span>\n</span>four</p>\n</div>');
    const map = buildTextMap(root);
    expect(map.text).toBe('one two three four');
    expect(map.range(0, 'one two'.length)!.toString()).toBe('One\n    two');
    const at = map.text.indexOf('three four');
    expect(map.range(at, at + 'three four'.length)!.toString()).toBe('three\u00A0 \nfour');
    // Each space of the text is at a real position of the page.
    for (let i = 0; i < map.text.length; i++) expect(map.positionAt(i)!.offset).toBeLessThanOrEqual(map.positionAt(i)!.node.data.length);
  });

  it('walks a parent of many children (past the switch to its child list) in order, with nested blocks and skipped ones', () => {
    // Every child counts: a word element, the space after it, a block, a script or a hidden span.
    const items = Array.from({ length: 90 }, (_, i) => (i % 9 === 4 ? `<script>skip ${i}</script>` : i % 5 === 0 ? `<p>Block <em>${i}</em></p>` : i % 13 === 6 ? `<span hidden>gone ${i}</span>` : `<i>w${i}</i> `));
    const map = buildTextMap(page(`<div>${items.join('')}</div><p>After.</p>`));
    const expected = Array.from({ length: 90 }, (_, i) => (i % 9 === 4 || (i % 5 !== 0 && i % 13 === 6) ? '' : i % 5 === 0 ? ` block ${i} ` : `w${i} `)).join('');
    expect(map.text).toBe(`${expected} after.`.replace(/ +/g, ' ').trim());
    const at = map.text.indexOf('w89');
    expect(map.range(at, at + 3)!.toString()).toBe('w89');
    // Each child once, in order, around the switch.
    const words = Array.from({ length: 70 }, (_, i) => `w${i}`);
    expect(buildTextMap(page(`<div>${words.map((w) => `<b>${w} </b>`).join('')}</div>`)).text).toBe(words.join(' '));
    // The limit stops the walk; blocks left open are still closed.
    expect(buildTextMap(page(`<div>${items.join('')}</div><p>After.</p>`), 300).text).not.toContain('after');
  });
});
