/** docs/dataset.schema.json is generated from the runtime schema and must be kept up to date. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../../lib/core/dataset/json-schema';
import { FORBIDDEN_KEYS } from '../../../lib/core/dataset/parse';

const committed = readFileSync(new URL('../../../docs/dataset.schema.json', import.meta.url), 'utf8');

describe('docs/dataset.schema.json', () => {
  it('is what `npm run dataset -- schema` prints now (regenerate it after changing the schema)', () => {
    expect(committed).toBe(`${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
  });

  it('says what an editor needs: required fields, the stance vocabulary, http(s) URLs, forbidden keys', () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['format', 'version', 'dataset', 'outlets', 'articles', 'disputes']);
    const response = schema.properties.disputes.items.properties.responses.items;
    expect(response.properties.stance.enum).toEqual(['disputes', 'denies', 'corrects', 'adds-context', 'supports']);
    expect(schema.properties.articles.items.properties.url).toMatchObject({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });
    expect(schema.propertyNames).toEqual({ not: { enum: [...FORBIDDEN_KEYS] } });
  });
});

describe('docs/dataset-format.md', () => {
  const doc = readFileSync(new URL('../../../docs/dataset-format.md', import.meta.url), 'utf8');

  it('states every limit of limits.ts', async () => {
    const { LIMITS } = await import('../../../lib/core/dataset/limits');
    for (const [name, value] of Object.entries(LIMITS)) {
      expect(doc.includes(value.toLocaleString('en-US')) || doc.includes(String(value)), `${name} = ${value}`).toBe(true);
    }
    expect(doc).toContain(`${(LIMITS.fileBytes / 2 ** 20).toFixed(0)} MiB`);
  });

  it('names every stance and attribution type', async () => {
    const { STANCES, SOURCE_TYPES } = await import('../../../lib/core/dataset/schema');
    for (const word of [...STANCES, ...SOURCE_TYPES]) expect(doc).toContain(`\`${word}\``);
  });
});
