/**
 * The hand-off between the lean page script (on every page of the served sites: keys, lookup, location watching)
 * and the page UI chunk (Preact, the card, its CSS), which the background injects into the same tab only after a
 * lookup matched, or when the user pressed the shortcut (lib/background/page-ui-loader.ts).
 *
 * Both run in the extension's isolated world (Chrome) or content-script sandbox (Firefox), which shares the DOM but
 * not the globals with the page: the chunk registers what it offers on that world's `globalThis`, where the page's
 * own scripts cannot see or replace it, and the lean script waits for it. Either side may come first. The two are
 * separate bundles, so they meet through this global slot, never through module identity.
 *
 * What the chunk offers grows by capability: the page card, the marks' drawing and cards (issue 12), each a field here.
 */
import type { MarksUi } from '../marks/mark-card-contract';
import type { ResponseOf } from '../protocol';
import type { SiteId } from '../schema';

export type Lookup = ResponseOf<'lookup'>;

/** What the card may know of its script's life: a ContentScriptContext fits (the chunk needs no WXT runtime). */
export interface PageScriptLifetime {
  /** Reading it checks the extension is still there, and invalidates the context when it is not. */
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
}

/**
 * How often what a page script drew (the card, the marks) looks whether its extension is still there: Chrome tells
 * an orphaned copy nothing, and its drawing would stay, dead, until the page's next load.
 */
export const VALIDITY_CHECK_MS = 1000;

/** A page the lean script looked up, as the card shows it. */
export interface CardPage {
  /** The keys that were sent (empty when the page was not looked up). */
  keys: string[];
  /** The page's story: its cards first, its link left out of their sources (lib/sidebar/page-keys). */
  pageStory: string | null;
  /** The same when the page is narrower than its repo: its cards are marked 本页. */
  ownStory: string | null;
  /** The lookup's answer for this page. */
  answer: Lookup;
  /** Ask again for this page with a larger card limit ("更多 N 条"). */
  lookUpMore(limit: number): Promise<Lookup>;
}

export interface CardOptions {
  lifetime: PageScriptLifetime;
  site: SiteId | null;
  /** The host element's name for this load (lib/sidebar/host-name). */
  hostName: string;
}

/** One card per page script: shown, updated, toggled and removed as the lean script learns about pages. */
export interface PageCard {
  /** Show the page's answer (the panel opens as remembered), or update the card already shown. */
  show(page: CardPage): void;
  /** The shortcut: open (expanded, with the focus) when not shown, else collapse or expand. */
  toggle(page: CardPage): void;
  /** Take the card out of the page (nothing matches, or the page was left). */
  hide(): void;
  /** Whether the card is in the page. */
  readonly shown: boolean;
  /** Move the focus to the card's main control (after the shortcut looked up a page). */
  focus(): void;
}

/** What the UI chunk registers. */
export interface PageUi {
  createCard(options: CardOptions): PageCard;
  /** The marks' drawing and their cards (issue 12, lib/marks/mark-card-contract): the page card's component. */
  marks?: MarksUi;
}

interface Slot {
  ui?: PageUi;
  waiting: Array<(ui: PageUi) => void>;
}

/** A registry symbol of this world: `Symbol.for` in the page's own realm is another registry. */
const SLOT = Symbol.for('digest-lens.page-ui');

function slot(): Slot {
  const world = globalThis as unknown as Record<symbol, Slot | undefined>;
  world[SLOT] ??= { waiting: [] };
  return world[SLOT];
}

/** Called once by the UI chunk when it runs; a second injection of the chunk changes nothing. */
export function registerPageUi(ui: PageUi): boolean {
  const current = slot();
  if (current.ui) return false;
  current.ui = ui;
  for (const resolve of current.waiting.splice(0)) resolve(ui);
  return true;
}

/** The UI chunk's offer: at once when it already ran, else when the background's injection runs it. */
export function whenPageUi(): Promise<PageUi> {
  const current = slot();
  if (current.ui) return Promise.resolve(current.ui);
  return new Promise((resolve) => current.waiting.push(resolve));
}

/** Tests only: forget the registered UI (each test starts like a fresh page). */
export function resetPageUi(): void {
  const world = globalThis as unknown as Record<symbol, Slot | undefined>;
  delete world[SLOT];
}
