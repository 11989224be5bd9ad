/**
 * Every limit of docs/dataset-format.md, on inputs too big to keep as fixture files: each is refused
 * just past the limit with a message that names it, and accepted at the limit.
 */
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../lib/core/dataset/import';
import { LIMITS } from '../../../lib/core/dataset/limits';
import { formatProblems } from '../../../lib/core/dataset/parse';
import { fixture } from './golden';

const minimal = () => JSON.parse(fixture('valid/minimal.json'));
const lines = (json: unknown) => {
  const result = importDataset(typeof json === 'string' ? json : JSON.stringify(json), 'big.json');
  return result.ok ? ['ok'] : formatProblems('big.json', result.problems);
};

describe('limits', () => {
  it('file size: refused without being parsed', () => {
    expect(lines(' '.repeat(LIMITS.fileBytes + 1))).toEqual([`big.json: $: the file is ${LIMITS.fileBytes + 1} characters long; the limit is ${LIMITS.fileBytes}`]);
  });

  it('entries: outlets, articles and disputes', () => {
    const data = minimal();
    data.outlets = Array.from({ length: LIMITS.outlets + 1 }, (_, i) => ({ id: `o${i}`, name: `Outlet ${i}`, domains: [] }));
    expect(lines(data)).toEqual([`big.json: $.outlets: must have at most ${LIMITS.outlets} entries`]);
    data.outlets.pop();
    data.outlets.push(...minimal().outlets);
    data.outlets.splice(0, 2);
    expect(lines(data)).toEqual(['ok']);
  });

  it('entries: claims per dispute and quotes per claim', () => {
    const data = minimal();
    const claim = data.disputes[0].claims[0];
    data.disputes[0].claims = Array.from({ length: LIMITS.claimsPerDispute + 1 }, (_, i) => ({ ...claim, id: `c${i}` }));
    data.disputes[0].responses[0].respondsTo = ['c0'];
    expect(lines(data)).toEqual([`big.json: $.disputes[0].claims: must have at most ${LIMITS.claimsPerDispute} entries`]);
  });

  it('string lengths, each at its limit and one past it', () => {
    const cases: [string, (data: any, text: string) => void, number][] = [
      ['$.dataset.title', (d, t) => (d.dataset.title = t), LIMITS.shortText],
      ['$.disputes[0].claims[0].summary', (d, t) => (d.disputes[0].claims[0].summary = t), LIMITS.text],
      ['$.disputes[0].claims[0].quotes[0].exact', (d, t) => (d.disputes[0].claims[0].quotes[0].exact = t), LIMITS.quote],
      ['$.disputes[0].claims[0].quotes[0].suffix', (d, t) => (d.disputes[0].claims[0].quotes[0].suffix = t), LIMITS.context],
      ['$.outlets[0].id', (d, t) => (d.outlets[0].id = t), LIMITS.id],
    ];
    for (const [path, set, max] of cases) {
      const atLimit = minimal();
      set(atLimit, 'x'.repeat(max));
      if (path === '$.outlets[0].id') atLimit.articles[0].outlet = 'x'.repeat(max);
      expect(lines(atLimit), path).toEqual(['ok']);
      const over = minimal();
      set(over, 'x'.repeat(max + 1));
      expect(lines(over), path).toContain(`big.json: ${path}: must be at most ${max} characters`);
    }
    const url = minimal();
    url.articles[0].url = `https://daily.example.com/${'x'.repeat(LIMITS.url)}`;
    expect(lines(url)).toEqual([`big.json: $.articles[0].url: must be at most ${LIMITS.url} characters`]);
  });

  it('nesting depth, in any part of the file, of any format', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    const data = minimal();
    data.outlets[0].extra = deep;
    expect(lines(data)).toEqual([`big.json: $.outlets[0].extra${'[0]'.repeat(LIMITS.depth - 2)}: nested deeper than ${LIMITS.depth} levels`]);
    const review = JSON.parse(fixture('claimreview/single.json'));
    review.itemReviewed.appearance.publisher.logo = deep;
    expect(lines(review)[0]).toMatch(/^big\.json: \$\.itemReviewed\.appearance\.publisher\.logo(\[0\])+: nested deeper than 12 levels$/);
  });

  it('a very deep file that is not even JSON does not overflow the stack', () => {
    expect(lines('['.repeat(200_000))).toEqual(['big.json: $: not JSON: line 1, column 200001: the text ends where a value should be']);
    expect(lines(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)[0]).toMatch(/nested deeper than 12 levels$/);
  });

  it('problems: at most 100 listed, the last saying how many more there are', () => {
    const data = minimal();
    data.articles[0].urls = Array.from({ length: 50 }, (_, i) => `javascript:${i}`);
    data.outlets.push(...Array.from({ length: 300 }, () => ({ ...data.outlets[0], constructor: 1 })));
    const found = lines(data);
    expect(found).toHaveLength(LIMITS.problems);
    expect(found.at(-1)).toBe(`big.json: $: and ${300 - 99} more problems; only the first 99 are listed`);
  });
});
