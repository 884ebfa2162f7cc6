import { describe, expect, it, vi } from 'vitest';
import {
  markSpots as allSpots,
  type Box,
  cardPlace,
  clearOf,
  dotPlace,
  EDGE,
  type LinkBoxes,
  MARK_SPACING,
  MARK_STACK,
  markWidth,
} from '../../../lib/marks/placement';

/** The spots inside the screen, as the layer tries them. */
const markSpots = (...args: Parameters<typeof allSpots>) =>
  [...allSpots(...args)].filter((spot) => spot.onScreen).map(({ left, top }) => ({ left, top }));

const VIEWPORT = { width: 1000, height: 700 };
const MARK = { width: 80, height: 18 };
const CARD = { width: 360, height: 300 };

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;
const inside = (box: Box) =>
  box.left >= 0 &&
  box.top >= 0 &&
  box.left + box.width <= VIEWPORT.width &&
  box.top + box.height <= VIEWPORT.height;

describe('markSpots: where a mark may go beside its link, best first', () => {
  const line = { left: 100, top: 200, width: 60, height: 20 };
  const inline = { first: line, last: line, box: line };

  it('first just after the link, centred on its line', () => {
    expect(markSpots(inline, MARK.width, VIEWPORT)[0]).toEqual({ left: 164, top: 201 });
  });

  it('then above the link end, below it, and before the link: never over the link', () => {
    const spots = markSpots(inline, MARK.width, VIEWPORT);
    expect(spots.slice(1)).toEqual([
      { left: 100, top: 200 - 18 - 4 },
      { left: 100, top: 224 },
      { left: 100 - 80 - 4, top: 201 },
    ]);
    for (const spot of spots) expect(overlaps({ ...spot, ...MARK }, line)).toBe(false);
  });

  it("inside a link drawn as a block (a model's card), in its top right corner, second", () => {
    const card = { left: 10, top: 100, width: 400, height: 80 };
    const title = { left: 22, top: 112, width: 120, height: 20 };
    const spots = markSpots(
      { first: title, last: { ...card, top: 160, height: 20 }, box: card },
      80,
      VIEWPORT,
    );
    expect(spots[1]).toEqual({ left: 10 + 400 - 80 - 4, top: 104 });
  });

  it('at the end of the text after the link on its line, third (before the spots above and below)', () => {
    const spots = markSpots({ ...inline, lineEnd: () => 420 }, MARK.width, VIEWPORT);
    expect(spots.slice(0, 3)).toEqual([
      { left: 164, top: 201 },
      { left: 424, top: 201 },
      { left: 100, top: 200 - 18 - 4 },
    ]);
    // Nothing follows the link: no second spot after it.
    expect(markSpots({ ...inline, lineEnd: () => 160 }, MARK.width, VIEWPORT)).toEqual(
      markSpots(inline, MARK.width, VIEWPORT),
    );
  });

  it('reads where the words end only when the spots before it were taken (it reads the page)', () => {
    const lineEnd = vi.fn(() => 420);
    const spots = allSpots({ ...inline, lineEnd }, MARK.width, VIEWPORT);
    spots.next();
    expect(lineEnd).not.toHaveBeenCalled();
    expect(spots.next().value).toMatchObject({ left: 424 });
    expect(lineEnd).toHaveBeenCalledTimes(1);
  });

  it("beside its block, in the margin, after the link's own line: after the spots above and below it", () => {
    const block = { left: 50, top: 150, width: 500, height: 120 };
    const spots = markSpots({ ...inline, block }, MARK.width, VIEWPORT);
    expect(spots[3]).toEqual({ left: 554, top: 201 });
  });

  it('only inside the screen: a link at the right edge gets no spot after it', () => {
    const edge = { left: 900, top: 200, width: 95, height: 20 };
    const spots = markSpots({ first: edge, last: edge, box: edge }, MARK.width, VIEWPORT);
    expect(spots.length).toBeGreaterThan(0);
    for (const spot of spots) {
      expect(inside({ ...spot, ...MARK })).toBe(true);
      expect(overlaps({ ...spot, ...MARK }, edge)).toBe(false);
    }
  });

  it('says which spots are off the screen, and scales with a zoomed page', () => {
    const top = { left: 100, top: 2, width: 60, height: 20 };
    expect(
      [...allSpots({ first: top, last: top, box: top }, MARK.width, VIEWPORT)].map((spot) => spot.onScreen),
    ).toEqual([true, false, true, true]);
    // Twice the size: the spot above clears a mark twice as tall.
    expect([...allSpots({ ...inline }, 2 * MARK.width, VIEWPORT, 36)][1]).toMatchObject({
      top: 200 - 36 - 4,
    });
    expect(dotPlace(line, 16)).toEqual({ left: 144, top: 200 });
  });

  it('right to left, as left to right in a mirror: after the link is on its left, where its line’s words end there', () => {
    // As the browser gives it: a DOMRect's fields are its prototype's getters (a spread copies none of them).
    const flip = (box: Box): Box => {
      const left = VIEWPORT.width - box.left - box.width;
      return Object.create({ left, top: box.top, width: box.width, height: box.height });
    };
    const block = { left: 50, top: 150, width: 500, height: 120 };
    const card = { left: 10, top: 100, width: 400, height: 80 };
    const links: LinkBoxes[] = [
      { ...inline, block, lineEnd: () => 420 },
      { first: line, last: { ...card, top: 160, height: 20 }, box: card },
    ];
    for (const link of links) {
      const rtl = markSpots(
        {
          first: flip(link.first),
          last: flip(link.last),
          box: flip(link.box),
          block: link.block && flip(link.block),
          lineEnd: link.lineEnd && (() => VIEWPORT.width - (link.lineEnd?.() ?? 0)),
          rtl: true,
        },
        MARK.width,
        VIEWPORT,
      );
      const ltr = markSpots(link, MARK.width, VIEWPORT);
      expect(rtl).toEqual(ltr.map(({ left, top }) => ({ left: VIEWPORT.width - left - MARK.width, top })));
    }
    // The line at 840 to 900: the mark just left of it, on its line; the dot over its left end.
    const right = flip(line);
    expect(markSpots({ first: right, last: right, box: right, rtl: true }, MARK.width, VIEWPORT)[0]).toEqual({
      left: 840 - 4 - 80,
      top: 201,
    });
    expect(dotPlace(right, 8, true)).toEqual({ left: 840, top: 200 });
  });

  it('none for a link with no room on screen: the dot goes over its own end', () => {
    const wide = { left: 0, top: 0, width: 1000, height: 700 };
    expect(markSpots({ first: wide, last: wide, box: wide }, MARK.width, VIEWPORT)).toEqual([]);
    expect(dotPlace(line)).toEqual({ left: 152, top: 200 });
  });
});

