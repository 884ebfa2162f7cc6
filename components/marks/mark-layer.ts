/**
 * The marks' layer: one element under <html> with a closed shadow root, holding a small button per marked link,
 * placed over the page beside the link where the page shows nothing (no text, control or picture of its hidden; a dot
 * at the link's end where there is no such room). Nothing is put inside the page's own DOM, so React and Turbo re-render as
 * they like: a link that leaves takes its mark with it at the next pass. The page's CSS cannot reach into the shadow
 * root, and `:host` resets the host even against `!important` rules. The layer is added only with the first mark
 * shown: a page with no linked entry is left as served. Plain DOM, in the page UI chunk (components/marks/marks-ui.ts).
 */
import {
  type Box,
  clearOf,
  DOT_SIZE,
  dotPlace,
  MARK_HEIGHT,
  markSpots,
  markWidth,
} from '../../lib/marks/placement';

/** A mark's size in the window's pixels: its chip's, and its dot's side. */
interface Size {
  width: number;
  height: number;
  dot: number;
}

import { isSidebarHost } from '../../lib/sidebar/host-name';

/**
 * The layer's style. The focus ring is a dark ring outside a white one, seen on any page (QA 2026-12-02: the amber
 * ring it replaced was 1.97:1 on a white page).
 */
const CSS =
  ':host{all:initial!important;position:absolute!important;inset:0 auto auto 0!important;z-index:2147483646!important}.m{all:initial;position:absolute;top:0;left:0;height:18px;padding:0 6px;border-radius:9px;background:#53c;color:#fff;font:600 11px/18px sans-serif;white-space:nowrap;cursor:pointer}.m.d{width:8px;height:8px;padding:0;border-radius:4px;font-size:0;line-height:0;box-shadow:0 0 0 2px #fff}.m:focus-visible{outline:2px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff}.m[hidden]{display:none}';
/** The most time a placing pass takes for looking for room (hit tests): the rest waits for the next pass. */
const PASS_MS = 8;

/** While the marks are being placed, the pointer passes through them: the page under a mark is what is hit-tested. */
const PASS_THROUGH = '.m{pointer-events:none!important}';

/** The page's controls and pictures: a mark over one would hide it, or take its clicks. */
const PAGE_CONTROLS =
  'a[href],button,input,select,textarea,img,svg,video,canvas,iframe,label,[role=button],[role=link],[role=img]';
/** The block a link's line is in: beside it, in its margin, a mark hides nothing. */
const BLOCKS = 'p,li,td,dd,blockquote,h1,h2,h3,h4,h5,h6,div,article,section';
/** What makes an element unseen though drawn: transparent, or its visibility hidden. */
const SEEN = { opacityProperty: true, visibilityProperty: true };
/** Links in the browser's top layer (an open modal dialog, a popover) are drawn above any mark: none for them. */
const TOP_LAYER = 'dialog:modal,:popover-open';

/** Where a mark was found room for, beside its link's last line where it was (in the document): found again when it moves. */
interface Spot {
  at: string;
  dx: number;
  dy: number;
  dot: boolean;
  /** The mark's size there, in the window's pixels (a chip's or a dot's): the room it takes from the other marks. */
  width: number;
  height: number;
  /** A better spot was off the screen then (the link at the window's edge): looked for again at the next look. */
  partial: boolean;
  /** When it was found (`performance.now()`): a look asked for before that has nothing to look at in it. */
  found: number;
}

/** Where the layer's pixels start and how large they are: <html> may move the layer (a margin, a transform) or zoom it. */
export interface LayerFrame {
  left: number;
  top: number;
  zoom: number;
}

/**
 * How near the window a link is watched as near (an IntersectionObserver's root margin): a window's height or width
 * beyond each edge, so a link scrolled into view at a wheel step's pace was reported near before it shows.
 */
const NEAR_MARGIN = '100%';

/** The CSS zoom on <html>, which scales the layer's pixels too. */
const pageZoom = () => Number.parseFloat(getComputedStyle(document.documentElement).zoom) || 1;

/** The layer's frame now (a layout read: before any write of a pass), at `zoom` when the caller has read it. */
export function layerFrame(host: Element, zoom = pageZoom()): LayerFrame {
  const { left, top } = host.getBoundingClientRect();
  return { left, top, zoom };
}

