import { describe, expect, it } from 'vitest';
import { BADGE_WIDTH, COMPACT_WIDTH, marginPlace } from '../../lib/dom/layout';

describe('marginPlace', () => {
  const column = { left: 300, right: 940 };

  it('puts the full badge in the right margin when it fits', () => {
    expect(marginPlace(column, 1280)).toEqual({ left: 952, compact: false });
  });

  it('uses the left margin when only that one has room', () => {
    const place = marginPlace({ left: 400, right: 1200 }, 1280);
    expect(place.compact).toBe(false);
    expect(place.left + BADGE_WIDTH).toBeLessThanOrEqual(400);
  });

  it('shrinks to the compact badge in narrow margins, and never overlaps the column when a margin fits it', () => {
    const place = marginPlace({ left: 60, right: 700 }, 760);
    expect(place).toEqual({ left: 712, compact: true });
    expect(place.left + COMPACT_WIDTH).toBeLessThanOrEqual(760);
  });

  it('falls back to the viewport edge when there is no margin at all', () => {
    expect(marginPlace({ left: 0, right: 400 }, 400)).toEqual({ left: 400 - COMPACT_WIDTH - 4, compact: true });
  });
});
