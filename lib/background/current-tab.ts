/**
 * Which tab the side panel is about: the tab the user is on in the panel's window. Learnt from `tabs.onActivated`
 * (a tab id and its window, no URL: no `tabs` permission) and kept, most recent first, in `storage.session`, because
 * Chrome stops an idle worker and the panel may ask long after the user switched. Tabs that show one of this
 * extension's own pages (the panel opened as a tab, the options page) are skipped: the panel follows the web page the
 * user was on before, which is what its links should open in.
 */
import { z } from 'zod';
import { type SessionArea, sessionValue } from './session-value';

export const RECENT_TABS_KEY = 'recentTabs';
/** Enough to step over a few extension pages in a few windows; older activations say nothing useful. */
const MAX_RECENT = 24;

export interface TabActivation {
  tabId: number;
  windowId: number;
}

export interface CurrentTabDeps {
  area: SessionArea;
  /** Ids of tabs showing this extension's pages (`runtime.getContexts`, Chrome 116+, Firefox 127+). */
  extensionTabs: () => Promise<ReadonlySet<number>>;
  /** The active tab of a window as the browser says (`tabs.query`: ids only), for a window with no activation seen. */
  activeTabOf: (windowId: number | undefined) => Promise<TabActivation | undefined>;
}

const storedSchema = z.array(z.object({ tabId: z.number().int(), windowId: z.number().int() }));

export type CurrentTab = ReturnType<typeof createCurrentTab>;

export function createCurrentTab(deps: CurrentTabDeps) {
  const stored = sessionValue(deps.area, RECENT_TABS_KEY, storedSchema, () => [], 'the recent tabs');
  const recent = () => stored.read();

  async function change(edit: (list: TabActivation[]) => TabActivation[]): Promise<void> {
    const list = await recent();
    const next = edit(list).slice(0, MAX_RECENT);
    list.splice(0, list.length, ...next);
    await stored.write(next);
  }

  return {
    /** The user switched to `tabId` in `windowId`. */
    activated(activation: TabActivation): Promise<void> {
      return change((list) => [activation, ...list.filter((entry) => entry.tabId !== activation.tabId)]);
    },
    /** The tab was closed. */
    forget(tabId: number): Promise<void> {
      return change((list) => list.filter((entry) => entry.tabId !== tabId));
    },
    /**
     * The web page's tab the panel of `windowId` is about (any window's when the panel cannot say), never `exclude`
     * (the asking page's own tab) nor another extension page; undefined when there is none.
     */
    async current(windowId: number | undefined, exclude: number | undefined): Promise<number | undefined> {
      const [list, extensionTabs] = await Promise.all([recent(), deps.extensionTabs()]);
      const usable = (entry: TabActivation | undefined) =>
        entry !== undefined &&
        entry.tabId !== exclude &&
        !extensionTabs.has(entry.tabId) &&
        (windowId === undefined || entry.windowId === windowId);
      const seen = list.find(usable);
      if (seen) return seen.tabId;
      const active = await deps.activeTabOf(windowId);
      return usable(active) ? active?.tabId : undefined;
    },
  };
}
