/**
 * Property tests over thousands of generated inputs: importDataset never throws, and never accepts
 * what the format forbids. Inputs are valid files of each format with random damage (fields removed,
 * replaced by hostile values, forbidden keys, deep nesting, text cut short) and arbitrary JSON and text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDataset, type ImportResult } from '../../../lib/core/dataset/import';
import { LIMITS } from '../../../lib/core/dataset/limits';
import { FORBIDDEN_KEYS, validateDataset } from '../../../lib/core/dataset/parse';
import { isHttpUrl } from '../../../lib/core/url';
import { fixture, TODAY } from './golden';

const BASES = ['valid/minimal.json', 'valid/full.json', 'claimreview/list.json', 'claimreview/graph.json', 'webannotation/collection.json', 'webannotation/single.json'].map(
  (name) => JSON.parse(fixture(name)) as unknown,
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...path, key], out);
  return out;
}

const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { a: deep(levels - 1) });

const HOSTILE_VALUES: unknown[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  '//evil.example.com/x',
  '/relative/path',
  'http://',
  'https://ok.example.com/a',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '',
  '   ',
  'x'.repeat(LIMITS.text + 1),
  'x'.repeat(LIMITS.url + 1),
  '\u202Eevil',
  '\ud800',
  0,
  -1,
  1.5,
  2 ** 32,
  1e308,
  true,
  null,
  [],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { prototype: 1 },
  deep(LIMITS.depth + 2),
  Array.from({ length: 30 }, (_, i) => `https://example.com/${i}`),
];

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'replace-string', 'duplicate', 'forbidden-key'),
  value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 3 }), fc.string()),
  key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
});

type Mutation = { pick: number; op: string; value: unknown; key: string };

function mutate(base: unknown, mutations: Mutation[]): unknown {
  const doc = JSON.parse(JSON.stringify(base)) as unknown;
  for (const m of mutations) {
    const paths = pathsOf(doc).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length]!;
    let parent = doc as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (m.op === 'replace') parent[last] = JSON.parse(JSON.stringify(m.value ?? null));
    else if (m.op === 'replace-string' && typeof parent[last] === 'string') parent[last] = typeof m.value === 'string' ? m.value : JSON.stringify(m.value ?? null);
    else if (m.op === 'duplicate' && Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(parent[last as number] ?? null)));
    else if (m.op === 'forbidden-key' && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) {
      Object.defineProperty(parent[last], m.key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    }
  }
  return doc;
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** What an accepted dataset must be, whatever file it came from. */
function checkAccepted(result: Extract<ImportResult, { ok: true }>): void {
  const { dataset } = result;
  assert(validateDataset(JSON.parse(JSON.stringify(dataset))).ok, 'an accepted dataset validates again');
  const urls = [dataset.dataset.homepage, ...dataset.articles.flatMap((a) => [a.url, ...a.urls])].filter((u): u is string => u !== undefined);
  for (const url of urls) assert(isHttpUrl(url), `not an http(s) URL: ${url}`);
  const walk = (value: unknown, depth: number): void => {
    assert(depth <= LIMITS.depth, 'too deep');
    if (typeof value === 'string') assert(value.length <= LIMITS.url, 'string too long');
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      assert(!FORBIDDEN_KEYS.has(key), `forbidden key ${key}`);
      walk((value as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(dataset, 0);
  for (const dispute of dataset.disputes) {
    for (const item of [...dispute.claims, ...dispute.responses]) for (const quote of item.quotes) assert(quote.exact.length <= LIMITS.quote, 'quote too long');
  }
}

function checkRefused(result: Extract<ImportResult, { ok: false }>): void {
  assert(result.problems.length > 0 && result.problems.length <= LIMITS.problems, `${result.problems.length} problems`);
  for (const problem of result.problems) {
    assert(problem.path.startsWith('$') && problem.message.length > 0, JSON.stringify(problem));
    // importDataset catches anything thrown inside it; that it never had to is part of the property.
    assert(!problem.message.startsWith('could not be read ('), `an exception inside importDataset: ${problem.message}`);
  }
}

/** Imports and checks; importDataset throwing fails the property. Returns whether it was accepted. */
function check(text: string): boolean {
  const result = importDataset(text, 'generated.json', { today: TODAY });
  if (result.ok) checkAccepted(result);
  else checkRefused(result);
  assert(({} as Record<string, unknown>).polluted === undefined, 'Object.prototype was changed');
  return result.ok;
}

describe('importDataset on generated input', () => {
  it('damaged files of every format: never throws, never accepts what the format forbids', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        if (check(JSON.stringify(mutate(BASES[base], mutations)))) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Some damage is harmless (an unknown field, a changed summary): the property covers both outcomes.
    expect(accepted).toBeGreaterThan(100);
  });

  it('files cut short or with a character changed', () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.nat(), fc.string({ maxLength: 2 }), (base, at, insert) => {
        const text = JSON.stringify(BASES[base], null, 1);
        const cut = at % (text.length + 1);
        check(text.slice(0, cut));
        check(text.slice(0, cut) + insert + text.slice(cut + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary JSON values and arbitrary text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => void check(JSON.stringify(value) ?? 'null')),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void check(text)), { numRuns: 1000 });
  });

  it('arbitrary JSON wearing the header of each format', () => {
    const headers = [{ format: 'counterpoint-dataset', version: '1.0' }, { '@context': 'https://schema.org', '@type': 'ClaimReview' }, { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' }];
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }), (header, rest) => {
        void check(JSON.stringify({ ...rest, ...header }));
      }),
      { numRuns: 1000 },
    );
  });
});
