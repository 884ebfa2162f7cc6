/**
 * What the page UI chunk offers the marks (lib/page-ui/contract.ts `PageUi.marks`). The lean page script finds the
 * links that name a digest item and asks the background about their keys (components/marks/start-marks.ts); once a
 * key matched, the background injects the chunk, and the chunk draws the marks in their closed layer
 * (components/marks/mark-layer.ts), places them beside their links and answers hover, focus and clicks on them with
 * the item's card (components/marks/marks-ui.ts, mark-card.tsx). Kept apart so that what every page runs stays small:
 * a page with no linked entry runs none of the drawing.
 */
import type { SiteId } from '../schema';
import type { MarkEntry } from './mark-batcher';

export interface MarkLayerHandle {
  /** The marks' closed shadow root: every mark is a button in it; the card goes in it too. */
  root: ShadowRoot;
  /** The host element (the page's hit test and events answer it for anything inside). */
  host: Element;
  /** Each marked link's mark (a button of `root`), and back: the keyboard meets a mark right after its link. */
  marks: ReadonlyMap<HTMLAnchorElement, HTMLElement>;
  linkOf(mark: EventTarget | null): HTMLAnchorElement | undefined;
  /** The answer behind a mark (null or undefined for anything that is not a mark, or a mark whose link left). */
  entryOf(mark: EventTarget | null): MarkEntry | null | undefined;
  site: SiteId | null;
  /** Aborted when the page script stops: every listener goes with it. */
  signal: AbortSignal;
}

export interface MarkCardUi {
  /** Answer the marks of `layer` with their cards. */
  attach(layer: MarkLayerHandle): void;
}

/** The page script's marks, as the chunk draws them. */
export interface DrawnMarks {
  /** Draw `link`'s mark for `entry` (or redraw it for a new answer). */
  set(link: HTMLAnchorElement, entry: MarkEntry): void;
  /**
   * Take `link`'s mark away (its link left the page or changed) when the page's changes are taken in (`place`): a link
   * of the same key set meanwhile (a framework re-rendering its list replaces every link) takes the mark over, with
   * its open card and the keyboard's focus.
   */
  remove(link: HTMLAnchorElement): void;
  /** Take every mark away (an in-app navigation, marks switched off, the library changed). */
  clear(): void;
  /** The page's changes are in (the marks left meanwhile and not taken over go): placed again after its next frame. */
  place(): void;
  /** The layer's host element (under <html> while a mark is shown): no change of the page's. */
  readonly host: Element;
}

export interface MarksUi {
  /** Start drawing the page script's marks; everything goes when `signal` aborts. */
  start(options: { hostName: string; site: SiteId | null; signal: AbortSignal }): DrawnMarks;
}
