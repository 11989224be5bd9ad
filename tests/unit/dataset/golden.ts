/**
 * Golden files: the expected output beside its input. `UPDATE_GOLDEN=1 npx vitest run --project unit
 * tests/unit/dataset` rewrites them; review the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export const FIXTURES = new URL('../../fixtures/datasets/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function expectGolden(name: string, actual: string): void {
  const url = new URL(name, FIXTURES);
  if (process.env.UPDATE_GOLDEN || !existsSync(url)) writeFileSync(url, actual);
  expect(actual, `golden file ${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(url, 'utf8'));
}

/** The date converted datasets get when their source gives none, fixed so that goldens stay put. */
export const TODAY = '2026-01-01';
