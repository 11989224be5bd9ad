import { describe, expect, it } from 'vitest';
import { appendKey, formatProblems, parseDataset, validateDataset, type ParseResult, type Problem } from '../../lib/core/dataset/parse';
import { LIMITS } from '../../lib/core/dataset/limits';
import { seedCopy, seedRaw } from './fixtures/seed';

function problems(result: ParseResult): Problem[] {
  if (result.ok) throw new Error('expected the dataset to be rejected');
  return result.problems;
}

const validate = (json: unknown) => problems(validateDataset(json));

describe('parseDataset: the file', () => {
  it('accepts the built-in seed dataset, as text and as a value', () => {
    const fromText = parseDataset(JSON.stringify(seedRaw));
    expect(fromText.ok).toBe(true);
    const fromValue = validateDataset(seedCopy());
    expect(fromValue.ok).toBe(true);
    if (fromValue.ok) {
      expect(fromValue.dataset.dataset.id).toBe('counterpoint-seed');
      expect(fromValue.dataset.articles).toHaveLength(2);
      expect(fromValue.dataset.disputes[0]!.claims).toHaveLength(4);
    }
  });

  it('rejects an empty file', () => {
    expect(problems(parseDataset(''))).toEqual([{ path: '$', message: 'the file is empty' }]);
    expect(problems(parseDataset(' \n\t '))).toEqual([{ path: '$', message: 'the file is empty' }]);
  });

  it('rejects text that is not JSON', () => {
    const [problem, ...rest] = problems(parseDataset('{"format": "counterpoint-dataset",'));
    expect(rest).toEqual([]);
    expect(problem!.path).toBe('$');
    expect(problem!.message).toMatch(/^not JSON: /);
  });

  it('rejects JSON that is not an object', () => {
    const message = 'must be a JSON object with "format": "counterpoint-dataset"';
    expect(problems(parseDataset('[]'))).toEqual([{ path: '$', message }]);
    expect(problems(parseDataset('null'))).toEqual([{ path: '$', message }]);
    expect(problems(parseDataset('"counterpoint-dataset"'))).toEqual([{ path: '$', message }]);
    expect(problems(parseDataset('42'))).toEqual([{ path: '$', message }]);
  });

  it('rejects a file over the size limit without parsing it', () => {
    const [problem] = problems(parseDataset(' '.repeat(LIMITS.fileBytes + 1)));
    expect(problem!.path).toBe('$');
    expect(problem!.message).toContain(String(LIMITS.fileBytes));
  });

  it('never throws, whatever the input', () => {
    for (const text of ['{', '}', 'undefined', '{"format":"counterpoint-dataset","version":"1.0","dataset":null}', '{"__proto__":null}']) {
      expect(() => parseDataset(text)).not.toThrow();
      expect(parseDataset(text).ok).toBe(false);
    }
  });
});

describe('validateDataset: format and version', () => {
  it('rejects another format with one clear message', () => {
    const data = seedCopy();
    data.format = 'ClaimReview';
    delete data.dataset; // would be hundreds of problems if the schema ran
    expect(validate(data)).toEqual([
      {
        path: '$.format',
        message: 'must be "counterpoint-dataset", got "ClaimReview" (ClaimReview and Web Annotation files are converted on import)',
      },
    ]);
  });

  it('says when format is missing', () => {
    const data = seedCopy();
    delete data.format;
    const [problem, ...rest] = validate(data);
    expect(rest).toEqual([]);
    expect(problem).toEqual({ path: '$.format', message: expect.stringContaining('got nothing') });
  });

  it('rejects version 2.0 with an "unsupported" message', () => {
    const data = seedCopy();
    data.version = '2.0';
    expect(validate(data)).toEqual([{ path: '$.version', message: 'format version 2.0 is not supported; this Counterpoint reads version 1.x' }]);
  });

  it('accepts a later 1.x version and drops unknown fields', () => {
    const data = seedCopy();
    data.version = '1.7';
    data.futureField = { anything: true };
    data.outlets[0].futureField = 'x';
    const result = validateDataset(data);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.version).toBe('1.7');
      expect('futureField' in result.dataset).toBe(false);
      expect('futureField' in result.dataset.outlets[0]!).toBe(false);
    }
  });

  it('rejects a version that is not a string', () => {
    const data = seedCopy();
    data.version = 1;
    const [problem] = validate(data);
    expect(problem!.path).toBe('$.version');
  });
});

