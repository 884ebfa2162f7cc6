/**
 * What every lookup answer says of the card besides its matches: whether it is collapsed, docked or over the page
 * (storage.local, lib/sidebar/collapsed-store.ts), and the shortcut's key (the browser's `commands`). Kept in the
 * worker's memory: read afresh for each page they were three browser round trips on the path to the card's first
 * frame, and the answer waited 2–7 ms for them after the matches were known (traced at load 4–9, 2026-12-01).
 *
 * The presentation changes only through `save` (the card's buttons, answered by this worker), so memory holds it
 * once read. The shortcut can change in the browser's settings with no event to tell (Chrome has none): it is read
 * for every answer, which takes it when the read is in by the time the matches are (nearly always), else the key read
 * for an earlier page rather than wait.
 */
import type { CardLayout } from '../schema';

export interface CardPresentationValues {
  collapsed: boolean;
  layout: CardLayout;
}

export interface CardPresentationDeps {
  loadCollapsed(): Promise<boolean>;
  loadLayout(): Promise<CardLayout>;
  saveCollapsed(collapsed: boolean): Promise<void>;
  saveLayout(layout: CardLayout): Promise<void>;
  /** The shortcut's key as the browser has it now: null without one, undefined where the browser cannot say. */
  shortcut(): Promise<string | null | undefined>;
}

export interface CardPresentation {
  /** The presentation: read from storage the first time, then from memory. */
  values(): Promise<CardPresentationValues>;
  /**
   * The shortcut's key, read now: as read if that is done before `ready` settles, else the key last read (the
   * very first read is always waited for).
   */
  shortcut(ready: Promise<unknown>): Promise<string | null | undefined>;
  /** Remember the user's choice (memory first: the next page shows it even if storage refuses the write). */
  save(collapsed: boolean, layout?: CardLayout): Promise<void>;
}

export function createCardPresentation(deps: CardPresentationDeps): CardPresentation {
  let kept: Promise<CardPresentationValues> | undefined;
  const values = () => {
    kept ??= Promise.all([deps.loadCollapsed(), deps.loadLayout()]).then(([collapsed, layout]) => ({
      collapsed,
      layout,
    }));
    return kept;
  };
  /** The newest read that came in (`turn`: the order reads were started in; an older, slower one is dropped). */
  let lastKey: { key: string | null | undefined; turn: number } | undefined;
  let reads = 0;

  return {
    values,
    shortcut(ready) {
      const known = lastKey;
      const turn = ++reads;
      const read = deps.shortcut().catch(() => undefined);
      void read.then((key) => {
        if (turn > (lastKey?.turn ?? 0)) lastKey = { key, turn };
      });
      if (!known) return read;
      const kept = () => known.key;
      return Promise.race([read, ready.then(kept, kept)]);
    },
    async save(collapsed, layout) {
      const before = await values();
      kept = Promise.resolve({ collapsed, layout: layout ?? before.layout });
      await Promise.all([deps.saveCollapsed(collapsed), layout && deps.saveLayout(layout)]);
    },
  };
}
