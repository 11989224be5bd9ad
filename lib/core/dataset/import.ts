/**
 * Importing a dataset file of any format Counterpoint reads: ours, schema.org ClaimReview or W3C
 * Web Annotation. Detects the format, converts, and validates the result with the same validator as
 * our own files, so a converted dataset obeys every rule of the format. Never throws; on failure
 * returns every problem (up to the cap), each with the JSON path in the file the user gave.
 */
import { convertClaimReview, findClaimReviews } from './convert/claimreview';
import { isObject, prop, types, type ConvertOptions, type ConvertResult } from './convert/common';
import { convertWebAnnotation } from './convert/webannotation';
import { capProblems, readJson, scanStructure, validateDataset, type Problem } from './parse';
import type { Dataset } from './schema';

export type ImportFormat = 'counterpoint' | 'claimreview' | 'webannotation';

export type ImportResult =
  | { ok: true; dataset: Dataset; format: ImportFormat; assumptions: string[] }
  | { ok: false; problems: Problem[]; format?: ImportFormat };

export interface ImportOptions {
  /** Read the file as this format instead of detecting it. */
  from?: ImportFormat;
  /** The date for converted datasets when the source gives none; today by default. */
  today?: string;
}

const CONVERTERS: Record<Exclude<ImportFormat, 'counterpoint'>, (json: unknown, options: ConvertOptions) => ConvertResult> = {
  claimreview: convertClaimReview,
  webannotation: convertWebAnnotation,
};

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  counterpoint: 'Counterpoint dataset',
  claimreview: 'schema.org ClaimReview',
  webannotation: 'W3C Web Annotation',
};

export function importDataset(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  try {
    return importJson(text, fileName, options);
  } catch (error) {
    // Not expected: every input should get a message. Still, an import must never throw.
    return { ok: false, problems: [{ path: '$', message: `could not be read (${error instanceof Error ? error.message : String(error)})` }] };
  }
}

function importJson(text: string, fileName: string, options: ImportOptions): ImportResult {
  const read = readJson(text);
  if (!read.ok) return read;
  const structural = scanStructure(read.json);
  if (structural.length) return { ok: false, problems: structural };
  const format = options.from ?? detectFormat(read.json);
  if (format === 'counterpoint') {
    const result = validateDataset(read.json);
    return result.ok ? { ok: true, dataset: result.dataset, format, assumptions: [] } : { ok: false, problems: result.problems, format };
  }
  const converted = CONVERTERS[format](read.json, { fileName, today: options.today ?? new Date().toISOString().slice(0, 10) });
  if (!converted.ok) return { ok: false, problems: capProblems(converted.problems), format };
  const result = validateDataset(converted.json);
  if (!result.ok) return { ok: false, problems: result.problems.map((problem) => toSource(problem, converted.origins, format)), format };
  return { ok: true, dataset: result.dataset, format, assumptions: converted.assumptions };
}

/**
 * Our format if the file says so (or says nothing recognisable: then our validator explains what is
 * expected); ClaimReview if it holds one; Web Annotation if it holds annotations.
 */
export function detectFormat(json: unknown): ImportFormat {
  if (isObject(json) && prop(json, 'format') !== undefined) return 'counterpoint';
  if (isWebAnnotation(json)) return 'webannotation';
  if (findClaimReviews(json).reviews.length > 0 || isSchemaOrg(json)) return 'claimreview';
  return 'counterpoint';
}

/** JSON-LD in the schema.org vocabulary: read as ClaimReview, whose converter says if there is none. */
function isSchemaOrg(json: unknown): boolean {
  const first = Array.isArray(json) ? json.find(isObject) : json;
  if (!isObject(first)) return false;
  const context = prop(first, '@context');
  return (Array.isArray(context) ? context : [context]).some((c) => typeof c === 'string' && /^https?:\/\/schema\.org\/?$/.test(c));
}

const ANNOTATION_TYPES = new Set(['Annotation', 'AnnotationCollection', 'AnnotationPage']);

function isWebAnnotation(json: unknown): boolean {
  const first = Array.isArray(json) ? json.find(isObject) : json;
  if (!isObject(first)) return false;
  if (types(first).some((type) => ANNOTATION_TYPES.has(type))) return true;
  const context = prop(first, '@context');
  return (Array.isArray(context) ? context : [context]).some((c) => typeof c === 'string' && /w3\.org\/ns\/anno\.jsonld$/.test(c));
}

/** A problem found in a converted dataset, moved to the part of the source it came from. */
function toSource(problem: Problem, origins: ReadonlyMap<string, string>, format: ImportFormat): Problem {
  let best: string | undefined;
  for (const path of origins.keys()) {
    if ((problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`)) && (!best || path.length > best.length)) best = path;
  }
  const source = best ? origins.get(best)! : '$';
  return { path: source, message: `${problem.message} (at ${problem.path} of the dataset converted from ${FORMAT_NAMES[format]})` };
}
