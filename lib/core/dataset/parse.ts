/**
 * Reading a dataset file: every problem at once, each naming its JSON path. Nothing is returned
 * unless the whole file is valid, so a failed import can never change what is installed.
 */
import * as v from 'valibot';
import { DatasetSchema, type Dataset } from './schema';
import { LIMITS } from './limits';
import { checkReferences } from './references';

export interface Problem {
  /** JSON path of the value, `$` for the whole file. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_PROBLEMS = 100;

/** Parse and validate the text of a dataset file. Never throws. */
export function parseDataset(text: string): ParseResult {
  if (text.length > LIMITS.fileBytes) {
    return fail('$', `the file is ${text.length} characters long; the limit is ${LIMITS.fileBytes}`);
  }
  if (text.trim() === '') return fail('$', 'the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('$', `not JSON: ${(error as Error).message}`);
  }
  return validateDataset(json);
}

/** Validate an already parsed JSON value. Never throws. */
export function validateDataset(json: unknown): ParseResult {
  const structural = scanStructure(json);
  if (structural.length) return { ok: false, problems: structural };
  const header = checkHeader(json);
  if (header) return { ok: false, problems: [header] };
  const result = v.safeParse(DatasetSchema, json, { abortEarly: false });
  if (!result.success) {
    return { ok: false, problems: result.issues.slice(0, MAX_PROBLEMS).map(toProblem) };
  }
  const references = checkReferences(result.output);
  if (references.length) return { ok: false, problems: references.slice(0, MAX_PROBLEMS) };
  return { ok: true, dataset: result.output };
}

/** Format and major version first: a file of another format gets one clear message, not hundreds. */
function checkHeader(json: unknown): Problem | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { path: '$', message: 'must be a JSON object with "format": "counterpoint-dataset"' };
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== 'counterpoint-dataset') {
    return { path: '$.format', message: `must be "counterpoint-dataset", got ${describe(format)} (ClaimReview and Web Annotation files are converted on import)` };
  }
  const major = typeof version === 'string' ? /^(\d+)\./.exec(version)?.[1] : undefined;
  if (major !== undefined && major !== '1') {
    return { path: '$.version', message: `format version ${version} is not supported; this Counterpoint reads version 1.x` };
  }
  return null;
}

/** Depth and forbidden keys, checked before any schema runs. */
function scanStructure(json: unknown): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (problems.length >= MAX_PROBLEMS || typeof value !== 'object' || value === null) return;
    if (depth > LIMITS.depth) {
      problems.push({ path, message: `nested deeper than ${LIMITS.depth} levels` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      const childPath = appendKey(path, key);
      if (FORBIDDEN_KEYS.has(key)) problems.push({ path: childPath, message: `the key "${key}" is not allowed` });
      else walk((value as Record<string, unknown>)[key], childPath, depth + 1);
    }
  };
  walk(json, '$', 0);
  return problems;
}

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  let path = '$';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path = typeof key === 'number' ? `${path}[${key}]` : appendKey(path, String(key));
  }
  const got = issue.kind === 'schema' || issue.type === 'literal' ? `, got ${describe(issue.input)}` : '';
  const message = issue.input === undefined && issue.kind === 'schema' ? 'is required' : `${issue.message}${got}`;
  return { path, message };
}

export function appendKey(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, problems: [{ path, message }] };
}

/** Problems as lines for people: `file: $.path: message`. */
export function formatProblems(source: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${source}: ${problem.path}: ${problem.message}`);
}
