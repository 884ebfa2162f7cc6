/**
 * Where a mark and its card go, in viewport pixels. The mark sits where the page shows nothing beside its link (just
 * after it, most often), never over the page's text or controls; the card opens below the mark, or above it when
 * there is more room there, never over the mark that opened it, and always inside the screen (its height bounded by
 * the room it has).
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
/** The mark's small form (a dot at the link's end), where the page shows something all around the link. */
export const DOT_SIZE = 8;

/**
 * A mark's width as its text reads, from the text alone (no layout read), a little over: 11 px type, a CJK glyph 13
 * px (Firefox draws the bold ones wider than 1 em: 日报 · 工具 #1 is 89 px there, 80 in Chromium), a space or a
 * middle dot 3 px, another glyph 7 px at most; 6 px of padding each side. Once drawn, the layer takes its width.
 */
export function markWidth(text: string): number {
  let width = 12;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 13 : char === ' ' || char === '·' ? 3 : 7;
  return width;
}

/**
 * What a mark is placed by: its link's first and last line boxes, its whole box, its block's (a paragraph's), and
 * where the text that follows the link on its last line ends (before any other link or control there): read only
 * when the spots before that one were taken (it reads the text after the link). `rtl`: the link's text reads right to
 * left (an Arabic or Hebrew page): what follows it is on its left.
 */
export interface LinkBoxes {
  first: Box;
  last: Box;
  box: Box;
  block?: Box;
  lineEnd?: () => number;
  rtl?: boolean;
}

/**
 * `box` seen in a mirror (x ↦ −x): right-to-left boxes are placed as left-to-right ones are, then mirrored back.
 * Field by field: a DOMRect's are its prototype's getters, which a spread leaves out.
 */
const mirrored = ({ left, top, width, height }: Box): Box => ({ left: -(left + width), top, width, height });

/**
 * The places a mark `width` wide and `height` tall may take beside its link, in viewport pixels, best first: just
 * after the link's last line; inside the top right corner of a link drawn as a block (a model's card); at the end of
 * the text that follows the link on its line (a list's "link - what it is" line; QA 2026-12-01: those got a dot over
 * the link's last character); above, then below, the link's end; after the end of its block (in the margin, beside
 * the link's line); before its first line. Each says whether it is inside the screen. The layer takes the first
 * inside it where the page shows nothing (components/marks/mark-layer.ts), else the dot (`dotPlace`). Made one at a
 * time, as the layer asks for the next. Right to left, "after" and "end" are on the left, as the text reads (QA
 * 2026-12-02: the first and last items of an Arabic list had their marks above and below their links).
 */
export function* markSpots(
  link: LinkBoxes,
  width: number,
  viewport: Size,
  height = MARK_HEIGHT,
): Generator<{ left: number; top: number; onScreen: boolean }> {
  const { rtl, lineEnd } = link;
  const read = (each: Box) => (rtl ? mirrored(each) : each);
  const [first, last, box] = [read(link.first), read(link.last), read(link.box)];
  const block = link.block && read(link.block);
  const centred = (line: Box) => line.top + (line.height - height) / 2;
  const end = last.left + last.width;
  const spot = (mirroredLeft: number, top: number) => {
    const left = rtl ? -(mirroredLeft + width) : mirroredLeft;
    return {
      left,
      top,
      onScreen:
        left >= EDGE && left + width <= viewport.width - EDGE && top >= 0 && top + height <= viewport.height,
    };
  };
  yield spot(end + GAP, centred(last));
  if (box.height >= 2 * height + 2 * GAP && box.width >= width + 2 * GAP)
    yield spot(box.left + box.width - width - GAP, box.top + GAP);
  const wordsEnd = lineEnd ? (rtl ? -lineEnd() : lineEnd()) : end;
  if (wordsEnd > end + 1) yield spot(wordsEnd + GAP, centred(last));
  const endLeft = Math.max(last.left, end - width);
  yield spot(endLeft, last.top - height - GAP);
  yield spot(endLeft, last.top + last.height + GAP);
  if (block && block.left + block.width > end) yield spot(block.left + block.width + GAP, centred(last));
  yield spot(first.left - width - GAP, centred(first));
}

/**
 * The dot (`size` wide) in the top corner of the link's last line where it ends (its right, or its left right to
 * left): over nothing but its own link.
 */
export function dotPlace(last: Box, size = DOT_SIZE, rtl = false): { left: number; top: number } {
  return { left: rtl ? last.left : last.left + last.width - size, top: last.top };
}

/** The room kept between two marks side by side: closer, two chips would read as one. */
export const MARK_SPACING = 2;
/**
 * How far a mark may reach over another one above or below it: the chips of a compact list's lines (16 px apart,
 * 18 px tall) stack as its lines do, their words clear of each other (QA 2026-12-01: kept 2 px apart, every other
 * line of such a list got a dot).
 */
export const MARK_STACK = 3;

/** Whether `box` takes no room of any of `taken` (the marks placed before it). */
export function clearOf(box: Box, taken: readonly Box[]): boolean {
  for (const other of taken)
    if (
      box.left < other.left + other.width + MARK_SPACING &&
      other.left < box.left + box.width + MARK_SPACING &&
      Math.min(box.top + box.height, other.top + other.height) - Math.max(box.top, other.top) > MARK_STACK
    )
      return false;
  return true;
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
