/**
 * The page makes room for the docked card, as Octotree and Gitako make GitHub's layout give them a strip: padding on
 * <html> (on the right for the side panel, at the top for the compact bar), and the page's elements placed against
 * the window (fixed ones, and absolute ones with no positioned ancestor) that reach into that strip moved out of it.
 * Every inline style set here is recorded and put back exactly on release.
 */
import type { SiteId } from '../schema';
import { afterNextPaint, type Later } from '../ui/next-paint';

/** Where the card docks: a full-height panel in a right strip, or a one-item bar above the page. */
export type RoomSide = 'right' | 'top';

export const SIDE_ROOM_PX = 360;
export const TOP_ROOM_PX = 64;
/** Below this, a fluid page beside the side panel gets cramped (GitHub's repo page drops its About column). */
export const MIN_PAGE_PX = 900;

/**
 * The width a site's own layout needs at a viewport width, for sites whose columns have fixed widths chosen by
 * media queries on the viewport (which a narrower <html> does not change). X (seen 2026-11): left navigation 275 px
 * (88 below 1265 px), timeline 600 px, right column 350 px (from 1000 px), about 1265 px in all.
 */
const FIXED_LAYOUTS: Partial<Record<SiteId, (viewportWidth: number) => number>> = {
  x: (viewportWidth) => (viewportWidth >= 1265 ? 1265 : Math.min(viewportWidth, 1000)),
};

/** The side panel where the page still fits beside it, else the bar above the page. */
export function roomSide(site: SiteId | null | undefined, viewportWidth: number): RoomSide {
  const needed = Math.max(MIN_PAGE_PX, (site && FIXED_LAYOUTS[site]?.(viewportWidth)) || 0);
  return viewportWidth - SIDE_ROOM_PX >= needed ? 'right' : 'top';
}

/** Inline styles set on the page's elements, with what was there before. */
export class StyleLedger {
  private entries: { element: HTMLElement; property: string; value: string; priority: string }[] = [];
  /** Each element's `style` attribute as the page wrote it, and as the browser read it then. */
  private originals = new Map<HTMLElement, { attribute: string | null; cssText: string }>();

  set(element: HTMLElement, property: string, value: string): void {
    if (!this.originals.has(element))
      this.originals.set(element, {
        attribute: element.getAttribute('style'),
        cssText: element.style.cssText,
      });
    this.entries.push({
      element,
      property,
      value: element.style.getPropertyValue(property),
      priority: element.style.getPropertyPriority(property),
    });
    // Important: an inline !important declaration beats the page's own !important rules.
    element.style.setProperty(property, value, 'important');
  }

  /**
   * Put every value back, newest first; where the page changed nothing else meanwhile, its `style` attribute as it
   * wrote it, to the character (or no attribute, when it had none).
   */
  restore(): void {
    for (const { element, property, value, priority } of this.entries.reverse()) {
      if (value) element.style.setProperty(property, value, priority);
      else element.style.removeProperty(property);
    }
    for (const [element, { attribute, cssText }] of this.originals) {
      // Read first: Chromium writes the style attribute lazily, and a write still pending after removeAttribute
      // would put back an empty `style=""` (Chromium 156, 2026-11-30).
      element.getAttribute('style');
      if (element.style.cssText !== cssText) continue;
      if (attribute === null) element.removeAttribute('style');
      else element.setAttribute('style', attribute);
    }
    this.entries = [];
    this.originals.clear();
  }
}

interface Strip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const SCAN_STEP_PX = 32;
/** How long after a click or key an ending animation may be what that input opened (a drawer sliding in). */
const ANIMATION_AFTER_INPUT_MS = 1500;
/** How long scrolling must have stopped before the strip is looked at again. */
const SCROLL_SETTLED_MS = 150;

/**
 * The page's elements placed against the window under the strip (our own host aside), found by hit-testing a grid:
 * `position: fixed` ones, and `position: absolute` ones with no positioned ancestor (their containing block is the
 * initial one, the window's size, which the room's padding on <html> does not narrow: a menu or a badge at `right: 0`
 * of the page stays under the card).
 */
export function windowPlacedIn(doc: Document, strip: Strip, ignore?: Element | null): HTMLElement[] {
  const found = new Set<HTMLElement>();
  const checked = new Map<Element, HTMLElement | null>();
  const view = doc.defaultView;
  // No hit-testing without layout (a DOM without a renderer): nothing to move.
  if (!view || typeof doc.elementsFromPoint !== 'function') return [];
  const placedAgainstWindow = (element: HTMLElement) => {
    const { position } = view.getComputedStyle(element);
    return (
      position === 'fixed' ||
      (position === 'absolute' &&
        element.offsetParent === doc.body &&
        view.getComputedStyle(doc.body).position === 'static')
    );
  };
  const placedAround = (start: Element): HTMLElement | null => {
    const path: Element[] = [];
    let result: HTMLElement | null = null;
    for (let element: Element | null = start; element; element = element.parentElement) {
      const known = checked.get(element);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(element);
      if (element === doc.body || element === doc.documentElement) break;
      if (element instanceof view.HTMLElement && placedAgainstWindow(element)) {
        result = element;
        break;
      }
    }
    for (const element of path) checked.set(element, result);
    return result;
  };
  const xs = gridPoints(strip.left, strip.right);
  const ys = gridPoints(strip.top, strip.bottom);
  for (const y of ys)
    for (const x of xs)
      for (const element of doc.elementsFromPoint(x, y)) {
        if (element === ignore) continue;
        const placed = placedAround(element);
        if (placed) found.add(placed);
      }
  return [...found];
}

