// @vitest-environment happy-dom
/**
 * The marks' layer (components/marks/mark-layer.ts) reads the boxes of the links near the window only, as the
 * browser's IntersectionObserver reports them: a long timeline's marks far off screen cost a pass nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarkLayer } from '../../../components/marks/mark-layer';

/** The observer the layer made, whose reports the test gives. */
let observer: { report(target: Element, near: boolean): void; watched: Set<Element> } | undefined;

class FakeIntersectionObserver {
  readonly watched = new Set<Element>();
  constructor(private readonly callback: (reports: { target: Element; isIntersecting: boolean }[]) => void) {
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
  report(target: Element, near: boolean) {
    this.callback([{ target, isIntersecting: near }]);
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
