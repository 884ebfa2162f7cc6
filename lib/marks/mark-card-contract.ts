/**
 * What the page UI chunk offers the marks (lib/page-ui/contract.ts `PageUi.markCard`). The lean page script draws
 * the marks (components/marks/mark-layer.ts) and hands their shadow root over once the chunk runs; the chunk then
 * answers hover, focus and clicks on them with the item's card (components/marks/mark-card.tsx). Kept apart so
 * that what every page runs stays small.
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
  /** Answer the marks' hover, focus and clicks with the item's card. */
  attach(layer: MarkLayerHandle): void;
}