/** Points 2 px inside both ends and every SCAN_STEP_PX between. */
function gridPoints(from: number, to: number): number[] {
  const points: number[] = [];
  for (let at = from + 2; at < to - 2; at += SCAN_STEP_PX) points.push(at);
  points.push(to - 2);
  return points;
}

export interface PageRoom {
  readonly side: RoomSide;
  /** Whether the page, narrowed, is wider than the room left to it (then the bar suits it better). */
  overflows(): boolean;
  /** Look again for elements placed against the window in the strip (the page rendered more). */
  refresh(): void;
  /** Give the page back exactly what it had. */
  release(): void;
}

/** Now: for a room made under a card already on screen (the window resized to the other side, docked again). */
export const atOnce: Later = (task) => {
  task();
  return () => undefined;
};

/**
 * Make `side`'s strip free of the page. `ignore` is the card's own host element. The padding is set at once, so
 * the page's first frame with the card already leaves it room; the window-placed elements in the strip move once the
 * page is parsed, after that frame (`later`): the card is drawn first, since finding them hit-tests a grid over the
 * strip, which lays the page out (5–30 ms on a heavy page). Those moved out of the top strip follow the scroll: the
 * bar scrolls away with the page, and they move back up with it.
 */
export function reserveRoom(
  side: RoomSide,
  ignore?: Element | null,
  doc: Document = document,
  later: Later = afterNextPaint,
): PageRoom {
  const html = doc.documentElement;
  const view = doc.defaultView as Window;
  const pageStyles = new StyleLedger();
  const placedStyles = new StyleLedger();
  const padding = side === 'right' ? 'padding-right' : 'padding-top';
  const size = side === 'right' ? SIDE_ROOM_PX : TOP_ROOM_PX;
  const before = Number.parseFloat(view.getComputedStyle(html).getPropertyValue(padding)) || 0;
  pageStyles.set(html, padding, `${before + size}px`);

  let moved: { element: HTMLElement; top: number; bottom: number }[] = [];
  const followScroll = () => {
    const offset = Math.max(0, TOP_ROOM_PX - view.scrollY);
    for (const { element, top } of moved) element.style.setProperty('top', `${top + offset}px`, 'important');
  };
  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      followScroll();
    });
  };

  let released = false;
  const moveFixed = () => {
    if (released) return;
    placedStyles.restore();
    moved = [];
    const width = html.clientWidth;
    const height = html.clientHeight;
    const strip =
      side === 'right'
        ? { left: width - SIDE_ROOM_PX, top: 0, right: width, bottom: height }
        : { left: 0, top: 0, right: width, bottom: TOP_ROOM_PX };
    // Read every box first, then write: a read after a write would lay the page out again, once per element.
    const boxes = windowPlacedIn(doc, strip, ignore).map((element) => ({
      element,
      rect: element.getBoundingClientRect(),
      // Placed in the page (absolute against the initial containing block), not in the window: it scrolls with the
      // page, so its place is the page's (the scroll added), and the bar above the page scrolls away with it too.
      scrolls: view.getComputedStyle(element).position === 'absolute',
    }));
    const { scrollX, scrollY } = view;
    for (const { element, rect, scrolls } of boxes) {
      if (side === 'right') {
        if (rect.right <= strip.left) continue;
        const shift = scrolls ? scrollX : 0;
        placedStyles.set(element, 'right', `${width - rect.right - shift + SIDE_ROOM_PX}px`);
        // Spanning the page (a bar, a backdrop): it ends where the strip starts. Else it keeps its size.
        if (rect.left <= 1) {
          placedStyles.set(element, 'left', `${rect.left + shift}px`);
          placedStyles.set(element, 'width', 'auto');
        } else {
          placedStyles.set(element, 'left', 'auto');
          placedStyles.set(element, 'width', `${rect.width}px`);
        }
      } else if (scrolls) {
        // Under the bar only while at the page's top: below it, as the page's own content is.
        if (rect.top + scrollY >= TOP_ROOM_PX) continue;
        placedStyles.set(element, 'top', `${rect.top + scrollY + TOP_ROOM_PX}px`);
        placedStyles.set(element, 'bottom', 'auto');
        placedStyles.set(element, 'height', `${rect.height}px`);
      } else {
        if (rect.top >= TOP_ROOM_PX) continue;
        placedStyles.set(element, 'top', `${rect.top}px`);
        // Reaching the window's bottom (a full-height navigation): it keeps its bottom, its last links in view.
        if (rect.bottom >= height - 1) {
          placedStyles.set(element, 'bottom', `${height - rect.bottom}px`);
          placedStyles.set(element, 'height', 'auto');
        }
        moved.push({ element, top: rect.top, bottom: rect.bottom });
      }
    }
    followScroll();
  };

  let observer: ResizeObserver | undefined;
  let observed: HTMLElement | null = null;
  /** Move them now, and watch the page's body (a new one after GitHub's Turbo swapped it) for what it draws next. */
  const onReady = () => {
    moveFixed();
    if (released || observed === doc.body || !doc.body || typeof ResizeObserver === 'undefined') return;
    observer?.disconnect();
    observed = doc.body;
    // The page rendered more (a single-page app draws after load): look again, once per frame at most.
    let pending = 0;
    observer = new ResizeObserver(() => {
      if (pending) return;
      pending = view.requestAnimationFrame(() => {
        pending = 0;
        moveFixed();
      });
    });
    observer.observe(doc.body);
  };
  let cancelFirst = () => {};
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', onReady, { once: true });
  else cancelFirst = later(onReady);
  view.addEventListener('load', moveFixed, { once: true });
  if (side === 'top') view.addEventListener('scroll', onScroll, { passive: true });

  // What the page shows later without resizing its body: a menu, drawer or dialog the user opens (GitHub's user
  // menu slides in from the right), a "back to top" button that appears on scrolling. Looked for again once drawn:
  // in the frame after a real click or key, when an animation started by that input ends, and when scrolling stops.
  // Not on every change of the page (X changes it all the time, and each look hit-tests a grid over the strip).
  let lookFrame = 0;
  const lookAgain = () => {
    if (!lookFrame && !released) {
      lookFrame = view.requestAnimationFrame(() => {
        lookFrame = 0;
        moveFixed();
      });
    }
  };
  let inputAt = Number.NEGATIVE_INFINITY;
  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    inputAt = event.timeStamp;
    lookAgain();
  };
  const onAnimationEnd = (event: Event) => {
    if (event.timeStamp - inputAt < ANIMATION_AFTER_INPUT_MS) lookAgain();
  };
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  const onScrolled = () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(lookAgain, SCROLL_SETTLED_MS);
  };
  const watched: [EventTarget, string, (event: Event) => void][] = [
    [doc, 'click', onInput],
    [doc, 'keydown', onInput],
    [doc, 'transitionend', onAnimationEnd],
    [doc, 'animationend', onAnimationEnd],
    [view, 'scroll', onScrolled],
  ];
  // Captured: the page may stop them from reaching the document; passive: nothing here cancels them.
  for (const [target, type, listener] of watched)
    target.addEventListener(type, listener, { capture: true, passive: true });

  return {
    side,
    overflows() {
      const body = doc.body;
      return !!body && side === 'right' && body.scrollWidth > body.clientWidth + 1;
    },
    refresh: onReady,
    release() {
      released = true;
      cancelFirst();
      doc.removeEventListener('DOMContentLoaded', onReady);
      view.removeEventListener('load', moveFixed);
      view.removeEventListener('scroll', onScroll);
      for (const [target, type, listener] of watched)
        target.removeEventListener(type, listener, { capture: true });
      clearTimeout(scrollTimer);
      if (lookFrame) view.cancelAnimationFrame(lookFrame);
      if (frame) view.cancelAnimationFrame(frame);
      observer?.disconnect();
      placedStyles.restore();
      pageStyles.restore();
    },
  };
}

