/**
 * Where each badge goes: in the margin beside its passage, in coordinates relative to the overlay
 * host. All layout is read in one batch before anything is written.
 */
import { blockAncestor } from './text-map';

export interface BadgePosition {
  top: number;
  left: number;
  /** Only the mark, no outlet name: the margin is too narrow for the full badge. */
  compact: boolean;
}

/** Widest full badge (its CSS max-width) and the compact one, in CSS px. */
export const BADGE_WIDTH = 170;
export const COMPACT_WIDTH = 30;
const GAP = 12;
const BADGE_HEIGHT = 26;

/** Positions for `ranges`, or null for a range with no box (hidden, collapsed, detached). */
export function layoutBadges(ranges: readonly Range[], host: Element, viewportWidth: number): (BadgePosition | null)[] {
  const origin = host.getBoundingClientRect();
  const boxes = ranges.map((range) => {
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const first = rects[0];
    if (!first) return null;
    const block = blockAncestor(range.commonAncestorContainer);
    const column = block ? block.getBoundingClientRect() : first;
    return { top: first.top, column };
  });
  const placed: (BadgePosition | null)[] = [];
  let lastBottom = -Infinity;
  for (const box of boxes) {
    if (!box) {
      placed.push(null);
      continue;
    }
    const { left, compact } = marginPlace(box.column, viewportWidth);
    let top = box.top - origin.top;
    // Badges never overlap: a passage on the same line as the last one stacks below it.
    if (top < lastBottom) top = lastBottom;
    lastBottom = top + BADGE_HEIGHT + 4;
    placed.push({ top, left: left - origin.left, compact });
  }
  return placed;
}

/**
 * The right margin if the full badge fits there, else the left margin; in narrow windows the
 * compact badge in whichever margin fits it; with no margin at all, the compact badge at the
 * viewport's right edge.
 */
export function marginPlace(column: { left: number; right: number }, viewportWidth: number): { left: number; compact: boolean } {
  const right = column.right + GAP;
  for (const [width, compact] of [[BADGE_WIDTH, false], [COMPACT_WIDTH, true]] as const) {
    if (right + width <= viewportWidth - 4) return { left: right, compact };
    if (column.left - GAP - width >= 4) return { left: column.left - GAP - width, compact };
  }
  return { left: Math.max(4, viewportWidth - COMPACT_WIDTH - 4), compact: true };
}
