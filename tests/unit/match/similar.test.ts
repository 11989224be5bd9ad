import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../lib/core/catalog';
import { validateDataset } from '../../../lib/core/dataset/parse';
import { ClaimIndex } from '../../../lib/core/similar/claim-index';
import { verifyClaims, type ClaimTexts } from '../../../lib/core/similar/verify';
import { contentWords, sentences, stem } from '../../../lib/core/similar/words';
import { textHashes } from '../../../lib/core/text/tokens';
import seed from '../../../lib/core/dataset/builtin/seed.json';

const TERMS: ClaimTexts = {
  key: 'seed/pledge/terms',
  texts: [
    "they would not harm China's national security and would store Chinese user data within the country",
    'The Chinese government sent certain US tech firms a document earlier in the summer asking them to promise that they would not harm China\'s national security and would store Chinese user data within the country.',
    '不会损害中国的国家安全，并将中国用户数据存储在中国境内',
  ],
  rebuttals: ['The official of a related government department who asked for anonymity told the Global Times on Friday that it was an "inaccurate report."'],
  names: ['The New York Times', 'Global Times'],
};

describe('words', () => {
  it('stems lightly and drops function words', () => {
    expect(stem('companies')).toBe('company');
    expect(stem('stored')).toBe('stor');
    expect(stem('store')).toBe('store');
    expect(contentWords('The companies would store data')).toEqual(['company', 'store', 'data']);
  });

  it('splits sentences, not at abbreviations, and in Chinese', () => {
    expect(sentences('Mr. Obama said so. U.S. firms agreed. Then nothing.').map((s) => s.text)).toEqual(['Mr. Obama said so.', 'U.S. firms agreed.', 'Then nothing.']);
    expect(sentences('他指出。报道称，可能面临处罚。').map((s) => s.text)).toEqual(['他指出。', '报道称，可能面临处罚。']);
  });
});

describe('verifyClaims', () => {
  it('finds the claim repeated with attribution in a wire rewrite', () => {
    const article = 'BEIJING (Wire) — China has asked technology companies to sign a pledge, a newspaper reported. The government asked certain US tech firms to promise that they would not harm China\'s national security and would store Chinese user data within the country, The New York Times reported. Xi travels to Seattle next week.';
    const [found] = verifyClaims(article, [TERMS]);
    expect(found?.key).toBe(TERMS.key);
    expect(article.slice(found!.start, found!.end)).toContain('would store Chinese user data');
    expect(found!.score).toBeGreaterThan(0.8);
  });

  it('finds a paraphrase', () => {
    const article = 'Beijing quietly sent American technology firms a document this summer. The firms were asked to promise that they would not harm China\'s national security and that they would store the data of Chinese users inside the country. That is leverage.';
    expect(verifyClaims(article, [TERMS])).toHaveLength(1);
  });

  it('does not take a page that carries the rebuttal for one making the claim', () => {
    const article = 'The New York Times claimed the companies were asked to promise "they would not harm China\'s national security and would store Chinese user data within the country." The official of a related government department who asked for anonymity told the Global Times on Friday that it was an "inaccurate report."';
    expect(verifyClaims(article, [TERMS])).toEqual([]);
  });

  it('does not take a sentence that denies the claim', () => {
    const article = 'Officials denied that firms were asked to promise they would not harm China\'s national security and would store Chinese user data within the country. Other news followed.';
    expect(verifyClaims(article, [TERMS])).toEqual([]);
  });

  it('does not take an article that shares only a few words', () => {
    const article = 'China\'s national security law was adopted in July. Data centres in the country keep growing, and user numbers rise.';
    expect(verifyClaims(article, [TERMS])).toEqual([]);
  });

  it('works on Chinese text', () => {
    const article = '据美国《纽约时报》16日报道，中国政府要求这些公司承诺不会损害中国的国家安全，并将中国用户数据存储在中国境内。报道发表之际，习近平即将访美。';
    expect(verifyClaims(article, [TERMS]).map((v) => v.key)).toEqual([TERMS.key]);
  });
});

describe('ClaimIndex', () => {
  it('retrieves claims by the n-gram hashes the always-on script sends', () => {
    const index = new ClaimIndex();
    index.add('a', TERMS.texts[0]!);
    index.add('b', 'the cinema gunman had a violent past according to police records');
    const page = [...textHashes(`Some news. Firms must promise they would not harm China's national security and would store Chinese user data within the country. More.`)];
    expect(index.candidates(page).map((c) => c.key)).toEqual(['a']);
    expect(index.candidates([...textHashes('Nothing to do with it at all, markets rallied today.')])).toEqual([]);
  });
});

describe('Catalog.match', () => {
  const result = validateDataset(seed);
  if (!result.ok) throw new Error('seed invalid');
  const catalog = new Catalog([result.dataset]);
  const signals = (url: string, text: string) => ({ url, canonical: null, ogUrl: null, hashes: [...textHashes(text)] });
  const REWRITE = 'China asked US tech firms to promise that they would not harm China\'s national security and would store Chinese user data within the country, the newspaper said.';

  it('is identify first, then candidate claims for an unknown page', () => {
    expect(catalog.identify(signals('https://wire.example/a', REWRITE))).toBeNull();
    const match = catalog.match(signals('https://wire.example/a', REWRITE))!;
    expect(match.how).toBe('similar');
    const notes = catalog.notesFor(match);
    expect(notes.map((n) => n.claim)).toContain('nyt-pledge-terms');
    expect(notes.every((n) => n.side === 'claim' && n.similar && n.counters.length > 0)).toBe(true);
  });

  it('never offers a claim to the site of the outlet that answers it', () => {
    expect(catalog.match(signals('https://www.globaltimes.cn/content/other.shtml', REWRITE))).toBeNull();
  });
});
