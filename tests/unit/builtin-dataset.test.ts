/**
 * The built-in dataset against the article it was written from: every quote must be the article's
 * own words, and the stored fingerprint must be the fingerprint of the article's body.
 */
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_SCHEME, FINGERPRINT_SIZE, fingerprintText } from '../../lib/core/fingerprint';
import { findQuote } from '../../lib/core/match/find-quote';
import { normalise } from '../../lib/core/text/normalise';
import { urlKey } from '../../lib/core/url';
import { GT_ID, NYT_ID, NYT_URL, seedBody, seedDataset, seedText } from './fixtures/seed';

const dataset = seedDataset();
const dispute = dataset.disputes[0]!;
const collapsed = seedText.replace(/\s+/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('built-in dataset', () => {
  it('is one dispute between the two articles of the seed', () => {
    expect(dataset.disputes).toHaveLength(1);
    expect(dataset.articles.map((article) => article.id)).toEqual([NYT_ID, GT_ID]);
    expect(dispute.claims.every((claim) => claim.article === NYT_ID)).toBe(true);
    expect(dispute.responses.every((response) => response.article === GT_ID)).toBe(true);
  });

  it('titles the Global Times article with the seed headline', () => {
    const headline = seedText.split('\n')[0]!.trim();
    expect(dataset.articles.find((article) => article.id === GT_ID)!.title).toBe(headline);
  });

  it('titles the New York Times report as the seed quotes it, and its URL follows the headline', () => {
    const nyt = dataset.articles.find((article) => article.id === NYT_ID)!;
    expect(seedText).toContain(`titled "${nyt.title},"`);
    expect(nyt.url).toBe(NYT_URL);
    const slug = nyt.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(urlKey(nyt.url!)).toBe(`nytimes.com/2015/09/17/technology/${slug}.html`);
  });

  it('dates the Global Times article as the seed does', () => {
    const gt = dataset.articles.find((article) => article.id === GT_ID)!;
    expect(seedText).toContain(`Updated: ${gt.published}`);
  });

  describe('Global Times response quotes', () => {
    for (const response of dispute.responses) {
      for (const [k, quote] of response.quotes.entries()) {
        it(`${response.id} quote ${k}: prefix + exact + suffix is verbatim in the seed`, () => {
          expect(quote.prefix, 'a response quote carries context').toBeTruthy();
          expect(quote.suffix, 'a response quote carries context').toBeTruthy();
          const full = `${quote.prefix}${quote.exact}${quote.suffix}`;
          expect(collapsed).toContain(full);
          // and only once, so the quote anchors at one place
          expect(collapsed.indexOf(full)).toBe(collapsed.lastIndexOf(full));
        });
      }
    }

    it('every response has exactly one quote', () => {
      expect(dispute.responses.map((response) => response.quotes.length)).toEqual([1, 1, 1, 1]);
    });

    it('the matcher finds each one in the normalised seed with full context, once', () => {
      const page = normalise(seedText);
      for (const response of dispute.responses) {
        const hits = findQuote(page, response.quotes[0]!);
        expect(hits, response.id).toHaveLength(1);
        expect(hits[0]!.context, response.id).toBe(1);
      }
    });
  });

  describe('New York Times claim quotes', () => {
    for (const claim of dispute.claims) {
      for (const [k, quote] of claim.quotes.entries()) {
        it(`${claim.id} quote ${k} is quoted in the seed inside quotation marks`, () => {
          // The Global Times quotes the report: "<exact>" possibly with the sentence's full stop inside.
          expect(collapsed).toMatch(new RegExp(`"${escape(quote.exact)}[.,]?"`));
          expect(quote.prefix, 'no words around the NYT phrases are known').toBeUndefined();
          expect(quote.suffix, 'no words around the NYT phrases are known').toBeUndefined();
        });
      }
    }

    it('three claims carry a quote and the timing claim, which the seed only paraphrases, carries none', () => {
      expect(dispute.claims.map((claim) => [claim.id, claim.quotes.length])).toEqual([
        ['nyt-pledge-terms', 1],
        ['nyt-pledge-sender', 1],
        ['nyt-pledge-penalties', 1],
        ['nyt-response-timing', 0],
      ]);
    });
  });

  describe('Global Times fingerprint', () => {
    const gt = dataset.articles.find((article) => article.id === GT_ID)!;

    it('starts the seed body at "A senior official"', () => {
      expect(seedBody.startsWith('A senior official on Friday disputed')).toBe(true);
      expect(seedBody.trimEnd().endsWith('"secure and controllable."')).toBe(true);
    });

    it('equals the fingerprint of the seed body', () => {
      expect(gt.fingerprint).toEqual(fingerprintText(seedBody));
    });

    it('has the scheme and size the code uses, sorted ascending', () => {
      expect(gt.fingerprint!.scheme).toBe(FINGERPRINT_SCHEME);
      expect(gt.fingerprint!.hashes).toHaveLength(FINGERPRINT_SIZE);
      const sorted = [...gt.fingerprint!.hashes].sort((a, b) => a - b);
      expect(gt.fingerprint!.hashes).toEqual(sorted);
      expect(new Set(gt.fingerprint!.hashes).size).toBe(FINGERPRINT_SIZE);
    });

    it('was taken from the body only, not the whole file with headline, dateline and share buttons', () => {
      expect(fingerprintText(seedText).hashes).not.toEqual(gt.fingerprint!.hashes);
    });
  });
});
