import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, type PageSignals } from '../../lib/core/catalog';
import type { Dataset } from '../../lib/core/dataset/schema';
import { containment, COPY_CONTAINMENT, fingerprintText } from '../../lib/core/fingerprint';
import { noteHeading, stanceLabel, type IdentifiedArticle, type NoteView } from '../../lib/core/notes';
import { textHashes } from '../../lib/core/text/tokens';
import { GT_ID, NYT_ID, NYT_URL, seedBody, seedDataset, seedText } from './fixtures/seed';

const dataset: Dataset = seedDataset();
const catalog = new Catalog([dataset]);

function page(partial: Partial<PageSignals>): PageSignals {
  return { url: 'https://example.org/unrelated', canonical: null, ogUrl: null, hashes: [], ...partial };
}

const hashesOf = (text: string) => [...textHashes(text)];

const FILLER =
  'Weather: cold in the mountains this morning, with snow expected on the passes. Farmers brought apples and pears to the market square, ' +
  'and a brass band played until late evening. Sports: the local football club lost its third match in a row after a penalty in extra time. ' +
  'Recipes: slow-roasted tomatoes with garlic, thyme and olive oil make an easy weekday supper.';

function identifyOrFail(signals: PageSignals, within = catalog): IdentifiedArticle {
  const found = within.identify(signals);
  if (!found) throw new Error('expected the page to be identified');
  return found;
}