/**
 * The widest window at which this page overflowed beside the side panel (0: none). The bar is kept until the window
 * is wider: at the bar, the width alone says the panel fits, and the two would take turns for ever (a page wider
 * than the window less 360 px froze its tab so: QA, 2026-12-01).
 */
let overflowedAt = 0;

/**
 * Keep the room while the docked card is shown: when the window is resized, or the page (laid out once its body is
 * there) turns out wider than what is left beside the side panel, `onSide` is told the side that suits it now.
 * Returns the room: `refresh` after the page changed (an in-app navigation), `release` to give it back.
 */
export function holdRoom(
  side: RoomSide,
  site: SiteId | null | undefined,
  ignore: Element | null,
  onSide: (side: RoomSide) => void,
  later: Later = afterNextPaint,
): Pick<PageRoom, 'refresh' | 'release'> {
  const room = reserveRoom(side, ignore, document, later);
  const check = () => {
    const width = window.innerWidth;
    const planned = roomSide(site, width);
    if (side === 'right' && planned === 'right' && room.overflows()) {
      overflowedAt = width;
      onSide('top');
    } else if (planned !== side && !(planned === 'right' && width <= overflowedAt)) onSide(planned);
  };
  let frame = 0;
  const onResize = () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        check();
      });
  };
  window.addEventListener('resize', onResize);
  window.addEventListener('load', check, { once: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check, { once: true });
  else check();
  return {
    refresh() {
      // A new page in the same document may fit beside the panel: it is tried there once.
      overflowedAt = 0;
      room.refresh();
      if (document.readyState !== 'loading') check();
    },
    release() {
      window.removeEventListener('resize', onResize);
      window.removeEventListener('load', check);
      document.removeEventListener('DOMContentLoaded', check);
      if (frame) cancelAnimationFrame(frame);
      room.release();
    },
  };
}
