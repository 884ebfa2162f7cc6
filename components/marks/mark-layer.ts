/**
 * The marks' layer: one element under <html> with a closed shadow root, holding a small button per marked link,
 * placed over the page beside the link. Nothing is put inside the page's own DOM, so React and Turbo re-render as
 * they like: a link that leaves takes its mark with it at the next pass. The page's CSS cannot reach into the shadow
 * root, and `:host` resets the host even against `!important` rules. The layer is added only with the first mark
 * shown: a page with no linked entry is left as served. Plain DOM, in the page UI chunk (components/marks/marks-ui.ts).
 */
import { markPlace } from '../../lib/marks/placement';

const CSS =
  ':host{all:initial!important;position:absolute!important;inset:0 auto auto 0!important;z-index:2147483646!important}.m{all:initial;position:absolute;top:0;left:0;height:18px;padding:0 6px;border-radius:9px;background:#53c;color:#fff;font:600 11px/18px sans-serif;white-space:nowrap;cursor:pointer}.m:focus-visible{outline:2px solid #fa0}.m[hidden]{display:none}';

export interface MarkLayer {
  /** Add or relabel the mark of `link`: `text` as it reads, and the item's title in its accessible name. */
  set(link: HTMLAnchorElement, text: string, title: string): void;
  remove(link: HTMLAnchorElement): void;
  /**
   * Place every mark beside its link (hidden while its link is hidden or covered by the page); every box is read
   * before any is written. Marks go only on links that matched, a few per page: no need to skip those off screen.
   */
  place(): void;
  /** The link of a mark. */
  linkOf(mark: EventTarget | null): HTMLAnchorElement | undefined;
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly marks: ReadonlyMap<HTMLAnchorElement, HTMLElement>;
}

export function createMarkLayer(hostName: string): MarkLayer {
  const host = document.createElement(hostName);
  // Closed: the page's scripts get null for host.shadowRoot, so they can neither read nor click the marks.
  const root = host.attachShadow({ mode: 'closed' });
  root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
  const marks = new Map<HTMLAnchorElement, HTMLElement>();
  const links = new WeakMap<EventTarget, HTMLAnchorElement>();

  /**
   * A link under something of the page's (a sticky header, a dialog): its mark would be drawn over that. Or out of the
   * window (nothing there to hit): its mark is drawn when it is scrolled into view.
   */
  const covered = (link: Element, line: DOMRect) => {
    const hit = document.elementFromPoint(line.left + 2, line.top + line.height / 2);
    return !hit || (hit !== host && !link.contains(hit) && !hit.contains(link));
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
        links.set(mark, link);
        marks.set(link, mark);
        root.append(mark);
      }
      mark.textContent = text;
      mark.setAttribute('aria-label', `${text}: ${title}`);
    },
    remove(link) {
      marks.get(link)?.remove();
      marks.delete(link);
      if (!marks.size) host.remove();
    },
    place() {
      const viewportWidth = document.documentElement.clientWidth;
      const places = new Map<HTMLElement, string>();
      for (const [link, mark] of marks) {
        const lines = link.getClientRects();
        const line = lines[lines.length - 1];
        // Only beside a link the user sees: in the window, drawn, not covered. Else a page's script could add links
        // no one sees and watch for the layer to learn what the library holds.
        if (
          !line?.width ||
          !link.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
          covered(link, line)
        )
          continue;
        // Read before any write of this pass: the layout is clean, nothing is laid out again.
        const width = mark.hidden ? 90 : mark.offsetWidth;
        const { left, top } = markPlace(line, width, viewportWidth);
        // As the style serializes it, so an unchanged place reads back equal and is not written again.
        places.set(mark, `translate(${Math.round(left + scrollX)}px, ${Math.round(top + scrollY)}px)`);
      }
      // Under <html>, not <body>: Turbo swaps the body on in-app navigation. Added with the first mark shown.
      if (places.size && !host.isConnected) document.documentElement.append(host);
      for (const mark of marks.values()) {
        const place = places.get(mark);
        // A write makes the next pass lay the page out again: only changes are written.
        if (place && mark.style.transform !== place) mark.style.transform = place;
        if (mark.hidden !== !place) mark.hidden = !place;
      }
    },
    // A WeakMap answers undefined for null.
    linkOf: (mark) => links.get(mark as EventTarget),
  };
}
