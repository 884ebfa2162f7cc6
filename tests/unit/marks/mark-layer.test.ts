// @vitest-environment happy-dom
/**
 * The marks' layer (components/marks/mark-layer.ts) reads the boxes of the links near the window only, as the
 * browser's IntersectionObserver reports them: a long timeline's marks far off screen cost a pass nothing. Where it
 * draws a mark is tested on a page laid out by hand (happy-dom lays nothing out): each element's boxes, and what a
 * point of the window hits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkLayer, type MarkLayer } from '../../../components/marks/mark-layer';

/** The observer the layer made, whose reports the test gives. */
let observer: { report(target: Element, near: boolean): void; watched: Set<Element> } | undefined;

class FakeIntersectionObserver {
  readonly watched = new Set<Element>();
  constructor(
    private readonly callback: (
      reports: { target: Element; isIntersecting: boolean; boundingClientRect: DOMRect }[],
    ) => void,
  ) {
    observer = this;
  }
  observe(target: Element) {
    this.watched.add(target);
  }
  unobserve(target: Element) {
    this.watched.delete(target);
  }
  disconnect() {
    this.watched.clear();
  }
  /** As a browser reports: an element with no box (display: none or contents) far, its rectangle empty. */
  report(target: Element, near: boolean, box = near ? new DOMRect(0, 0, 10, 10) : new DOMRect()) {
    this.callback([{ target, isIntersecting: near, boundingClientRect: box }]);
  }
}