describe('Catalog: identify', () => {
  it('holds the two articles of the seed dataset', () => {
    expect(catalog.size).toBe(2);
  });

  it('identifies the New York Times report by its URL', () => {
    expect(catalog.identify(page({ url: NYT_URL }))).toEqual({
      id: NYT_ID,
      datasetId: 'counterpoint-seed',
      outlet: 'The New York Times',
      outletId: 'nyt',
      title: 'China tries to extract pledge of compliance from US tech firms',
      how: 'url',
    });
  });

  it('identifies it under http, without www., on m., with tracking parameters and a fragment', () => {
    for (const url of [
      NYT_URL.replace('https://', 'http://'),
      NYT_URL.replace('www.', ''),
      NYT_URL.replace('www.', 'm.'),
      `${NYT_URL}?smid=tw-share&utm_source=twitter&fbclid=abc`,
      `${NYT_URL}#:~:text=pledge`,
    ]) {
      const found = catalog.identify(page({ url }));
      expect(found?.id, url).toBe(NYT_ID);
      expect(found?.how, url).toBe('url');
    }
  });

  it('does not identify another article on the same site', () => {
    expect(catalog.identify(page({ url: 'https://www.nytimes.com/2015/09/17/technology/another-story.html' }))).toBeNull();
    expect(catalog.identify(page({ url: `${NYT_URL}?page=2` }))).toBeNull();
  });

  it('identifies by canonical URL or og:url when the address itself is unknown', () => {
    expect(catalog.identify(page({ url: 'https://news.example.org/syndicated/123', canonical: NYT_URL }))?.how).toBe('canonical');
    const byOg = catalog.identify(page({ url: 'https://news.example.org/syndicated/123', ogUrl: `${NYT_URL.replace('https://www.', 'http://')}?utm_medium=social` }));
    expect(byOg?.id).toBe(NYT_ID);
    expect(byOg?.how).toBe('canonical');
  });

  it('prefers the page address to the canonical URL', () => {
    expect(catalog.identify(page({ url: NYT_URL, canonical: 'https://elsewhere.example.org/x' }))?.how).toBe('url');
  });

  it('ignores a canonical URL that is not http(s)', () => {
    expect(catalog.identify(page({ canonical: 'javascript:alert(1)', ogUrl: 'not a url' }))).toBeNull();
  });

  it('identifies a copy of the Global Times article by the hashes of its text', () => {
    expect(catalog.identify(page({ url: 'https://mirror.example.org/gt/2015/official', hashes: hashesOf(seedText) }))).toEqual({
      id: GT_ID,
      datasetId: 'counterpoint-seed',
      outlet: 'Global Times',
      outletId: 'globaltimes',
      title: 'Official disputes pledge claims',
      how: 'copy',
    });
  });

  it('identifies a copy surrounded by boilerplate and with different typography', () => {
    const dressed = seedBody.replace(/'/g, '\u2019').replace(/ "/g, ' \u201C').replace(/"/g, '\u201D').replace(/ /g, '\u00A0').replace(/ment/g, 'me\u00ADnt');
    const hashes = hashesOf(`${FILLER}\n${FILLER.toUpperCase()}\n${dressed}\nRelated: ${FILLER}`);
    expect(catalog.identify(page({ hashes }))?.how).toBe('copy');
  });

  it('does not identify unrelated text', () => {
    expect(catalog.identify(page({ hashes: hashesOf(FILLER) }))).toBeNull();
    expect(catalog.identify(page({}))).toBeNull();
  });

  it('does not take a page quoting only the New York Times phrases for the Global Times article', () => {
    const quotes = dataset.disputes[0]!.claims.flatMap((claim) => claim.quotes.map((quote) => quote.exact));
    expect(quotes).toHaveLength(3);
    const text = `${FILLER} ${quotes.map((quote) => `"${quote}."`).join(' The report added that ')} ${FILLER}`;
    const hashes = hashesOf(text);
    const gt = dataset.articles.find((article) => article.id === GT_ID)!;
    const share = containment(gt.fingerprint!, new Set(hashes));
    expect(share).toBeGreaterThan(0); // the phrases do share some n-grams with the article...
    expect(share).toBeLessThan(COPY_CONTAINMENT); // ...but far too few to be a copy
    expect(catalog.identify(page({ hashes }))).toBeNull();
  });

  it('does not take the first two paragraphs alone for a copy', () => {
    const twoParagraphs = seedBody.split('\n\n').slice(0, 2).join('\n\n');
    expect(catalog.identify(page({ hashes: hashesOf(twoParagraphs) }))).toBeNull();
  });

  describe('copies by the smallest hashes of the sketch', () => {
    /** The seed dataset with the Global Times article's sketch replaced. */
    const withSketch = (hashes: number[]) => {
      const data = seedDataset();
      data.articles.find((a) => a.id === GT_ID)!.fingerprint = { scheme: 'cw3-fnv1a-bottom', hashes };
      return new Catalog([data]);
    };
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const sketch = range(1, 64);

    it('checks an article only when the page holds at least 4 of its 16 smallest hashes', () => {
      const sketched = withSketch(sketch);
      // 52 of 64 (containment 0.81), among them 4 of the 16 smallest: a copy.
      expect(sketched.identify(page({ hashes: [...range(1, 4), ...range(17, 64), 9999] }))?.id).toBe(GT_ID);
      // 51 of 64 (0.80), but only 3 of the 16 smallest: not checked. A real copy misses 13 of its 16
      // smallest hashes with odds under 1 in 1,000; sharing a few sentences with thousands of articles is common.
      expect(sketched.identify(page({ hashes: [...range(1, 3), ...range(17, 64)] }))).toBeNull();
    });

    it('still measures containment on the whole sketch', () => {
      // All 16 smallest but 32 of 64 in all (0.5): not a copy.
      expect(withSketch(sketch).identify(page({ hashes: range(1, 32) }))).toBeNull();
      expect(withSketch(sketch).identify(page({ hashes: range(1, 39) }))?.id).toBe(GT_ID);
    });

    it('matches a short sketch whenever its containment makes it a copy', () => {
      expect(withSketch([10, 20, 30]).identify(page({ hashes: [10, 20, 77] }))?.id).toBe(GT_ID);
      expect(withSketch([10, 20, 30]).identify(page({ hashes: [10, 77] }))).toBeNull();
      expect(withSketch(range(1, 10)).identify(page({ hashes: range(5, 10) }))?.id).toBe(GT_ID);
      expect(withSketch(range(1, 10)).identify(page({ hashes: range(6, 10) }))).toBeNull();
    });

    it('prefers the article the page contains most of, and forgets one page before the next', () => {
      const data = seedDataset();
      const nyt = data.articles.find((a) => a.id === NYT_ID)!;
      nyt.fingerprint = { scheme: 'cw3-fnv1a-bottom', hashes: range(1, 20) };
      data.articles.find((a) => a.id === GT_ID)!.fingerprint = { scheme: 'cw3-fnv1a-bottom', hashes: range(5, 24) };
      const both = new Catalog([data]);
      expect(both.identify(page({ hashes: range(1, 18) }))?.id).toBe(NYT_ID);
      expect(both.identify(page({ hashes: range(7, 24) }))?.id).toBe(GT_ID);
      expect(both.identify(page({ hashes: range(1, 3) }))).toBeNull();
      expect(both.identify(page({ hashes: range(1, 18) }))?.id).toBe(NYT_ID);
    });
  });

  it('recognises the demo copies of the New York Times report through the index: boilerplate interleaved, edited revisions', () => {
    const demo = (file: string) => readFileSync(join(__dirname, '../../demo/pages', file), 'utf8');
    const text = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
    const original = [...demo('nyt-article.html').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join('\n');
    const data = seedDataset();
    data.articles.find((a) => a.id === NYT_ID)!.fingerprint = fingerprintText(original);
    const fingerprinted = new Catalog([data]);
    const copy = (hashes: number[]) => fingerprinted.identify(page({ url: 'https://copies.example/x', hashes }));
    const heavier = original.split('\n').map((p, i) => (i % 4 === 0 ? 'This paragraph was rewritten entirely by the editors in a later version.' : p)).join('\n');
    for (const hashes of [hashesOf(text(demo('nyt-copy-boilerplate.html'))), hashesOf(text(demo('nyt-revised.html'))), hashesOf(heavier)]) {
      expect(copy(hashes)).toMatchObject({ id: NYT_ID, how: 'copy' });
    }
    for (const file of ['wire-rewrite.html', 'blog-paraphrase.html', 'unrelated.html']) expect(copy(hashesOf(text(demo(file)))), file).toBeNull();
  });

  it('ignores articles that are in no dispute', () => {
    const data = seedDataset();
    data.articles.push({ ...data.articles[0]!, id: 'nyt-other', url: 'https://www.nytimes.com/other.html', urls: [] });
    const wider = new Catalog([data]);
    expect(wider.size).toBe(2);
    expect(wider.identify(page({ url: 'https://www.nytimes.com/other.html' }))).toBeNull();
  });

  it('finds an article by any of its extra urls', () => {
    const data = seedDataset();
    data.articles[1]!.urls = ['https://www.globaltimes.cn/content/943191.shtml'];
    const found = new Catalog([data]).identify(page({ url: 'http://globaltimes.cn/content/943191.shtml' }));
    expect(found?.id).toBe(GT_ID);
    expect(found?.how).toBe('url');
  });
});

describe('Catalog: notesFor', () => {
  const nyt = identifyOrFail(page({ url: NYT_URL }));
  const gt = identifyOrFail(page({ hashes: hashesOf(seedText) }));

  it('gives the New York Times report one note per claim: three with quotes, the timing claim without', () => {
    const notes = catalog.notesFor(nyt);
    expect(notes.map((note) => note.claim)).toEqual(['nyt-pledge-terms', 'nyt-pledge-sender', 'nyt-pledge-penalties', 'nyt-response-timing']);
    expect(notes.map((note) => note.quotes.length)).toEqual([1, 1, 1, 0]);
    for (const note of notes) {
      expect(note.side).toBe('claim');
      expect(note.dispute).toBe('pledge-2015');
      expect(note.key).toBe(`counterpoint-seed/pledge-2015/${note.claim}`);
    }
    expect(notes[0]!.quotes[0]!.exact).toBe("they would not harm China's national security and would store Chinese user data within the country");
  });

  it('counters each claim with the Global Times responses to it, without links (that article has no URL)', () => {
    const notes = catalog.notesFor(nyt);
    const stances = Object.fromEntries(notes.map((note) => [note.claim, note.counters.map((counter) => counter.stance)]));
    expect(stances).toEqual({
      'nyt-pledge-terms': ['disputes', 'corrects'],
      'nyt-pledge-sender': ['disputes', 'corrects', 'adds-context'],
      'nyt-pledge-penalties': ['disputes'],
      'nyt-response-timing': ['disputes'],
    });
    for (const counter of notes.flatMap((note) => note.counters)) {
      expect(counter.outlet).toBe('Global Times');
      expect(counter.outletId).toBe('globaltimes');
      expect(counter.articleTitle).toBe('Official disputes pledge claims');
      expect(counter.published).toBe('2015-09-19');
      expect(counter.link).toBeNull();
    }
    expect(notes[3]!.counters[0]!.summary).toContain('pure speculation');
  });

  it('gives the Global Times article its four responses, countered by the claims they answer', () => {
    const notes = catalog.notesFor(gt);
    expect(notes.map((note) => note.claim)).toEqual(['gt-inaccurate-report', 'gt-letter-not-pledge', 'gt-originally-ciscc', 'gt-timing-speculation']);
    expect(notes.map((note) => note.counters.length)).toEqual([3, 2, 1, 1]);
    for (const note of notes) {
      expect(note.side).toBe('response');
      expect(note.quotes).toHaveLength(1);
      for (const counter of note.counters) {
        expect(counter.stance).toBe('reported');
        expect(counter.outlet).toBe('The New York Times');
        expect(counter.link!.startsWith(NYT_URL)).toBe(true);
      }
    }
  });

  it('links each quoted claim at its passage with a text fragment, and the unquoted one to the report itself', () => {
    const notes = catalog.notesFor(gt);
    const quoted = notes.slice(0, 3).flatMap((note) => note.counters);
    for (const counter of quoted) expect(counter.link).toContain('#:~:text=');
    expect(notes[0]!.counters[0]!.link).toBe(`${NYT_URL}#:~:text=they%20would%20not%20harm,data%20within%20the%20country`);
    expect(notes[0]!.counters[2]!.link).toBe(`${NYT_URL}#:~:text=could%20bring%20fresh%20restrictions,enormous%20market`);
    // The timing claim has no quote: its link is the report's address, with no fragment.
    expect(notes[3]!.counters[0]!.link).toBe(NYT_URL);
  });

  it('gives nothing for an article it does not know', () => {
    expect(catalog.notesFor({ ...nyt, id: 'unknown' })).toEqual([]);
    expect(catalog.notesFor({ ...nyt, datasetId: 'another-dataset' })).toEqual([]);
  });

  it('leaves out the notes of a muted outlet', () => {
    const muted = new Catalog([dataset], { mutedOutlets: new Set(['globaltimes']) });
    const found = muted.identify(page({ url: NYT_URL }));
    expect(found?.id).toBe(NYT_ID); // still recognised...
    expect(muted.notesFor(found!)).toEqual([]); // ...but every counter came from the muted outlet
    const gtNotes = muted.notesFor(gt);
    expect(gtNotes).toHaveLength(4); // the Global Times page still shows the New York Times claims
  });

  it('muting the New York Times empties the Global Times notes only', () => {
    const muted = new Catalog([dataset], { mutedOutlets: new Set(['nyt']) });
    expect(muted.notesFor(gt)).toEqual([]);
    expect(muted.notesFor(nyt)).toHaveLength(4);
  });

  it('picks the quote in the article language for the link', () => {
    const data = seedDataset();
    const claim = data.disputes[0]!.claims[1]!;
    claim.quotes = [{ exact: '\u53D7\u5230\u538B\u529B', language: 'zh' }, { exact: 'under pressure', language: 'en' }];
    const notes = new Catalog([data]).notesFor(gt);
    expect(notes[2]!.counters[0]!.link).toBe(`${NYT_URL}#:~:text=under%20pressure`);
  });
});

describe('Catalog: articles in several disputes', () => {
  it('gives an article the notes of every dispute it is in, in the order of the dataset', () => {
    const data = seedDataset();
    const first = data.disputes[0]!;
    data.disputes.push({ ...first, id: `${first.id}-again` }, { ...first, id: `${first.id}-third` });
    const several = new Catalog([data]);
    const notes = several.notesFor(identifyOrFail(page({ url: NYT_URL }), several));
    const single = catalog.notesFor(identifyOrFail(page({ url: NYT_URL })));
    expect(notes.map((n) => n.dispute)).toEqual([...single.map(() => first.id), ...single.map(() => `${first.id}-again`), ...single.map(() => `${first.id}-third`)]);
  });
});

describe('noteHeading and stanceLabel', () => {
  const nyt = identifyOrFail(page({ url: NYT_URL }));
  const gt = identifyOrFail(page({ hashes: hashesOf(seedText) }));

  it('heads the New York Times notes "Disputed by Global Times"', () => {
    expect(catalog.notesFor(nyt).map(noteHeading)).toEqual(Array(4).fill('Disputed by Global Times'));
  });

  it('heads the Global Times notes "Responds to The New York Times"', () => {
    expect(catalog.notesFor(gt).map(noteHeading)).toEqual(Array(4).fill('Responds to The New York Times'));
  });

  it('uses the first counter\u2019s stance and lists each outlet once', () => {
    const base = catalog.notesFor(nyt)[1]!;
    const counter = base.counters[0]!;
    const note: NoteView = {
      ...base,
      counters: [
        { ...counter, stance: 'corrects' },
        { ...counter, outlet: 'Reuters', stance: 'supports' },
        { ...counter, stance: 'disputes' },
      ],
    };
    expect(noteHeading(note)).toBe('Corrected by Global Times, Reuters');
    expect(noteHeading({ ...note, counters: [] })).toBe('');
  });

  it('labels stances for people', () => {
    expect(stanceLabel('adds-context')).toBe('adds context');
    expect(stanceLabel('reported')).toBe('reported');
  });
});