describe('markWidth: read from the text', () => {
  it('counts a CJK glyph as 13 px of the 11 px type (Firefox draws them wider), a space or middle dot 3 px, and the padding', () => {
    expect(markWidth('日报 · 新闻 #3')).toBe(12 + 4 * 13 + 4 * 3 + 2 * 7);
    expect(markWidth('Digest · News #3')).toBe(12 + 4 * 3 + 12 * 7);
  });
});

describe('clearOf: a mark takes no room of the marks placed before it', () => {
  const placed = { left: 500, top: 100, ...MARK };

  it('is clear of none, and of marks on other lines or far along its own', () => {
    const spot = { left: 500, top: 100 + MARK.height + MARK_SPACING, ...MARK };
    expect(clearOf(spot, [])).toBe(true);
    expect(clearOf(spot, [placed])).toBe(true);
    expect(clearOf({ ...placed, left: 500 + MARK.width + MARK_SPACING }, [placed])).toBe(true);
  });

  it('is clear of the mark of the line above or below, reaching over it by a few pixels as a compact list stacks them', () => {
    // Lines 16 px apart: 2 px over each other.
    expect(clearOf({ ...placed, top: 116 }, [placed])).toBe(true);
    expect(clearOf({ ...placed, top: 100 - MARK.height + MARK_STACK }, [placed])).toBe(true);
    expect(clearOf({ ...placed, top: 100 + MARK.height - MARK_STACK - 1 }, [placed])).toBe(false);
  });

  it('is not clear over a mark, nor closer to one than the spacing (side by side, two chips read as one)', () => {
    expect(clearOf({ ...placed, left: 540 }, [placed])).toBe(false);
    expect(clearOf({ ...placed, left: 540, top: 108 }, [placed])).toBe(false);
    expect(clearOf({ ...placed, left: 500 + MARK.width + 1 }, [placed])).toBe(false);
    // A dot over another mark's corner.
    expect(clearOf({ left: 575, top: 112, width: 8, height: 8 }, [{ ...placed, top: 0 }, placed])).toBe(
      false,
    );
  });
});

describe('cardPlace: never over its mark, always on screen', () => {
  const marks: [string, Box][] = [
    ['top left', { left: 2, top: 2, ...MARK }],
    ['top right', { left: 990, top: 10, ...MARK }],
    ['bottom left', { left: 0, top: 680, ...MARK }],
    ['bottom right', { left: 960, top: 690, ...MARK }],
    ['middle', { left: 500, top: 350, ...MARK }],
    ['just above the middle of a short screen', { left: 500, top: 150, ...MARK }],
  ];
  it.each(marks)('near the %s', (_name, mark) => {
    const place = cardPlace(mark, CARD, VIEWPORT);
    const card = {
      left: place.left,
      top: place.top,
      width: CARD.width,
      height: Math.min(CARD.height, place.maxHeight),
    };
    expect(overlaps(card, mark)).toBe(false);
    expect(card.left).toBeGreaterThanOrEqual(EDGE);
    expect(card.left + card.width).toBeLessThanOrEqual(VIEWPORT.width - EDGE);
    expect(card.top).toBeGreaterThanOrEqual(EDGE - 0.001);
    expect(card.top + card.height).toBeLessThanOrEqual(VIEWPORT.height - EDGE);
  });

  it('opens below the mark when it fits, above it near the bottom', () => {
    expect(cardPlace({ left: 10, top: 100, ...MARK }, CARD, VIEWPORT).top).toBe(122);
    expect(cardPlace({ left: 10, top: 600, ...MARK }, CARD, VIEWPORT).top).toBe(600 - 4 - 300);
  });

  it('bounds its height by the room it has on a screen too short for it', () => {
    const place = cardPlace({ left: 10, top: 100, ...MARK }, { width: 360, height: 900 }, VIEWPORT);
    expect(place.maxHeight).toBe(700 - 122 - EDGE);
  });
});