beforeEach(() => {
  observer = undefined;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function linkTo(repo: string): HTMLAnchorElement {
  const link = Object.assign(document.createElement('a'), { href: `https://github.com/${repo}` });
  document.body.append(link);
  vi.spyOn(link, 'getClientRects');
  return link;
}

describe('the marks’ layer', () => {
  it('reads no box of a link until it is reported near the window, and asks for a pass when it is', () => {
    const nearer = vi.fn();
    const layer = createMarkLayer('dl-test-marks', nearer);
    const near = linkTo('acme/near');
    const far = linkTo('acme/far');
    layer.set(near, '日报 · 工具 #1', 'Near');
    layer.set(far, '日报 · 工具 #2', 'Far');
    expect(observer?.watched).toEqual(new Set([near, far]));
    // Not reported yet: far.
    layer.place();
    expect(near.getClientRects).not.toHaveBeenCalled();
    observer?.report(near, true);
    expect(nearer).toHaveBeenCalledTimes(1);
    layer.place();
    expect(near.getClientRects).toHaveBeenCalled();
    expect(far.getClientRects).not.toHaveBeenCalled();
    // Scrolled away again: no box read, its mark hidden.
    observer?.report(near, false);
    vi.mocked(near.getClientRects).mockClear();
    layer.place();
    expect(near.getClientRects).not.toHaveBeenCalled();
    expect(layer.marks.get(near)?.hidden).toBe(true);
  });

  it('watches a link while it is marked: a removed link and a handed-over one are let go, the stopped layer watches none', () => {
    const layer = createMarkLayer('dl-test-marks');
    const before = linkTo('acme/widget');
    const other = linkTo('acme/gadget');
    layer.set(before, '日报 · 工具 #1', 'Widget');
    layer.set(other, '日报 · 工具 #2', 'Gadget');
    observer?.report(before, true);
    const after = linkTo('acme/widget');
    layer.handOver(before, after);
    expect(observer?.watched).toEqual(new Set([other, after]));
    // The new link stands where the old one stood: near before its own report, its mark not hidden for a frame.
    layer.place();
    expect(after.getClientRects).toHaveBeenCalled();
    layer.remove(other);
    expect(observer?.watched).toEqual(new Set([after]));
    layer.stop();
    expect(observer?.watched).toEqual(new Set());
  });

  it('makes each mark a button that says it opens a dialog, closed for now', () => {
    const layer = createMarkLayer('dl-test-marks');
    const link = linkTo('acme/widget');
    layer.set(link, '日报 · 工具 #1', 'Widget');
    const mark = layer.marks.get(link);
    expect(mark?.localName).toBe('button');
    expect(mark?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(mark?.getAttribute('aria-expanded')).toBe('false');
    expect(mark?.getAttribute('aria-label')).toBe('日报 · 工具 #1: Widget');
  });

  it('reads every link’s box where the browser has no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const layer = createMarkLayer('dl-test-marks');
    const link = linkTo('acme/widget');
    layer.set(link, '日报 · 工具 #1', 'Widget');
    layer.place();
    expect(link.getClientRects).toHaveBeenCalled();
  });
});

/** A box as the browser gives it. */
const rect = (left: number, top: number, width: number, height: number) =>
  new DOMRect(left, top, width, height);

/**
 * A page laid out by hand: `hit(x, y)` says which element is topmost at a point of the window (the layer's host
 * passed through, as it is drawn over all), its ancestors under it; the window 1000 × 700.
 */
function layOut(hit: (x: number, y: number) => Element | null) {
  const html = document.documentElement;
  for (const [name, value] of [
    ['clientWidth', 1000],
    ['clientHeight', 700],
  ] as const)
    Object.defineProperty(html, name, { value, configurable: true });
  const stack = (x: number, y: number) => {
    const elements: Element[] = [];
    for (let element = hit(x, y); element; element = element.parentElement) elements.push(element);
    return elements;
  };
  vi.spyOn(document, 'elementFromPoint').mockImplementation((x, y) => hit(x, y));
  // happy-dom has no elementsFromPoint.
  const elementsFromPoint = vi.fn(stack);
  Object.defineProperty(document, 'elementsFromPoint', { value: elementsFromPoint, configurable: true });
  return { elementsFromPoint };
}

/** `link`'s one line box (its whole box too), and the user sees it. */
function drawLink(link: HTMLAnchorElement, line: () => DOMRect) {
  vi.mocked(link.getClientRects).mockImplementation(() => [line()] as unknown as DOMRectList);
  vi.spyOn(link, 'getBoundingClientRect').mockImplementation(line);
  vi.spyOn(link, 'checkVisibility').mockReturnValue(true);
}

/** Where a mark is drawn, from its transform (the layer's frame at the window's origin), or undefined when hidden. */
function drawnAt(mark: HTMLElement | undefined) {
  if (!mark || mark.hidden) return undefined;
  const [, left, top] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(mark.style.transform) ?? [];
  return { left: Number(left), top: Number(top) };
}

/**
 * Place the marks as the page script does: again while a pass's time ran out (happy-dom's first style reads take
 * longer than a pass's 8 ms).
 */
function placeAll(layer: MarkLayer, lookSince?: number) {
  for (let pass = 0; pass < 10 && layer.place(lookSince).more; pass += 1);
}

describe('where the layer draws a mark', () => {
  /** A sticky header 60 px tall over a paragraph holding a linked link; the page scrolled by `scroll.y`. */
  function stickyPage() {
    const header = Object.assign(document.createElement('header'), { textContent: 'Site header' });
    header.style.position = 'sticky';
    const paragraph = document.createElement('p');
    document.body.append(header, paragraph);
    const link = linkTo('acme/widget');
    link.textContent = 'acme/widget';
    paragraph.append('Line ', link, ' words');
    const scroll = { y: 0 };
    // In the document the link's line is at 200 to 224, 120 px wide from 100.
    drawLink(link, () => rect(100, 200 - scroll.y, 120, 24));
    const { elementsFromPoint } = layOut((x, y) => {
      if (y < 0 || y >= 700) return null;
      if (y < 60) return header;
      const line = link.getBoundingClientRect();
      return x >= line.left && x <= line.right && y >= line.top && y <= line.bottom ? link : paragraph;
    });
    Object.defineProperty(window, 'scrollY', { get: () => scroll.y, configurable: true });
    const layer = createMarkLayer('dl-test-marks');
    layer.set(link, '日报 · 工具 #1', 'Widget');
    observer?.report(link, true);
    return { layer, mark: layer.marks.get(link), scroll, elementsFromPoint };
  }

  /** Whether a mark drawn at `at` reaches into the header (the window's top 60 px). */
  const overHeader = (at: { top: number } | undefined) => at !== undefined && at.top < 60;

  it('never over the page’s sticky header: a link scrolled half under it has its mark hidden, shown again once clear', () => {
    const { layer, mark, scroll, elementsFromPoint } = stickyPage();
    placeAll(layer);
    // Just after the link, centred on its line.
    expect(drawnAt(mark)).toEqual({ left: 224, top: 203 });
    // Scrolled: the line at 52 to 76, its middle clear of the header, its mark's top 8 px under it.
    scroll.y = 148;
    elementsFromPoint.mockClear();
    vi.mocked(document.elementFromPoint).mockClear();
    placeAll(layer);
    expect(drawnAt(mark)).toBeUndefined();
    // A scroll's pass keeps the spot it found: the link's line hit once, the mark's top and bottom rows at most.
    expect(document.elementFromPoint).toHaveBeenCalledTimes(1);
    expect(elementsFromPoint.mock.calls.length).toBeLessThanOrEqual(2);
    scroll.y = 100;
    placeAll(layer);
    expect(drawnAt(mark)).toEqual({ left: 224, top: 103 });
  });

  it('finds the mark of a link met half under the header a spot clear of it, and the spot after the link once clear', () => {
    const { layer, mark, scroll } = stickyPage();
    scroll.y = 148;
    placeAll(layer);
    const at = drawnAt(mark);
    expect(at).toBeDefined();
    expect(overHeader(at)).toBe(false);
    // Scrolled clear, the page looked at again: the spot it could not have under the header.
    scroll.y = 100;
    placeAll(layer, performance.now() + 1);
    expect(drawnAt(mark)).toEqual({ left: 224, top: 103 });
  });

  it('marks a link drawn `display: contents` by its contents’ boxes, watched through its first element', () => {
    const paragraph = document.createElement('p');
    document.body.append(paragraph);
    const link = linkTo('acme/widget');
    link.style.display = 'contents';
    const label = Object.assign(document.createElement('span'), { textContent: 'acme/widget' });
    link.append(label);
    paragraph.append('See ', link);
    // No box of its own: its contents' are its box (an empty one, a space between its elements, left out).
    vi.mocked(link.getClientRects).mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(link, 'getBoundingClientRect').mockReturnValue(new DOMRect());
    const contents = rect(100, 200, 90, 20);
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      return (this.startContainer === link ? [contents, rect(190, 200, 0, 0)] : []) as unknown as DOMRectList;
    });
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(contents);
    // checkVisibility says no to an element with no box: its parent's is read.
    vi.spyOn(link, 'checkVisibility').mockReturnValue(false);
    const seen = vi.spyOn(paragraph, 'checkVisibility').mockReturnValue(true);
    layOut((x, y) => (x >= 100 && x <= 190 && y >= 200 && y <= 220 ? label : paragraph));
    const layer = createMarkLayer('dl-test-marks');
    layer.set(link, '日报 · 工具 #1', 'Widget');
    const mark = layer.marks.get(link);
    // The observer reports a link with no box far wherever it is: its first element is watched in its stead.
    observer?.report(link, false);
    expect(observer?.watched.has(label)).toBe(true);
    placeAll(layer);
    expect(drawnAt(mark)).toBeUndefined();
    observer?.report(label, true);
    placeAll(layer);
    expect(drawnAt(mark)).toEqual({ left: 194, top: 201 });
    // Its parent hidden (a closed menu): so is its mark.
    seen.mockReturnValue(false);
    placeAll(layer);
    expect(drawnAt(mark)).toBeUndefined();
    // Its own visibility hidden (its text's): so is its mark.
    seen.mockReturnValue(true);
    link.style.visibility = 'hidden';
    placeAll(layer);
    expect(drawnAt(mark)).toBeUndefined();
    layer.remove(link);
    expect(observer?.watched).toEqual(new Set());
  });

  it('counts a `display: contents` link holding text only near: it has no element to watch in its stead', () => {
    const link = linkTo('acme/widget');
    link.style.display = 'contents';
    link.textContent = 'acme/widget';
    vi.mocked(link.getClientRects).mockReturnValue([] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      rect(100, 200, 90, 20),
    ] as unknown as DOMRectList);
    const layer = createMarkLayer('dl-test-marks');
    layer.set(link, '日报 · 工具 #1', 'Widget');
    observer?.report(link, false);
    placeAll(layer);
    expect(Range.prototype.getClientRects).toHaveBeenCalled();
  });
});
