/** What the background answers to each message of the protocol (lib/protocol.ts). */

import { allSitesAnswer } from '../all-sites/exclusions';
import { hasAllSitesAccess } from '../all-sites/start-all-sites';
import type { RequestOf, ResponseOf } from '../protocol';
import { markDayRead, markItemsRead, markVisitedRead, readStateOfDays } from '../read-state/read-days';
import type { Settings, SiteId } from '../schema';
import { loadSettings, saveSettings } from '../settings';
import { loadCollapsed, loadLayout, saveCollapsed, saveLayout } from '../sidebar/collapsed-store';
import { relatedKind } from '../sidebar/match-view';
import { pageMode } from '../sidebar/page-mode';
import { readToggleShortcut } from '../sidebar/shortcut';
import type { DigestStore } from '../storage/digest-store';
import { type ReadStateStore, readStateOf } from '../storage/read-state-store';
import type { ArchiveImporter } from '../sync/archive-import';
import { clearStatuses } from '../sync/status-store';
import type { SyncEngine } from '../sync/sync-engine';
import { createCardPresentation } from './card-presentation';
import type { CurrentTab } from './current-tab';
import { listedDays } from './listed-days';
import { lookupMatches } from './lookup';
import { answerMarks, noteLibraryChanged } from './mark-lookup';
import { type LoadPageUi, senderTarget } from './page-ui-loader';
import type { Handlers, MessageSender } from './router';
import { searchDigests } from './search';
import { NO_PAGE_MATCHES, type PageMatches, type TabMatches } from './tab-matches';
import { exportDigests, importDigests } from './transfer';

export interface BackgroundServices {
  store: DigestStore;
  engine: SyncEngine;
  importer: ArchiveImporter;
}

export interface HandlerDeps {
  services: () => Promise<BackgroundServices>;
  settings: () => Promise<Settings>;
  now: () => number;
  /** Show `count` on the tab's toolbar badge; zero clears it. */
  setBadge: (tabId: number, count: number) => Promise<void>;
  /** Each tab's last lookup answer, for the popup's 本页相关. */
  tabMatches: TabMatches;
  /** The tab the side panel follows (lib/background/current-tab.ts). */
  currentTab: CurrentTab;
  /** The card's shortcut as the browser has it now (lib/sidebar/shortcut.ts); `commands.getAll` when absent. */
  shortcut?: () => Promise<string | null | undefined>;
  /** Inject the page UI chunk into a document whose lookup matched (lib/background/page-ui-loader.ts). */
  loadPageUi?: LoadPageUi;
  /** Where a visit's reads are written (tests hold the write); the library's own read state when absent. */
  readStateOf?: (library: DigestStore) => ReadStateStore;
  /**
   * The library was cleared or a file imported into it: tell the open readers (PageMessage) and the page scripts of
   * `tabIds`, the tabs whose page looked itself up (ContentMessage), which look their page up again.
   */
  libraryReplaced?: (tabIds: number[]) => void;
  /**
   * Some item became read (opened from a reader, 全部标为已读, a page visited): tell the open readers (PageMessage),
   * each of which may show another day or tab than the one that marked it.
   */
  readStateChanged?: () => void;
  /** Whether the browser grants the all-sites access (`permissions.contains` when absent). */
  allSitesAccess?: () => Promise<boolean>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const store = async () => (await deps.services()).store;
  const presentation = createCardPresentation({
    loadCollapsed,
    loadLayout,
    saveCollapsed,
    saveLayout,
    shortcut: deps.shortcut ?? (() => readToggleShortcut()),
  });
  /** `marked` items became read: the open readers are told (none when nothing new was read, as on a page revisited). */
  const readChanged = (marked: number) => {
    if (marked > 0) deps.readStateChanged?.();
    return marked;
  };
  const markVisited = async (keys: readonly string[], pageStory: string | undefined) => {
    const library = await store();
    return readChanged(
      await markVisitedRead(library, (deps.readStateOf ?? readStateOf)(library), keys, pageStory, deps.now()),
    );
  };
  /**
   * After a clear or a file import: the tabs' matches (本页相关) and badges were the old library's. They are
   * forgotten and cleared, and the pages told, whose lookups then note and count them anew.
   */
  const libraryReplaced = async () => {
    const tabIds = await deps.tabMatches.tabIds();
    await deps.tabMatches.forget(...tabIds);
    for (const tabId of tabIds) void deps.setBadge(tabId, 0).catch(() => undefined);
    deps.libraryReplaced?.(tabIds);
  };
  /**
   * A web page off the served sites (reached by the all-sites registration) that is no longer to be answered: the
   * option unticked, its site excluded or the access taken away since its page script started. Extension pages
   * (which ask about keys of their own) are not web pages.
   */
  const offAllSites = async (site: SiteId | null, sender: MessageSender, settings: Settings) => {
    const url = sender.url ?? '';
    if (site !== null || !/^https?:/.test(url)) return false;
    return !(allSitesAnswer(settings.allSites, url) && (await (deps.allSitesAccess ?? hasAllSitesAccess)()));
  };
  /** Each tab's newest lookup not yet counted on its badge: an older, slower answer leaves the badge alone. */
  const badgeTurns = new Map<number, number>();
  let lookups = 0;
  const setBadgeIfNewest = (tabId: number | undefined, turn: number, count: number) => {
    if (tabId === undefined || badgeTurns.get(tabId) !== turn) return;
    badgeTurns.delete(tabId);
    void deps.setBadge(tabId, count).catch(() => undefined);
  };

