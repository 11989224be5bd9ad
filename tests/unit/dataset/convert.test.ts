/**
 * Conversions of the standard formats, against golden outputs: every ClaimReview and Web Annotation
 * fixture (written in the shapes schema.org and the W3C data model define) converts to a valid
 * dataset with its list of assumptions.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importDataset } from '../../../lib/core/dataset/import';
import { validateDataset } from '../../../lib/core/dataset/parse';
import { expectGolden, fixture, FIXTURES, TODAY } from './golden';

function convertedFixture(dir: string, name: string) {
  const result = importDataset(fixture(`${dir}/${name}`), name, { today: TODAY });
  if (!result.ok) throw new Error(`${dir}/${name}: ${JSON.stringify(result.problems)}`);
  return result;
}

for (const dir of ['claimreview', 'webannotation']) {
  describe(`${dir} fixtures`, () => {
    const files = readdirSync(new URL(`${dir}/`, FIXTURES)).filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'));
    it('there are several', () => expect(files.length).toBeGreaterThanOrEqual(4));
    for (const name of files) {
      it(`${name} converts to its golden output`, () => {
        const result = convertedFixture(dir, name);
        expect(result.format).toBe(dir);
        expectGolden(`${dir}/${name.replace(/\.json$/, '.expected.json')}`, `${JSON.stringify({ format: result.format, assumptions: result.assumptions, dataset: result.dataset }, null, 2)}\n`);
      });
      it(`${name}: the output is a valid dataset of our format on its own, and says where it came from`, () => {
        const result = convertedFixture(dir, name);
        const again = validateDataset(JSON.parse(JSON.stringify(result.dataset)));
        expect(again.ok).toBe(true);
        expect(result.dataset.dataset.source).toEqual({ format: dir, file: name, assumptions: result.assumptions });
        expect(result.assumptions.length).toBeGreaterThan(0);
      });
    }
  });
}

describe('ClaimReview conversion', () => {
  const single = () => JSON.parse(fixture('claimreview/single.json'));
  const convert = (json: unknown) => {
    const result = importDataset(JSON.stringify(json), 'test.json', { today: TODAY });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result;
  };

  it('makes the fact-checker the responding outlet, the review its article, with the review URL and date', () => {
    const { dataset } = convert(single());
    const [dispute] = dataset.disputes;
    const response = dispute!.responses[0]!;
    const article = dataset.articles.find((a) => a.id === response.article)!;
    expect(article).toMatchObject({ url: 'https://factcheck.example.org/2024/03/flat-world-claim', published: '2024-03-05', title: 'No, the world is not flat', language: 'en' });
    expect(dataset.outlets.find((o) => o.id === article.outlet)).toMatchObject({ name: 'Example Fact Check', domains: ['factcheck.example.org'] });
    expect(response).toMatchObject({ stance: 'disputes', rating: 'False', attribution: { text: 'Example Fact Check', type: 'organisation', named: true } });
  });

  it('makes the appearance an article of its publisher, and claimReviewed the claim (a summary, not a quote)', () => {
    const { dataset } = convert(single());
    const claim = dataset.disputes[0]!.claims[0]!;
    const article = dataset.articles.find((a) => a.id === claim.article)!;
    expect(article).toMatchObject({ url: 'https://www.skeptical-news.example.com/news/a122121', published: '2024-02-22', title: 'Square Earth: flat earthers for the Internet age' });
    expect(dataset.outlets.find((o) => o.id === article.outlet)!.name).toBe('Skeptical News');
    expect(claim).toMatchObject({ summary: 'The world is flat', quotes: [], attribution: { text: 'Square World Society', type: 'organisation', named: true } });
  });

  it('takes a claimReviewed wholly in quotation marks as the quote', () => {
    for (const [text, exact] of [
      ['"We built 500 schools"', 'We built 500 schools'],
      ['“We built 500 schools”', 'We built 500 schools'],
      ['« Nous avons construit 500 écoles »', 'Nous avons construit 500 écoles'],
      ['„Wir haben 500 Schulen gebaut“', 'Wir haben 500 Schulen gebaut'],
    ]) {
      const json = single();
      json.claimReviewed = text;
      expect(convert(json).dataset.disputes[0]!.claims[0]!.quotes, text).toEqual([{ type: 'TextQuoteSelector', exact }]);
    }
    const json = single();
    json.claimReviewed = 'The minister said "500 schools" were built';
    expect(convert(json).dataset.disputes[0]!.claims[0]!.quotes).toEqual([]);
  });

  it('maps ratings to stances, and says when it guessed', () => {
    const cases: [unknown, string, boolean][] = [
      [{ alternateName: 'Pants on Fire!' }, 'disputes', false],
      [{ alternateName: 'Mostly False' }, 'disputes', false],
      [{ alternateName: 'Incorrect' }, 'disputes', false],
      [{ alternateName: 'Misleading' }, 'adds-context', false],
      [{ alternateName: 'Missing context' }, 'adds-context', false],
      [{ alternateName: 'Half True' }, 'adds-context', false],
      [{ alternateName: 'True' }, 'supports', false],
      [{ alternateName: 'Correct' }, 'supports', false],
      [{ alternateName: 'Miscaptioned' }, 'corrects', false],
      [{ alternateName: 'Engañoso' }, 'adds-context', false],
      [{ alternateName: 'Falso' }, 'disputes', false],
      [{ ratingValue: '1', bestRating: '5', worstRating: '1' }, 'disputes', true],
      [{ ratingValue: 5, bestRating: 5, worstRating: 1 }, 'supports', true],
      [{ ratingValue: 3 }, 'adds-context', true],
      [{ alternateName: 'Zorp' }, 'disputes', true],
    ];
    for (const [rating, stance, assumed] of cases) {
      const json = single();
      json.reviewRating = { '@type': 'Rating', ...(rating as object) };
      const result = convert(json);
      expect(result.dataset.disputes[0]!.responses[0]!.stance, JSON.stringify(rating)).toBe(stance);
      expect(result.assumptions.some((a) => a.startsWith('a rating')), JSON.stringify(rating)).toBe(assumed);
    }
  });

  it('gives the same ids to the same reviews whatever their order, so a refreshed feed keeps them', () => {
    const list = JSON.parse(fixture('claimreview/list.json')) as unknown[];
    const ids = (json: unknown) => convert(json).dataset.disputes.map((d) => d.id).sort();
    expect(ids([...list].reverse())).toEqual(ids(list));
  });

  it('merges appearances that are one article under several addresses', () => {
    const { dataset } = convert(JSON.parse(fixture('claimreview/graph.json')));
    expect(dataset.disputes[0]!.claims).toHaveLength(1);
    expect(dataset.articles.filter((a) => a.url?.includes('radio.example.com'))).toHaveLength(1);
  });
});

describe('Web Annotation conversion', () => {
  it('turns each target into a claim with its quote, the body into the response of the creator', () => {
    const { dataset } = importDataset(fixture('webannotation/single.json'), 'single.json', { today: TODAY }) as Extract<ReturnType<typeof importDataset>, { ok: true }>;
    const dispute = dataset.disputes[0]!;
    expect(dispute.claims[0]!.quotes).toEqual([
      { type: 'TextQuoteSelector', exact: 'spending on schools rose by 21% last year', prefix: 'According to the ministry, ', suffix: ', the largest rise in a decade.' },
    ]);
    expect(dispute.responses[0]).toMatchObject({ stance: 'disputes', summary: "The report's own table gives 12%, not 21%: the digits were swapped.", attribution: { text: 'Ada Reviewer', type: 'person', named: true } });
    const outlet = dataset.outlets.find((o) => o.name === 'Ada Reviewer')!;
    expect(outlet.domains).toEqual(['ada.example.net']);
  });

  it('reads a linked body as the response article, with its own quote, and HTML bodies as text', () => {
    const result = importDataset(fixture('webannotation/collection.json'), 'collection.json', { today: TODAY });
    if (!result.ok) throw new Error('expected ok');
    const [first, second] = result.dataset.disputes;
    const article = result.dataset.articles.find((a) => a.id === first!.responses[0]!.article)!;
    expect(article.url).toBe('https://coastmonitor.example.org/reports/harbour-dredging');
    expect(first!.responses[0]!.quotes[0]!.exact).toBe('Dredging began in March, two months before the permit was granted.');
    expect(second!.responses[0]!.summary).toBe('The figure counts only the first phase; the second phase adds 40 hectares & more.');
    expect(result.dataset.dataset).toMatchObject({ title: 'Harbour project disputes, 2023', publisher: 'Coast Monitor', licence: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  it('maps motivations to stances', () => {
    const base = JSON.parse(fixture('webannotation/single.json'));
    for (const [motivation, stance] of [
      ['disagreeing', 'disputes'],
      ['assessing', 'disputes'],
      ['oa:editing', 'corrects'],
      ['questioning', 'adds-context'],
      ['commenting', 'adds-context'],
      [undefined, 'adds-context'],
    ]) {
      const json = { ...base, motivation };
      const result = importDataset(JSON.stringify(json), 'a.json', { today: TODAY });
      expect(result.ok && result.dataset.disputes[0]!.responses[0]!.stance, String(motivation)).toBe(stance);
    }
  });
});

describe('detectFormat', () => {
  it('tells the formats apart', () => {
    expect(detectFormat({ format: 'counterpoint-dataset' })).toBe('counterpoint');
    expect(detectFormat({ format: 'anything' })).toBe('counterpoint');
    expect(detectFormat({})).toBe('counterpoint');
    expect(detectFormat([])).toBe('counterpoint');
    expect(detectFormat({ '@type': 'ClaimReview' })).toBe('claimreview');
    expect(detectFormat({ '@type': ['CreativeWork', 'schema:ClaimReview'] })).toBe('claimreview');
    expect(detectFormat([{ '@type': 'ClaimReview' }])).toBe('claimreview');
    expect(detectFormat({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'ClaimReview' }] })).toBe('claimreview');
    expect(detectFormat({ '@context': 'https://schema.org', '@type': 'WebPage' })).toBe('claimreview');
    expect(detectFormat({ type: 'Annotation' })).toBe('webannotation');
    expect(detectFormat([{ type: 'Annotation' }])).toBe('webannotation');
    expect(detectFormat({ type: 'AnnotationCollection' })).toBe('webannotation');
    expect(detectFormat({ '@context': 'http://www.w3.org/ns/anno.jsonld' })).toBe('webannotation');
  });

  it('can be told the format', () => {
    const result = importDataset(fixture('claimreview/single.json'), 'single.json', { from: 'webannotation', today: TODAY });
    expect(result.ok).toBe(false);
  });
});