describe('validateDataset: schema problems', () => {
  it('says "is required" at the exact path of a missing field', () => {
    const data = seedCopy();
    delete data.dataset.title;
    expect(validate(data)).toEqual([{ path: '$.dataset.title', message: 'is required' }]);
  });

  it('reports a missing field deep in a dispute at its exact path', () => {
    const data = seedCopy();
    delete data.disputes[0].claims[0].article;
    expect(validate(data)).toEqual([{ path: '$.disputes[0].claims[0].article', message: 'is required' }]);
  });

  it('reports a wrong type and names what it got', () => {
    const data = seedCopy();
    data.outlets[0].name = 5;
    const [problem, ...rest] = validate(data);
    expect(rest).toEqual([]);
    expect(problem!.path).toBe('$.outlets[0].name');
    expect(problem!.message).toContain('number 5');
  });

  it('reports a wrong type for a boolean and for an array', () => {
    const data = seedCopy();
    data.disputes[0].claims[1].attribution.named = 'no';
    data.outlets[1].domains = 'globaltimes.cn';
    const found = validate(data);
    expect(found.map((p) => p.path)).toEqual(['$.outlets[1].domains', '$.disputes[0].claims[1].attribution.named']);
    expect(found[1]!.message).toContain('must be true or false');
  });

  it('rejects a javascript: URL in an article', () => {
    const data = seedCopy();
    data.articles[0].url = 'javascript:alert(document.cookie)';
    expect(validate(data)).toEqual([{ path: '$.articles[0].url', message: 'must be an absolute http or https URL' }]);
  });

  it('rejects a data: URL in the urls list at its index', () => {
    const data = seedCopy();
    data.articles[1].urls = ['https://www.globaltimes.cn/content/1.shtml', 'data:text/html,<script>1</script>'];
    expect(validate(data)).toEqual([{ path: '$.articles[1].urls[1]', message: 'must be an absolute http or https URL' }]);
  });

  it('rejects a string over its length limit', () => {
    const data = seedCopy();
    data.dataset.title = 'x'.repeat(LIMITS.shortText + 1);
    expect(validate(data)).toEqual([{ path: '$.dataset.title', message: `must be at most ${LIMITS.shortText} characters` }]);
    data.dataset.title = 'x'.repeat(LIMITS.shortText);
    expect(validateDataset(data).ok).toBe(true);
  });

  it('rejects a quote over its length limit and a context over its limit', () => {
    const data = seedCopy();
    data.disputes[0].claims[0].quotes[0].exact = 'word '.repeat(LIMITS.quote);
    data.disputes[0].responses[0].quotes[0].prefix = 'p'.repeat(LIMITS.context + 1);
    expect(validate(data).map((p) => p.path)).toEqual(['$.disputes[0].claims[0].quotes[0].exact', '$.disputes[0].responses[0].quotes[0].prefix']);
  });

  it('rejects an empty (whitespace-only) text', () => {
    const data = seedCopy();
    data.disputes[0].topic = '   ';
    expect(validate(data)).toEqual([{ path: '$.disputes[0].topic', message: 'must not be empty' }]);
  });

  it('rejects an unknown stance and names it', () => {
    const data = seedCopy();
    data.disputes[0].responses[2].stance = 'lies';
    const [problem, ...rest] = validate(data);
    expect(rest).toEqual([]);
    expect(problem!.path).toBe('$.disputes[0].responses[2].stance');
    expect(problem!.message).toContain('disputes, denies, corrects, adds-context, supports');
    expect(problem!.message).toContain('"lies"');
  });

  it('rejects bad ids, dates, language tags and domains', () => {
    const data = seedCopy();
    data.outlets[0].id = '-nyt';
    data.outlets[0].domains = ['not a domain'];
    data.articles[0].published = '16/09/2015';
    data.articles[0].language = 'English';
    expect(validate(data).map((p) => p.path)).toEqual(['$.outlets[0].id', '$.outlets[0].domains[0]', '$.articles[0].published', '$.articles[0].language']);
  });

  it('rejects an empty list where at least one entry is needed', () => {
    const data = seedCopy();
    data.disputes[0].responses[0].respondsTo = [];
    expect(validate(data)).toEqual([{ path: '$.disputes[0].responses[0].respondsTo', message: 'must have at least 1 entry' }]);
  });

  it('rejects a fingerprint hash out of range and a wrong scheme', () => {
    const data = seedCopy();
    data.articles[1].fingerprint.hashes[3] = 2 ** 32;
    data.articles[1].fingerprint.hashes[4] = 1.5;
    data.articles[1].fingerprint.scheme = 'minhash';
    expect(validate(data).map((p) => p.path)).toEqual([
      '$.articles[1].fingerprint.scheme',
      '$.articles[1].fingerprint.hashes[3]',
      '$.articles[1].fingerprint.hashes[4]',
    ]);
  });

  it('reports several problems at once, each at its exact path', () => {
    const data = seedCopy();
    delete data.dataset.title;
    data.outlets[0].name = 5;
    delete data.articles[0].published;
    data.articles[0].url = 'javascript:alert(1)';
    data.disputes[0].responses[0].stance = 'lies';
    delete data.disputes[0].claims[2].summary;
    const found = validate(data);
    expect(found.map((p) => p.path)).toEqual([
      '$.dataset.title',
      '$.outlets[0].name',
      '$.articles[0].published',
      '$.articles[0].url',
      '$.disputes[0].claims[2].summary',
      '$.disputes[0].responses[0].stance',
    ]);
    expect(found.find((p) => p.path === '$.articles[0].published')!.message).toBe('is required');
  });

  it('reports at most 100 problems', () => {
    const data = seedCopy();
    data.articles[1].fingerprint.hashes = Array.from({ length: 200 }, () => -1);
    expect(validate(data)).toHaveLength(100);
  });
});