  async function answerLookup(
    { keys, site, limit, pageStory }: RequestOf<'lookup'>,
    sender: MessageSender,
    turn: number,
  ): Promise<{ response: ResponseOf<'lookup'>; page: PageMatches; visited: Promise<unknown> }> {
    const settings = await deps.settings();
    const mode = (await offAllSites(site, sender, settings)) ? 'off' : pageMode(settings, site);
    // The card's UI loads only where it will show, as soon as the index says the page has entries: its injection
    // runs while their digests are read and the answer sent, and the page script mounts the card once both are
    // there. (An entry whose digest proves damaged leaves the chunk loaded and idle: it draws nothing by itself.)
    const target = senderTarget(sender);
    const load = deps.loadPageUi;
    const loadUi =
      mode === 'auto' && target && load ? () => void load(target).catch(() => undefined) : undefined;
    const found =
      mode === 'off'
        ? Promise.resolve({ matches: [], total: 0, own: 0 })
        : store().then((library) => lookupMatches(library, keys, limit, pageStory, loadUi));
    // What the visit reads (issue 13): the items whose story is this page; a site switched off reads nothing, nor
    // does a page in a private window: the library is every window's, and QA (2026-12-02) found an incognito visit
    // kept as 已读 after the window closed, in the export and in a normal window's open panel at once.
    const visited =
      mode === 'off' || sender.tab?.incognito === true
        ? Promise.resolve(0)
        : markVisited(keys, pageStory).catch(() => 0);
    const [{ matches, total, own }, { collapsed, layout }, key] = await Promise.all([
      found,
      presentation.values(),
      // Content scripts have no `commands` API: the card names the shortcut the background reads.
      mode === 'auto' ? presentation.shortcut(found) : undefined,
    ]);
    const tabId = sender.tab?.id;
    // The answer does not wait for the badge: the sidebar is what the user is waiting for.
    // The badge counts the page's own cards when there are any (a pull request's, not its repo's 13), else all
    // the cards there are, shown or behind "more".
    setBadgeIfNewest(tabId, turn, own > 0 ? own : total);
    return {
      response: {
        matches,
        mode,
        total,
        collapsed,
        ...(layout === 'over' ? { layout } : {}),
        ...(key ? { shortcut: key } : {}),
      },
      page: keys.length > 0 ? { matches, total, own, related: relatedKind(keys) } : NO_PAGE_MATCHES,
      visited,
    };
  }