/** A window point as the transform that puts an element of the layer there, as the style serializes it. */
export function layerTransform(frame: LayerFrame, left: number, top: number): string {
  return `translate(${Math.round((left - frame.left) / frame.zoom)}px, ${Math.round((top - frame.top) / frame.zoom)}px)`;
}

export interface MarkLayer {
  /** Add or relabel the mark of `link`: `text` as it reads, and the item's title in its accessible name. */
  set(link: HTMLAnchorElement, text: string, title: string): void;
  remove(link: HTMLAnchorElement): void;
  /**
   * Give `from`'s mark to `to` (the same element: its focus and its card stay). Its spot goes with it: kept where `to`
   * stands where `from` stood (a re-render), else followed or looked for again as a moved link's is.
   */
  handOver(from: HTMLAnchorElement, to: HTMLAnchorElement): void;
  /**
   * Place every mark whose link is near the window beside its link (hidden while its link is far, hidden or covered
   * by the page, or while the page's fixed or sticky content is where it would be drawn); every box is read before any is written. The room beside a link is looked for when the link is new
   * or moved in the document, not at each scroll; with `lookSince` (the page changed then, at most a few times a
   * second) each spot found before is looked at again. Answers whether its time ran out before every mark was (the
   * caller places them again at the next frame), how many kept spots a look found covering something, and whether a
   * mark went with its moved link unlooked (the caller looks soon).
   */
  place(lookSince?: number): { more: boolean; moved: number; unsure: boolean };
  /** Stop watching the links (the page script stopped): the layer leaves the page. */
  stop(): void;
  /** The link of a mark. */
  linkOf(mark: EventTarget | null): HTMLAnchorElement | undefined;
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly marks: ReadonlyMap<HTMLAnchorElement, HTMLElement>;
}

/**
 * `nearer`: a link came near the window or left it (its mark is placed, or hidden, at the next pass: the caller
 * places the marks).
 */
