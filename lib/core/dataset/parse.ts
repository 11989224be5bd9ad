/**
 * Reading a dataset file: every problem at once, each naming its JSON path. Nothing is returned
 * unless the whole file is valid, so a failed import can never change what is installed.
 */
import * as v from 'valibot';
import { DatasetSchema, type Dataset } from './schema';
import { LIMITS } from './limits';
import { checkReferences } from './references';
import { describeJsonError } from './json-error';

export interface Problem {
  /** JSON path of the value, `$` for the whole file. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/** Keys that could reach an object's prototype if some code copied them: refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_PROBLEMS = LIMITS.problems;

export type JsonResult = { ok: true; json: unknown } | { ok: false; problems: Problem[] };

/** The JSON value of a file's text, or why it has none: too big, empty, or not JSON. Never throws. */
export function readJson(text: string): JsonResult {
  if (text.length > LIMITS.fileBytes) {
    return { ok: false, problems: [{ path: '$', message: `the file is ${text.length} characters long; the limit is ${LIMITS.fileBytes}` }] };
  }
  // Editors on Windows often save UTF-8 with a byte order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '$', message: 'the file is empty' }] };
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch {
    return { ok: false, problems: [{ path: '$', message: `not JSON: ${describeJsonError(body)}` }] };
  }
}

/** Parse and validate the text of a dataset file. Never throws. */
export function parseDataset(text: string): ParseResult {
  const read = readJson(text);
  return read.ok ? validateDataset(read.json) : read;
}

/** Validate an already parsed JSON value. Never throws. */
export function validateDataset(json: unknown): ParseResult {
  const structural = scanStructure(json);
  if (structural.length) return { ok: false, problems: structural };
  const header = checkHeader(json);
  if (header) return { ok: false, problems: [header] };
  const result = v.safeParse(DatasetSchema, json, { abortEarly: false });
  if (!result.success) return { ok: false, problems: capProblems(result.issues.map(toProblem)) };
  const references = checkReferences(result.output);
  if (references.length) return { ok: false, problems: capProblems(references) };
  return { ok: true, dataset: result.output };
}

/** At most LIMITS.problems problems; when there are more, the last one says how many were left out. */
export function capProblems(problems: Problem[], total = problems.length): Problem[] {
  if (total <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS - 1);
  return [...kept, { path: '$', message: `and ${total - kept.length} more problems; only the first ${kept.length} are listed` }];
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

/**
 * Depth and forbidden keys, checked before any schema runs, on any JSON (converted formats too).
 * The path is a stack of keys turned into text only for what is reported: a valid file costs one walk.
 */
export function scanStructure(json: unknown): Problem[] {
  const problems: Problem[] = [];
  const keys: (string | number)[] = [];
  let total = 0;
  const report = (last: string | number | null, message: string) => {
    if (total++ >= MAX_PROBLEMS) return;
    problems.push({ path: pathOf(last === null ? keys : [...keys, last]), message });
  };
  // Called only for objects and arrays; numbers and strings (most of a file) cost no call.
  const walk = (value: object, depth: number): void => {
    if (depth > LIMITS.depth) {
      report(null, `nested deeper than ${LIMITS.depth} levels`);
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (typeof item !== 'object' || item === null) continue;
        keys.push(index);
        walk(item, depth + 1);
        keys.pop();
      }
      return;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if ((key.length === 9 || key.length === 11) && FORBIDDEN_KEYS.has(key)) {
        report(key, `the key "${key}" is not allowed`);
        continue;
      }
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item !== 'object' || item === null) continue;
      keys.push(key);
      walk(item, depth + 1);
      keys.pop();
    }
  };
  if (typeof json === 'object' && json !== null) walk(json, 0);
  return capProblems(problems, total);
}

/** `$.a[0]["b c"]` from a list of keys and indices. */
export function pathOf(keys: readonly (string | number)[]): string {
  let path = '$';
  for (const key of keys) path = typeof key === 'number' ? `${path}[${key}]` : appendKey(path, key);
  return path;
}

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', Array: 'a list', Object: 'an object' };

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const path = pathOf(
    (issue.path ?? []).map((item) => {
      const key = (item as { key: unknown }).key;
      return typeof key === 'number' ? key : String(key);
    }),
  );
  if (issue.input === undefined && issue.kind === 'schema') return { path, message: 'is required' };
  // valibot's own words for a wrong type ("Invalid type: Expected string but received 1") become ours.
  const message = issue.message.startsWith('Invalid type') && issue.expected ? `must be ${EXPECTED[issue.expected] ?? issue.expected}` : issue.message;
  const showInput = issue.kind === 'schema' || issue.type === 'literal' || typeof issue.input === 'number';
  return { path, message: showInput ? `${message}, got ${describe(issue.input)}` : message };
}

export function appendKey(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A short description of a JSON value for messages: `"abc"`, `number 5`, `an object`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Problems as lines for people: `file: $.path: message`. */
export function formatProblems(source: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${source}: ${problem.path}: ${problem.message}`);
}
