import { describe, expect, it } from 'vitest';
import { type Box, cardPlace, EDGE, markPlace } from '../../../lib/marks/placement';

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

describe('markPlace: the mark beside its link', () => {
  it('sits just after the link, centred on its line', () => {
    const line = { left: 100, top: 200, width: 60, height: 20 };
    expect(markPlace(line, MARK.width, VIEWPORT.width)).toEqual({ left: 164, top: 201 });
  });

  it('goes above the link end when there is no room after it, inside the screen', () => {
    const line = { left: 900, top: 200, width: 95, height: 20 };
    const place = markPlace(line, MARK.width, VIEWPORT.width);
    const box = { ...place, ...MARK };
    expect(inside(box)).toBe(true);
    expect(overlaps(box, line)).toBe(false);
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