  return {
    lookup(request, sender) {
      const turn = ++lookups;
      if (sender.tab?.id !== undefined) badgeTurns.set(sender.tab.id, turn);
      const answered = answerLookup(request, sender, turn);
      // Noted before anything is awaited, so a tab's lookups count in the order they were asked; the note waits
      // for the visit's reads, so a side panel told of the tab's matches reads them anew (issue 13). The page's
      // answer waits for neither.
      void deps.tabMatches.noteLookup(
        sender,
        answered.then(async ({ page, visited }) => {
          await visited;
          return page;
        }),
      );
      return answered.then(({ response }) => response);
    },
    async markLookup({ keys, site }, sender) {
      // A page of marks only (no card of its own) is told too when the settings or the library change.
      void deps.tabMatches.noteMarks(sender);
      const settings = await deps.settings();
      const on = !(await offAllSites(site, sender, settings));
      const answer = await answerMarks(await store(), keys, site, settings, on);
      // The mark's card is drawn by the page UI chunk: loaded once a mark matched, as for the page's own card.
      const target = senderTarget(sender);
      if (answer.marks.length > 0 && target && deps.loadPageUi)
        void deps.loadPageUi(target).catch(() => undefined);
      return answer;
    },
    async setCardCollapsed({ collapsed, layout }) {
      await presentation.save(collapsed, layout);
      return { collapsed, ...(layout ? { layout } : {}) };
    },
    async pageMatches({ tabId }) {
      return deps.tabMatches.get(tabId);
    },
    async currentTab({ windowId }, sender) {
      return { tabId: (await deps.currentTab.current(windowId, sender.tab?.id)) ?? null };
    },
    async latestDigest() {
      // A library holding only GitHub 热门 digests (the AI digest's sources switched off, or not out yet) shows its
      // newest on the readers' first screen, not "nothing stored" (QA 2026-12-01).
      const library = await store();
      return { digest: (await library.latest()) ?? (await library.latest('github-trending')) };
    },
    async digest({ date, kind }) {
      return { digest: await (await store()).read(date, kind) };
    },
    async listDigests() {
      // The summaries written beside each digest: no digest is read back for the list (1,800 digests in 5 years).
      // A day with only a GitHub 热门 digest is listed too (no news, no tools), so the popup can reach it.
      const library = await store();
      const [summaries, trending] = await Promise.all([
        library.summaries(),
        library.summaries('github-trending'),
      ]);
      return { digests: listedDays(summaries, trending) };
    },
    async search({ query, limit }) {
      // Both kinds, the AI digest's first: on one day its items come before the GitHub 热门 ones (issue 16).
      const library = await store();
      const digests = [...(await library.readAll('ainews')), ...(await library.readAll('github-trending'))];
      return searchDigests(digests, query, limit);
    },
    async syncNow() {
      return (await deps.services()).engine.sync();
    },
    async status() {
      return (await deps.services()).engine.status();
    },
    async importArchive() {
      return (await deps.services()).importer.start();
    },
    async cancelImport() {
      return (await deps.services()).importer.cancel();
    },
    async importStatus() {
      return (await deps.services()).importer.status();
    },
    async exportData() {
      return exportDigests(await store(), deps.now());
    },
    async importData({ file }) {
      const outcome = await importDigests(await store(), file, deps.now());
      // The pages' marks ask again (a file import writes no sync status), and the open readers read it again.
      noteLibraryChanged();
      await libraryReplaced();
      return outcome;
    },
    async saveRetention({ retentionDays }) {
      // The page's own write may have landed: a second one would have every open page look itself up again.
      if ((await loadSettings()).retentionDays !== retentionDays) await saveSettings({ retentionDays });
      return { retentionDays };
    },
    async clearData() {
      const services = await deps.services();
      // A running sync or import would write into the cleared library: stop the import, let the sync end first;
      // a file import still being written is aborted by the store's clear (or cleared, if it committed first).
      await services.importer.forget();
      await services.engine.idle();
      // The digests and what was read go in one transaction: both or, when it fails, neither.
      const cleared = await services.store.clear();
      await clearStatuses();
      await libraryReplaced();
      return { cleared };
    },
    async readState({ dates }) {
      const library = await store();
      return { days: await readStateOfDays(library, readStateOf(library), dates) };
    },
    async markRead({ items }) {
      const library = await store();
      return { marked: readChanged(await markItemsRead(library, readStateOf(library), items, deps.now())) };
    },
    async markDayRead({ date, section }) {
      const library = await store();
      return {
        marked: readChanged(await markDayRead(library, readStateOf(library), date, deps.now(), section)),
      };
    },
  };
}
