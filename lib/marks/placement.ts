/**
 * Where a mark and its card go, in viewport pixels. The mark sits just after the link's last line (above it when
 * that would leave the screen); the card opens below the mark, or above it when there is more room there, never
 * over the mark that opened it, and always inside the screen (its height bounded by the room it has).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The distance kept from the screen's edges and between the mark and what it is beside. */
export const EDGE = 8;
export const GAP = 4;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/** A mark's height, in pixels (its CSS says the same: components/marks/mark-layer.ts). */
export const MARK_HEIGHT = 18;

/** The mark, `markWidth` wide, beside `line` (the link's last line box) in a viewport `viewportWidth` wide. */
export function markPlace(
  line: Box,
  markWidth: number,
  viewportWidth: number,
): { left: number; top: number } {
  const after = line.left + line.width + GAP;
  const top = line.top + (line.height - MARK_HEIGHT) / 2;
  if (after + markWidth <= viewportWidth - EDGE) return { left: after, top };
  // No room after the link: above its end, inside the screen.
  return {
    left: clamp(line.left + line.width - markWidth, EDGE, viewportWidth - markWidth - EDGE),
    top: line.top - MARK_HEIGHT - GAP,
  };
}

/** The card beside `mark`: below or above it (where there is more room), its height at most that room. */
export function cardPlace(
  mark: Box,
  card: Size,
  viewport: Size,
): { left: number; top: number; maxHeight: number } {
  const below = viewport.height - (mark.top + mark.height + GAP) - EDGE;
  const above = mark.top - GAP - EDGE;
  const left = clamp(mark.left, EDGE, Math.max(EDGE, viewport.width - card.width - EDGE));
  if (card.height <= below || below >= above) {
    return { left, top: mark.top + mark.height + GAP, maxHeight: Math.max(0, below) };
  }
  const height = Math.min(card.height, above);
  return { left, top: mark.top - GAP - height, maxHeight: Math.max(0, above) };
}
