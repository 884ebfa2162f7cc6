/**
 * What each tab's page matched, as its content script's last lookup answered, so the popup can lead with it
 * (本页相关) — also in badge-only mode, where the page shows no card. Learnt from the lookups themselves: no `tabs`
 * permission, no URL kept, only the matches. Kept in `storage.session` (closed to content scripts by default) as
 * well as in memory, because Chrome stops an idle worker and the popup may open long after the page looked up.
 */
import { z } from 'zod';
import { type Match, matchSchema } from '../schema';

export const TAB_MATCHES_KEY = 'tabMatches';

/** One tab's matches: the bounded list its lookup answered and how many cards there are in all. */
export interface PageMatches {
  matches: Match[];
  total: number;
}

export const NO_PAGE_MATCHES: PageMatches = Object.freeze({ matches: [], total: 0 }) as PageMatches;

/** The part of a message's sender that says which tab and frame looked up. */
export interface LookupSender {
  tab?: { id?: number };
  frameId?: number;
}

/** The part of `storage.session` used here (the fake browser's and the real one's). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const storedSchema = z.record(
  z.string().regex(/^\d+$/),
  z.object({ matches: z.array(matchSchema), total: z.number().int().nonnegative() }),
);

export type TabMatches = ReturnType<typeof createTabMatches>;

/** `onChange` hears which tab's matches changed (the side panel follows them). */
export function createTabMatches(area: SessionArea, onChange: (tabId: number) => void = () => undefined) {
  let loaded: Promise<Map<number, PageMatches>> | undefined;
  let written: Promise<void> = Promise.resolve();

  const tabs = () => {
    loaded ??= readStored(area);
    return loaded;
  };

  /** Change the map, then write all of it; writes follow one another, so the last one holds the last change. */
  async function change(tabId: number, edit: (map: Map<number, PageMatches>) => boolean): Promise<void> {
    const map = await tabs();
    if (!edit(map)) return;
    onChange(tabId);
    const snapshot = Object.fromEntries(map);
    written = written
      .then(() => area.set({ [TAB_MATCHES_KEY]: snapshot }))
      .catch((error: unknown) => console.warn('[digest-lens] could not keep the tab matches', error));
    await written;
  }

  return {
    /**
     * A lookup's answer replaces what its tab had; one without matches (or without keys: a page with nothing to
     * look up) clears it. Only the tab's top frame speaks for the page; a lookup from anywhere else is ignored.
     */
    noteLookup(sender: LookupSender, answer: PageMatches): Promise<void> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0 || sender.frameId !== 0) return Promise.resolve();
      return change(tabId, (map) => {
        if (answer.matches.length > 0) {
          map.set(tabId, { matches: answer.matches, total: answer.total });
          return true;
        }
        return map.delete(tabId);
      });
    },
    /** The tab was closed. */
    forget(tabId: number): Promise<void> {
      return change(tabId, (map) => map.delete(tabId));
    },
    async get(tabId: number): Promise<PageMatches> {
      return (await tabs()).get(tabId) ?? NO_PAGE_MATCHES;
    },
  };
}

/** What an earlier worker kept; anything that is not what this module writes is dropped, not trusted. */
async function readStored(area: SessionArea): Promise<Map<number, PageMatches>> {
  try {
    const parsed = storedSchema.safeParse((await area.get(TAB_MATCHES_KEY))[TAB_MATCHES_KEY] ?? {});
    if (!parsed.success) return new Map();
    return new Map(Object.entries(parsed.data).map(([tabId, page]) => [Number(tabId), page]));
  } catch (error) {
    console.warn('[digest-lens] could not read the tab matches', error);
    return new Map();
  }
}