export function createMarkLayer(hostName: string, nearer: () => void = () => {}): MarkLayer {
  const host = document.createElement(hostName);
  // Closed: the page's scripts get null for host.shadowRoot, so they can neither read nor click the marks.
  const root = host.attachShadow({ mode: 'closed' });
  root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
  const marks = new Map<HTMLAnchorElement, HTMLElement>();
  const links = new WeakMap<EventTarget, HTMLAnchorElement>();
  /** The marks a look has still to look at (it goes on in the next pass when a pass's time ran out). */
  let toLook: Set<HTMLElement> | undefined;
  /** Each shown mark's spot, found where its link was last (a relabelled mark's is found again). */
  const spots = new WeakMap<HTMLElement, Spot>();
  /**
   * The marked links near the window, as the browser's IntersectionObserver reports them when it lays the page out: a
   * pass reads the boxes of these only. Each box read is a style-and-layout check (~25 µs with the page laid out), and
   * a timeline scrolled for an hour holds dozens of marks off screen: every pass read them all (bench 2026-12-01: 50
   * links' boxes read at the first pass of a page with one mark in view). A link not reported yet is far: the report,
   * in the frame after the link was marked, places its mark. Without the observer (an old engine) every link is near.
   */
  const near = new WeakSet<Element>();
  /**
   * A link drawn `display: contents` has no box: the observer reports it far wherever it is (Chromium 156). Its first
   * element is watched in its stead (`watchedFor`: the element watched for a link; `watchedOf`: the link an element is
   * watched for); one holding text only is near always (its boxes are read at each pass).
   */
  const watchedFor = new WeakMap<Element, Element>();
  const watchedOf = new WeakMap<Element, Element>();
  /** A report of an element with no box: a link drawn `display: contents` (a style read, for such reports only). */
  const drawnAsContents = ({ target, isIntersecting, boundingClientRect: box }: IntersectionObserverEntry) =>
    !isIntersecting &&
    !box.width &&
    !box.height &&
    !watchedOf.has(target) &&
    getComputedStyle(target).display === 'contents';
  const watcher =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (reports) => {
            for (const report of reports) {
              const link = watchedOf.get(report.target) ?? report.target;
              if (drawnAsContents(report)) {
                const first = link.firstElementChild;
                if (!first) near.add(link);
                else if (!watchedFor.has(link)) {
                  watchedFor.set(link, first);
                  watchedOf.set(first, link);
                  watcher?.observe(first);
                }
              } else if (report.isIntersecting) near.add(link);
              else near.delete(link);
            }
            nearer();
          },
          { rootMargin: NEAR_MARGIN },
        )
      : undefined;
  const isNear = (link: Element) => !watcher || near.has(link);
  /** Stop watching `link` (and the element watched in its stead). */
  const unwatch = (link: Element) => {
    watcher?.unobserve(link);
    const first = watchedFor.get(link);
    if (first) watcher?.unobserve(first);
    watchedFor.delete(link);
  };

  /**
   * Whether a link drawn `display: contents` is seen: checkVisibility says no to an element with no box (Chromium
   * 156). Its parent's box is seen, and its own visibility (its text's) is not hidden; its opacity draws nothing.
   */
  const contentsSeen = (link: Element) => {
    const { visibility } = getComputedStyle(link);
    return (
      !!link.parentElement?.checkVisibility(SEEN) && visibility !== 'hidden' && visibility !== 'collapse'
    );
  };

  /**
   * A link under something of the page's (a sticky header, a dialog): its mark would be drawn over that. Or out of the
   * window (nothing there to hit): its mark is drawn when it is scrolled into view.
   */
  const covered = (link: Element, line: DOMRect) => {
    const hit = document.elementFromPoint(line.left + 2, line.top + line.height / 2);
    return !hit || (hit !== host && !link.contains(hit) && !hit.contains(link));
  };

  /**
   * Whether the page's fixed or sticky content (a sticky header, a cookie bar, a side panel) is where `box` is: a mark
   * there would be drawn over it. Its top and bottom rows are hit-tested at its middle, the layer passed through; a hit
   * is the page's content around the link unless it, or a box it is in short of one holding the link, is fixed or
   * sticky (a link inside a sticky header has its mark there). Out of the window, nothing covers it. QA 2026-12-02: a
   * link half under a sticky header got its mark drawn 8 px over the header (its line's middle was clear).
   */
  const pinnedOver = ({ left, top, width, height }: Box, link: Element) => {
    for (const y of [top + 1, top + height - 1]) {
      let box = document.elementsFromPoint(left + width / 2, y).find((element) => element !== host) ?? null;
      for (; box && !box.contains(link); box = box.parentElement) {
        const { position } = getComputedStyle(box);
        if (position === 'fixed' || position === 'sticky') return true;
      }
    }
    return false;
  };

  // Switched by its media (its `disabled` is lost while the layer is out of the document).
  const passThrough = Object.assign(document.createElement('style'), {
    textContent: PASS_THROUGH,
    media: 'not all',
  });
  root.append(passThrough);
  const range = document.createRange();

  /** A link's whole box: its own, or its contents' when it is drawn `display: contents`. */
  const contentsBox = (link: Element): DOMRect => {
    const own = link.getBoundingClientRect();
    if (own.width || own.height) return own;
    range.selectNodeContents(link);
    return range.getBoundingClientRect();
  };

  /**
   * The boxes of a link drawn `display: contents` (its children's boxes are its box: it has none of its own), as a
   * range over its contents gives them: its elements' and its text's, in the document's order, the empty ones (the
   * spaces between its elements) left out.
   */
  const contentsLines = (link: Element): DOMRect[] => {
    range.selectNodeContents(link);
    return [...range.getClientRects()].filter((line) => line.width && line.height);
  };

  /** Whether an element (or its open shadow root: GitHub's <relative-time>) holds text of its own. */
  const holdsText = (element: Element | ShadowRoot): boolean => {
    for (const child of element.childNodes)
      if (child.nodeType === Node.TEXT_NODE && /\S/.test(child.nodeValue as string)) return true;
    return element instanceof Element && !!element.shadowRoot && holdsText(element.shadowRoot);
  };

  /** Whether the page shows a character (not a space) at `x, y`, over `hit` (in its open shadow root too). */
  const textAt = (x: number, y: number, hit: Element) => {
    const caret = document.caretPositionFromPoint?.(
      x,
      y,
      hit.shadowRoot ? { shadowRoots: [hit.shadowRoot] } : {},
    );
    const node = caret?.offsetNode;
    if (!caret || !(node instanceof Text)) return false;
    for (const offset of [caret.offset - 1, caret.offset]) {
      if (offset < 0 || offset >= node.length || !/\S/.test(node.data[offset] as string)) continue;
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const glyph = range.getBoundingClientRect();
      if (x >= glyph.left && x <= glyph.right && y >= glyph.top && y <= glyph.bottom) return true;
    }
    return false;
  };

  /**
   * Whether a mark of its `size` at `spot` would hide something of the page's: its text, a control or a picture
   * (the link's own box, or a clickable box around it, may hold the mark where it shows nothing), or the extension's
   * card. Hit-tested along the mark's middle every 10 px at most (a word is wider), and along its top and bottom
   * every 20 px (the line above or below reaching into it).
   */
  const hides = (spot: { left: number; top: number }, { width, height }: Size, link: Element) => {
    for (const [y, step] of [
      [spot.top + height / 2, 10],
      [spot.top + 2, 20],
      [spot.top + height - 2, 20],
    ] as const) {
      const steps = Math.ceil((width - 2) / step);
      for (let index = 0; index <= steps; index += 1) {
        const x = spot.left + 1 + ((width - 2) * index) / steps;
        let hit = document.elementFromPoint(x, y);
        // The mark's own card, open there: the page under it.
        if (hit === host) hit = document.elementsFromPoint(x, y).find((element) => element !== host) ?? null;
        if (!hit || isSidebarHost(hit)) return true;
        // A control around the link (its card, a quoted tweet's box) is no other control: the spot may be in it.
        const control = hit.closest(PAGE_CONTROLS);
        if (control && !control.contains(link)) return true;
        // A character there is one of the hit element's own text (most hits, a list's row, hold none: no caret asked).
        if (holdsText(hit) && textAt(x, y, hit)) return true;
      }
    }
    return false;
  };

  /**
   * A mark's size at the page's `zoom`, as drawn when it is (a browser's fonts may draw it wider than its text's
   * estimate). Read only for a look or a search: a scroll's passes keep their spots and read no mark's box.
   */
  const sizeOf = (mark: HTMLElement, zoom: number): Size => {
    const drawn = mark.hidden || mark.classList.contains('d') ? 0 : mark.getBoundingClientRect().width;
    return {
      width: Math.max(markWidth(mark.textContent ?? '') * zoom, drawn),
      height: MARK_HEIGHT * zoom,
      dot: DOT_SIZE * zoom,
    };
  };

  /**
   * Where the text that follows `link` on its last line ends: up to the next link or control there (a mark beyond
   * it would stand beside that one), at most a few dozen of its text nodes read. Its left end where it reads right
   * to left (`rtl`).
   */
  const lineEndOf = (
    link: HTMLAnchorElement,
    block: Element,
    blockWidth: number,
    last: DOMRect,
    rtl: boolean,
  ) => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = link;
    const middle = last.top + last.height / 2;
    let end = rtl ? last.left : last.right;
    const reach = (rects: DOMRectList) => {
      for (const rect of rects)
        if (rect.width && rect.width < blockWidth - 1 && rect.top <= middle && rect.bottom >= middle)
          end = rtl ? Math.min(end, rect.left) : Math.max(end, rect.right);
    };
    for (let read = 0, node = walker.nextNode(); node && read < 40; node = walker.nextNode(), read += 1) {
      if (link.contains(node)) continue;
      if (node.parentElement?.closest(PAGE_CONTROLS)) break;
      range.selectNodeContents(node);
      const rects = range.getClientRects();
      reach(rects);
      // The boxes the words are in (a label's border and padding, a code span's), short of the block's own width.
      for (let box = node.parentElement; box && box !== block; box = box.parentElement)
        reach(box.getClientRects());
      // Past the link's line: the rest of the block follows on the lines below.
      if (rects.length && (rects[rects.length - 1] as DOMRect).top > last.bottom) break;
    }
    return end;
  };

  /**
   * Where beside `link` its mark hides nothing of the page nor any mark `taken` (relative to its last line), else its
   * dot (over its own link, where no other mark goes).
   */
  const spotFor = (
    link: HTMLAnchorElement,
    lines: ArrayLike<DOMRect>,
    size: Size,
    viewport: Box,
    at: string,
    taken: readonly Box[],
  ): Spot => {
    const last = lines[lines.length - 1] as DOMRect;
    const block = link.parentElement?.closest(BLOCKS);
    const blockBox = block?.getBoundingClientRect();
    // Which way its text reads (an Arabic list's links, right to left): read with its room, not at each scroll.
    const rtl = getComputedStyle(link).direction === 'rtl';
    const boxes = {
      first: lines[0] as DOMRect,
      last,
      box: contentsBox(link),
      block: blockBox,
      lineEnd: block && blockBox ? () => lineEndOf(link, block, blockBox.width, last, rtl) : undefined,
      rtl,
    };
    let partial = false;
    const found = (spot: { left: number; top: number }, dot: boolean): Spot => ({
      at,
      dx: spot.left - last.left,
      dy: spot.top - last.top,
      dot,
      width: dot ? size.dot : size.width,
      height: dot ? size.dot : size.height,
      partial,
      found: performance.now(),
    });
    for (const spot of markSpots(boxes, size.width, viewport, size.height)) {
      const box = { ...spot, ...size };
      // Under the page's header for now: this one is looked for again at the next look, when it may be clear.
      if (!spot.onScreen || pinnedOver(box, link)) partial = true;
      // The other marks first: a sum, where a hit test is a layout's question.
      else if (clearOf(box, taken) && !hides(spot, size, link)) return found(spot, false);
    }
    return found(dotPlace(last, size.dot, rtl), true);
  };

  return {
    host,
    root,
    marks,
    set(link, text, title) {
      let mark = marks.get(link);
      if (!mark) {
        // A button of its own tree, in no form: it submits nothing, whatever its type.
        mark = Object.assign(document.createElement('button'), { className: 'm', hidden: true });
        // It opens its item's card (a dialog): a screen reader says so, and whether it is open (mark-card.tsx).
        mark.setAttribute('aria-haspopup', 'dialog');
        mark.setAttribute('aria-expanded', 'false');
        links.set(mark, link);
        marks.set(link, mark);
        root.append(mark);
        watcher?.observe(link);
      }
      if (mark.textContent !== text) spots.delete(mark);
      mark.textContent = text;
      mark.setAttribute('aria-label', `${text}: ${title}`);
    },
    handOver(from, to) {
      const mark = marks.get(from);
      if (!mark || marks.has(to)) return;
      marks.delete(from);
      marks.set(to, mark);
      links.set(mark, to);
      unwatch(from);
      watcher?.observe(to);
      // Where the one was, the other stands (a re-render): near until the report says, its mark not hidden a frame.
      if (near.has(from)) near.add(to);
    },
    remove(link) {
      const mark = marks.get(link);
      if (mark) toLook?.delete(mark);
      mark?.remove();
      marks.delete(link);
      unwatch(link);
      if (!marks.size) host.remove();
    },
    place(lookSince) {
      const look = lookSince !== undefined;
      const deadline = performance.now() + PASS_MS;
      let finished = true;
      let moved = 0;
      /** A mark went with its link to a place not looked at: a look is owed. */
      let unsure = false;
      // A look goes over every mark once, across as many passes as its time needs.
      if (look) toLook ??= new Set(marks.values());
      const html = document.documentElement;
      const viewport = { left: 0, top: 0, width: html.clientWidth, height: html.clientHeight };
      const zoom = pageZoom();
      const places = new Map<HTMLElement, { left: number; top: number; dot: boolean }>();
      /**
       * The marks placed so far in this pass: a mark takes no room of theirs (the pass's hit tests pass through the
       * marks). A kept spot that another mark has since taken is looked for again; the marks' order keeps it stable.
       */
      const taken: Box[] = [];
      for (const [link, mark] of marks) {
        // Far from the window: hidden, no box read.
        if (!isNear(link)) {
          toLook?.delete(mark);
          continue;
        }
        let lines: ArrayLike<DOMRect> = link.getClientRects();
        // Drawn `display: contents`: no box of its own, its contents' boxes are its box.
        const contents = !lines.length;
        if (contents) lines = contentsLines(link);
        const line = lines[lines.length - 1];
        // Only beside a link the user sees: in the window, drawn, not covered. Else a page's script could add links
        // no one sees and watch for the layer to learn what the library holds.
        if (
          !line?.width ||
          // Out of the window (nothing there to hit): the cheapest test first, for a long page's many marks.
          line.bottom < 0 ||
          line.top > innerHeight ||
          line.right < 0 ||
          line.left > innerWidth ||
          !(contents ? contentsSeen(link) : link.checkVisibility(SEEN)) ||
          link.closest(TOP_LAYER) ||
          covered(link, line)
        ) {
          // Not shown: nothing to look at.
          toLook?.delete(mark);
          continue;
        }
        // Where the link is in the document: a scroll moves it in the window only, and its mark's spot is kept. At a
        // look, a spot kept is looked at again: the page may have put something there (a label, a menu).
        const at = `${Math.round(line.left + scrollX)} ${Math.round(line.top + scrollY)} ${line.width} ${line.height}`;
        let spot = spots.get(mark);
        // Moved in the document, its line the same size (content above it grew, a class shifted it): the spot goes
        // with it for now, and the next look says whether it is still free there.
        if (spot && spot.at !== at && spot.at.endsWith(` ${line.width} ${line.height}`)) {
          spot = { ...spot, at };
          spots.set(mark, spot);
          unsure = true;
        }
        // Past the pass's time, what is left waits for the next pass (its old spot kept meanwhile): many marks in
        // view on a page that changes all the time make no long task.
        const now = performance.now();
        const inTime = now < deadline;
        // Looking at kept spots takes the first half of the pass's time at most: new and moved links come first.
        // A spot found since the look was asked for is as the page is now.
        const lookHere =
          look &&
          now < deadline - PASS_MS / 2 &&
          (toLook?.delete(mark) ?? false) &&
          (spot?.found ?? 0) < (lookSince as number);
        if (lookHere && passThrough.media !== 'all') passThrough.media = 'all';
        // A dot covers nothing but its own link: no look tests it, nor the other marks (none goes over a link, and a
        // dot found again would be the same dot). It is looked for room again when its link's line changes size (a
        // link moved with its line unchanged takes its dot along).
        // The spot kept for where the link is, in the window now.
        const here =
          spot?.at === at ? { ...spot, left: line.left + spot.dx, top: line.top + spot.dy } : undefined;
        const kept =
          here !== undefined &&
          (here.dot || clearOf(here, taken)) &&
          !(
            lookHere &&
            !here.dot &&
            (here.partial || pinnedOver(here, link) || hides(here, sizeOf(mark, zoom), link))
          );
        if (!kept && !inTime) finished = false;
        if (!kept && inTime) {
          passThrough.media = 'all';
          const before = spot;
          spot = spotFor(link, lines, sizeOf(mark, zoom), viewport, at, taken);
          spots.set(mark, spot);
          // A look that moved a mark (not one that found the same spot again, a partial one still partial).
          if (lookHere && before?.at === at && (before.dx !== spot.dx || before.dy !== spot.dy)) moved += 1;
        }
        // Moved, and its room not looked for yet: where it was beside its link, else shown at the next pass.
        if (!spot) continue;
        const place = { left: line.left + spot.dx, top: line.top + spot.dy, dot: spot.dot };
        // Its spot under the page's sticky header (the link scrolled near it): hidden until it comes clear, or until a
        // look finds it another spot. Two hit tests a shown mark: a scroll's passes read no other box for it.
        if (pinnedOver({ ...place, width: spot.width, height: spot.height }, link)) continue;
        places.set(mark, place);
        taken.push({ ...place, width: spot.width, height: spot.height });
      }
      if (passThrough.media !== 'not all') passThrough.media = 'not all';
      // Under <html>, not <body>: Turbo swaps the body on in-app navigation. Added with the first mark shown.
      if (places.size && !host.isConnected) html.append(host);
      // The layer's origin, where the page's <html> puts it (its margin, a transform): read before any write.
      const frame = places.size ? layerFrame(host, zoom) : { left: 0, top: 0, zoom };
      for (const mark of marks.values()) {
        const place = places.get(mark);
        if (place) {
          const transform = layerTransform(frame, place.left, place.top);
          // A write makes the next pass lay the page out again: only changes are written.
          if (mark.style.transform !== transform) mark.style.transform = transform;
          if (mark.classList.contains('d') !== place.dot) mark.classList.toggle('d', place.dot);
        }
        if (mark.hidden !== !place) mark.hidden = !place;
      }
      if (toLook?.size === 0) toLook = undefined;
      return { more: !finished || !!toLook, moved, unsure };
    },
    stop() {
      watcher?.disconnect();
      host.remove();
    },
    // A WeakMap answers undefined for null.
    linkOf: (mark) => links.get(mark as EventTarget),
  };
}
