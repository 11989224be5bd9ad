/**
 * Where each badge goes: in the margin beside its passage, in coordinates relative to the overlay
 * host. All layout is read in one batch before anything is written.
 */
import { blockAncestor } from './text-map';

export interface BadgePosition {
  top: number;
  left: number;
}

export const BADGE_WIDTH = 150;
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
    const left = marginLeft(box.column, viewportWidth);
    let top = box.top - origin.top;
    // Badges never overlap: a passage on the same line as the last one stacks below it.
    if (top < lastBottom) top = lastBottom;
    lastBottom = top + BADGE_HEIGHT + 4;
    placed.push({ top, left: left - origin.left });
  }
  return placed;
}

/** The right margin if it has room, else the left margin, else the viewport's right edge. */
function marginLeft(column: DOMRect, viewportWidth: number): number {
  const right = column.right + GAP;
  if (right + BADGE_WIDTH <= viewportWidth) return right;
  const left = column.left - GAP - BADGE_WIDTH;
  if (left >= 4) return left;
  return Math.max(4, viewportWidth - BADGE_WIDTH - 4);
}