describe('validateDataset: structure', () => {
  it('rejects a __proto__ key (an own key, as JSON.parse makes it)', () => {
    const text = JSON.stringify(seedRaw).replace('"nyt-pledge-terms",', '"nyt-pledge-terms","__proto__":{"polluted":true},');
    const json: unknown = JSON.parse(text);
    expect(validate(json)).toEqual([{ path: '$.disputes[0].claims[0].__proto__', message: 'the key "__proto__" is not allowed' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects constructor and prototype keys', () => {
    const data = seedCopy();
    data.outlets[0].constructor = 'x';
    data.dataset.prototype = {};
    expect(validate(data)).toEqual([
      { path: '$.dataset.prototype', message: 'the key "prototype" is not allowed' },
      { path: '$.outlets[0].constructor', message: 'the key "constructor" is not allowed' },
    ]);
  });

  it('rejects nesting deeper than the limit, naming where', () => {
    const data = seedCopy();
    let deep: unknown = 'bottom';
    for (let i = 0; i < LIMITS.depth + 5; i++) deep = [deep];
    data.dataset.extra = deep;
    const found = validate(data);
    expect(found).toHaveLength(1);
    // $ is depth 0, .dataset 1, .extra 2; the first array deeper than 12 levels is 11 indices in.
    expect(found[0]).toEqual({ path: `$.dataset.extra${'[0]'.repeat(LIMITS.depth - 1)}`, message: `nested deeper than ${LIMITS.depth} levels` });
  });

  it('accepts nesting up to the limit (unknown fields are then dropped)', () => {
    const data = seedCopy();
    let deep: unknown = 'bottom';
    // The innermost array sits at depth 12 exactly.
    for (let i = 0; i < LIMITS.depth - 1; i++) deep = [deep];
    data.dataset.extra = deep;
    expect(validateDataset(data).ok).toBe(true);
  });

  it('uses bracket notation for keys that are not identifiers', () => {
    const data = seedCopy();
    data.dataset['two words'] = JSON.parse('{"ok": 1, "__proto__": 2}');
    expect(validate(data)).toEqual([{ path: '$.dataset["two words"].__proto__', message: 'the key "__proto__" is not allowed' }]);
    expect(appendKey('$.a', 'b')).toBe('$.a.b');
    expect(appendKey('$.a', 'two words')).toBe('$.a["two words"]');
    expect(appendKey('$', '0x')).toBe('$["0x"]');
  });
});

describe('validateDataset: references', () => {
  it('rejects a duplicate outlet id and says where the first one is', () => {
    const data = seedCopy();
    data.outlets.push({ ...data.outlets[0], name: 'Another' });
    expect(validate(data)).toEqual([{ path: '$.outlets[2].id', message: 'outlet id "nyt" is already used at $.outlets[0]' }]);
  });

  it('rejects a duplicate article id', () => {
    const data = seedCopy();
    data.articles.push({ ...data.articles[0], title: 'Copy' });
    expect(validate(data)).toEqual([{ path: '$.articles[2].id', message: 'article id "nyt-2015-09-16-pledge" is already used at $.articles[0]' }]);
  });

  it('rejects a response id that repeats a claim id', () => {
    const data = seedCopy();
    data.disputes[0].responses[3].id = 'nyt-pledge-sender';
    expect(validate(data)).toEqual([
      { path: '$.disputes[0].responses[3].id', message: 'claim or response id "nyt-pledge-sender" is already used at $.disputes[0].claims[1]' },
    ]);
  });

  it('rejects a duplicate dispute id', () => {
    const data = seedCopy();
    const copy = JSON.parse(JSON.stringify(data.disputes[0]));
    copy.claims.forEach((claim: { id: string }) => (claim.id += '-2'));
    copy.responses.forEach((response: { id: string; respondsTo: string[] }) => {
      response.id += '-2';
      response.respondsTo = response.respondsTo.map((id) => `${id}-2`);
    });
    data.disputes.push(copy);
    expect(validate(data)).toEqual([{ path: '$.disputes[1].id', message: 'dispute id "pledge-2015" is already used at $.disputes[0]' }]);
  });

  it('rejects references to unknown outlets, articles and claims, all at once', () => {
    const data = seedCopy();
    data.articles[0].outlet = 'bbc';
    data.articles[1].translations = [{ language: 'zh', article: 'gt-chinese' }];
    data.disputes[0].claims[0].article = 'nyt-missing';
    data.disputes[0].responses[1].article = 'gt-missing';
    data.disputes[0].responses[0].respondsTo[1] = 'ghost-claim';
    expect(validate(data)).toEqual([
      { path: '$.articles[0].outlet', message: 'no outlet has the id "bbc"' },
      { path: '$.articles[1].translations[0].article', message: 'no article has the id "gt-chinese"' },
      { path: '$.disputes[0].claims[0].article', message: 'no article has the id "nyt-missing"' },
      { path: '$.disputes[0].responses[0].respondsTo[1]', message: 'no claim of this dispute has the id "ghost-claim"' },
      { path: '$.disputes[0].responses[1].article', message: 'no article has the id "gt-missing"' },
    ]);
  });

  it('rejects a response to a claim of another dispute', () => {
    const data = seedCopy();
    data.disputes.push({
      id: 'other',
      topic: 'Another dispute',
      claims: [{ id: 'other-claim', article: 'nyt-2015-09-16-pledge', summary: 'x', attribution: { text: 'x', type: 'person', named: false } }],
      responses: [
        {
          id: 'other-response',
          article: 'gt-2015-09-19-official-disputes',
          respondsTo: ['nyt-pledge-terms'],
          stance: 'disputes',
          summary: 'y',
          attribution: { text: 'y', type: 'official', named: false },
        },
      ],
    });
    expect(validate(data)).toEqual([{ path: '$.disputes[1].responses[0].respondsTo[0]', message: 'no claim of this dispute has the id "nyt-pledge-terms"' }]);
  });
});

describe('formatProblems', () => {
  it('prefixes each problem with the file name and path', () => {
    expect(formatProblems('mine.json', [{ path: '$.dataset.title', message: 'is required' }])).toEqual(['mine.json: $.dataset.title: is required']);
  });
});
