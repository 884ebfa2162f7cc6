/**
 * What each tab's page matched, as its content script's last lookup answered, so the popup can lead with it
 * (本页相关) — also in badge-only mode, where the page shows no card. Learnt from the lookups themselves: no `tabs`
 * permission, no URL kept, only the matches. Kept in `storage.session` (closed to content scripts by default) as
 * well as in memory, because Chrome stops an idle worker and the popup may open long after the page looked up.
 */
import { z } from 'zod';
import type { PageMatchesAnswer } from '../protocol';
import { matchSchema } from '../schema';
import { RELATED_KINDS } from '../sidebar/match-view';
import { type SessionArea, sessionValue } from './session-value';

export const TAB_MATCHES_KEY = 'tabMatches';
/** The tabs whose page looked itself up, matches or not: kept beside their matches. */
export const LOOKED_UP_TABS_KEY = 'lookedUpTabs';

/** One tab's matches: the bounded list its lookup answered, how many cards there are in all, and which are its own. */
export type PageMatches = PageMatchesAnswer;

export const NO_PAGE_MATCHES: PageMatches = Object.freeze({ matches: [], total: 0 }) as PageMatches;

/** The part of a message's sender that says which tab and frame looked up. */
export interface LookupSender {
  tab?: { id?: number };
  frameId?: number;
}

const storedSchema = z
  .record(
    z.string().regex(/^\d+$/),
    z.object({
      matches: z.array(matchSchema),
      total: z.number().int().nonnegative(),
      own: z.number().int().nonnegative().optional(),
      related: z.enum(RELATED_KINDS).optional(),
    }),
  )
  .transform((stored) => new Map(Object.entries(stored).map(([tabId, page]) => [Number(tabId), page])));

const tabListSchema = z.array(z.number().int().nonnegative()).transform((tabIds) => new Set(tabIds));

export type TabMatches = ReturnType<typeof createTabMatches>;

/** `onChange` hears which tab's matches changed (the side panel follows them). */
export function createTabMatches(area: SessionArea, onChange: (tabId: number) => void = () => undefined) {
  const stored = sessionValue(area, TAB_MATCHES_KEY, storedSchema, () => new Map(), 'the tab matches');
  /** Each tab's newest lookup (a counter's value): an older answer that ends later changes nothing. */
  const newest = new Map<number, number>();
  let lookups = 0;
  /** Each tab's notes still being decided: `get` waits for them, so it answers with the last lookup asked. */
  const pending = new Map<number, Promise<void>>();
  /**
   * The tabs whose page looked itself up (its card's lookup or its marks'), matches or not, until closed. Kept in
   * `storage.session` too: QA (2026-12-02) unticked the all-sites option, and marks switched off for X, after Chrome
   * had stopped the idle worker, and the open tabs that had marks but no card of their own kept their marks (the
   * worker started again knew the tabs with matches only, and told no other).
   */
  const lookedUp = sessionValue(
    area,
    LOOKED_UP_TABS_KEY,
    tabListSchema,
    () => new Set<number>(),
    'the tabs that looked up',
  );
  /** The tab of a page that looked itself up, from its top frame (nothing else speaks for the page), if any. */
  const pageTab = (sender: LookupSender) => {
    const tabId = sender.tab?.id;
    return tabId === undefined || tabId < 0 || sender.frameId !== 0 ? undefined : tabId;
  };
  /** Remember `tabId` as one to tell (a write only when it is new). */
  async function remember(tabId: number): Promise<void> {
    const tabIds = await lookedUp.read();
    if (tabIds.has(tabId)) return;
    tabIds.add(tabId);
    await lookedUp.write([...tabIds]);
  }

  const tabs = () => stored.read();

  /**
   * Change the map (`edit` answers the tabs it changed), then write all of it, once; writes follow one another, so
   * the last one holds the last change.
   */
  async function change(edit: (map: Map<number, PageMatches>) => number[]): Promise<void> {
    const map = await tabs();
    const changed = edit(map);
    if (changed.length === 0) return;
    for (const tabId of changed) onChange(tabId);
    await stored.write(Object.fromEntries(map));
  }

  /**
   * The tabs were closed (or left for a page without the page script), or the library their matches came from was
   * replaced: a lookup still answering notes nothing for them. One write for them all.
   */
  function forget(...tabIds: number[]): Promise<void> {
    for (const tabId of tabIds) newest.delete(tabId);
    return change((map) => tabIds.filter((tabId) => map.delete(tabId)));
  }

  return {
    /**
     * A lookup's answer replaces what its tab had; one without matches (or without keys: a page with nothing to
     * look up) clears it. Only the tab's top frame speaks for the page; a lookup from anywhere else is ignored.
     * The answer may still be coming (the background answers the page first): noted now, so the tab's lookups
     * count in the order they were asked and `get` waits for it.
     */
    noteLookup(sender: LookupSender, answer: PageMatches | Promise<PageMatches>): Promise<void> {
      const tabId = pageTab(sender);
      if (tabId === undefined) return Promise.resolve();
      void remember(tabId);
      // Taken when the lookup is noted, which its handler does before it awaits anything: the order asked.
      const lookup = ++lookups;
      newest.set(tabId, lookup);
      const noted = Promise.resolve(answer)
        .then((page) => {
          if (newest.get(tabId) !== lookup) return;
          return change((map) => {
            if (page.matches.length > 0) map.set(tabId, page);
            else if (!map.delete(tabId)) return [];
            return [tabId];
          });
        })
        // A lookup that failed keeps what the tab had.
        .catch(() => undefined);
      const before = pending.get(tabId) ?? Promise.resolve();
      const all = Promise.all([before, noted]).then(() => undefined);
      pending.set(tabId, all);
      void all.then(() => {
        if (pending.get(tabId) === all) pending.delete(tabId);
      });
      return noted;
    },
    /** A page's marks looked up their links' keys: its tab is one to tell, as a page that looked itself up is. */
    noteMarks(sender: LookupSender): Promise<void> {
      const tabId = pageTab(sender);
      return tabId === undefined ? Promise.resolve() : remember(tabId);
    },
    forget,
    /**
     * The tabs whose page looked itself up or its links, with or without matches (the library was cleared or
     * imported, a setting or a permission changed: each is told, and looks itself up again).
     */
    async tabIds(): Promise<number[]> {
      await Promise.all(pending.values());
      return [...new Set([...(await lookedUp.read()), ...(await tabs()).keys()])];
    },
    /** The tab was closed: it is no longer one to tell. */
    async closed(tabId: number): Promise<void> {
      const tabIds = await lookedUp.read();
      if (tabIds.delete(tabId)) await lookedUp.write([...tabIds]);
      return forget(tabId);
    },
    async get(tabId: number): Promise<PageMatches> {
      await pending.get(tabId);
      return (await tabs()).get(tabId) ?? NO_PAGE_MATCHES;
    },
  };
}
