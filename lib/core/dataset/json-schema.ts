/**
 * docs/dataset.schema.json, generated from the runtime schema so that the two cannot disagree
 * (`npm run dataset -- schema`; a unit test checks the committed file). What JSON Schema cannot say
 * (references between ids, the nesting limit, whitespace trimming) is checked only at import.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { FORBIDDEN_KEYS } from './parse';
import { DatasetSchema } from './schema';

export function datasetJsonSchema(): JsonSchema {
  const schema = toJsonSchema(DatasetSchema, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    overrideAction: ({ valibotAction, jsonSchema }) => {
      // Trimmed text must not be only white space; lower-casing changes nothing a schema checks.
      if (valibotAction.type === 'trim') return { ...jsonSchema, pattern: '\\S' };
      if (valibotAction.type === 'to_lower_case') return jsonSchema;
      if (valibotAction.type === 'check') return { ...jsonSchema, format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' };
      return undefined;
    },
  });
  return {
    $schema: schema.$schema,
    $comment: 'Generated from lib/core/dataset/schema.ts by `npm run dataset -- schema`. Do not edit. Format: docs/dataset-format.md.',
    title: 'Counterpoint dataset, format 1.x',
    ...withoutSchemaKey(forbidKeys(schema)),
  };
}

/** Every object refuses the keys Counterpoint refuses anywhere. */
function forbidKeys(node: JsonSchema): JsonSchema {
  if (Array.isArray(node)) return node.map(forbidKeys) as unknown as JsonSchema;
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = typeof value === 'object' && value !== null ? forbidKeys(value as JsonSchema) : value;
  if (out.type === 'object') out.propertyNames = { not: { enum: [...FORBIDDEN_KEYS] } };
  return out as JsonSchema;
}

function withoutSchemaKey(schema: JsonSchema): JsonSchema {
  const { $schema: _, ...rest } = schema as Record<string, unknown>;
  return rest as JsonSchema;
}
