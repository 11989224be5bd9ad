import { describe, expect, it } from 'vitest';
import { alignInWindow, contextSimilarity, GAP_EXTEND, GAP_OPEN } from '../../../lib/core/match/align';

describe('alignInWindow', () => {
  it('aligns an exact occurrence at no cost, with free text around it', () => {
    const a = alignInWindow('pledge of compliance', 'a report: pledge of compliance from firms')!;
    expect(a).toMatchObject({ start: 10, end: 30, cost: 0, edits: 0, skipped: 0 });
  });

  it('charges an inserted run of page text little: one gap', () => {
    const window = 'they would not harm [advertisement: subscribe today] national security';
    const a = alignInWindow('they would not harm national security', window)!;
    expect(a.edits).toBe(0);
    expect(a.skipped).toBeGreaterThan(30);
    expect(a.cost).toBeCloseTo(GAP_OPEN + GAP_EXTEND * a.skipped, 5);
  });

  it('charges each changed or missing character of the quote one', () => {
    const a = alignInWindow('store user data', 'keep user data')!;
    expect(a.edits).toBeGreaterThanOrEqual(4);
    expect(a.cost).toBe(a.edits);
  });

  it('is null for empty input', () => {
    expect(alignInWindow('', 'x')).toBeNull();
    expect(alignInWindow('x', '')).toBeNull();
  });
});

describe('contextSimilarity', () => {
  it('compares a prefix by its end and a suffix by its start', () => {
    expect(contextSimilarity('told the times', 'he told the times', true)).toBe(1);
    expect(contextSimilarity('in july.', 'in july. more', false)).toBe(1);
    expect(contextSimilarity('in july.', 'completely other', false)).toBeLessThan(0.5);
    expect(contextSimilarity('', 'x', true)).toBe(1);
    expect(contextSimilarity('x', '', true)).toBe(0);
  });
});
