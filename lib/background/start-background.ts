/**
 * Wires browser events to the background's services. Every listener is registered synchronously, before the first
 * await, so an event that woke the worker is not missed; the database is opened on first use.
 */
import { browser } from 'wxt/browser';
import { parseDigest } from '../digest';
import type { ContentMessage } from '../protocol';
import type { Settings, SyncStatus } from '../schema';
import { loadSettings, watchSettings } from '../settings';
import { TOGGLE_COMMAND } from '../sidebar/shortcut';
import type { DigestStore } from '../storage/digest-store';
import { openDigestStore } from '../storage/open-store';
import { type ArchiveImportDeps, ArchiveImporter } from '../sync/archive-import';
import { RequestSlots } from '../sync/request-slots';
import { todaysDigestsIn } from '../sync/schedule';
import { loadSyncStatus } from '../sync/status-store';
import { MAX_IN_FLIGHT, SyncEngine, type SyncEngineDeps } from '../sync/sync-engine';
import { type BackgroundServices, createHandlers } from './handlers';
import { watchLibraryChanges } from './mark-lookup';
import { loadPageUi, oncePerDocument } from './page-ui-loader';
import { reachOpenTabsWhen, reachServedTabs } from './reach-on-install';
import { createRouter, type MessageSender } from './router';
import { startSidePanel } from './start-side-panel';
import { ensureSyncAlarm, FRESH_ALARM, hasFreshCheck, SYNC_ALARM, scheduleFreshCheck } from './sync-alarm';
import { createTabMatches } from './tab-matches';

export interface BackgroundOptions {
  openStore?: () => Promise<DigestStore>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** `navigator.onLine` when absent. */
  isOnline?: () => boolean;
  /** Whether a site's host permission is granted; asks `permissions.contains` when absent. */
  mayRead?: (url: string) => Promise<boolean>;
  /**
   * Whether the all-sites option is in force (on and its access granted), as the registration was last brought in
   * line (lib/all-sites/start-all-sites.ts); `permissions.contains` at each lookup when absent.
   */
  allSitesAccess?: () => Promise<boolean>;
}

export interface Background {
  services: () => Promise<BackgroundServices>;
  route: ReturnType<typeof createRouter>;
  /** Resolves when the work started by the worker's start (alarm check) is done. */
  started: Promise<void>;
}

export function startBackground(options: BackgroundOptions = {}): Background {
  const now = options.now ?? Date.now;
  let services: Promise<BackgroundServices> | undefined;
  /** The next look for today's digest, from the status a sync ended with (or the stored one, on a worker start). */
  const scheduleFresh = async (status?: SyncStatus) => {
    const current = status ?? (await loadSyncStatus());
    const at = now();
    await scheduleFreshCheck({
      now: at,
      todayStored: todaysDigestsIn(current, at),
      lastAttemptAt: current.lastSyncAt,
    });
  };
  let settings: Promise<Settings> = loadSettings();
  const sidePanel = startSidePanel(settings);
  const tabMatches = createTabMatches(browser.storage.session, sidePanel.pageMatchesChanged);
  /** The page scripts of `tabIds` look their page up again (the library or the settings changed). */
  const lookAgain = (tabIds: readonly number[]) => {
    const message: ContentMessage = { type: 'lookAgain' };
    for (const tabId of tabIds) void browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  };
  /**
   * A sync or the archive import stored digests (not a sync that found nothing new, as most do) and has ended: the
   * pages that looked up are told, once, as after a file import. A page whose lookup matched nothing never asks
   * again: QA (2026-12-02) left a repo page and a search list open until the digest naming the repo came, and they
   * stayed bare until reloaded.
   */
  const digestsStored = () => tabMatches.tabIds().then(lookAgain);
  const afterSync = async (status: SyncStatus) => {
    await Promise.all([storedDigests(status) ? digestsStored() : undefined, scheduleFresh(status)]);
  };
  // The open readers follow a sync by its status; the archive import's days they are told of (their date lists).
  const afterArchive = () => {
    sidePanel.digestsAdded();
    return digestsStored();
  };
  const getServices = () => {
    services ??= createServices(options, now, { afterSync, afterStored: afterArchive });
    return services;
  };
  const route = createRouter(
    createHandlers({
      services: getServices,
      settings: () => settings,
      now,
      setBadge,
      tabMatches,
      currentTab: sidePanel.currentTab,
      loadPageUi: oncePerDocument(loadPageUi),
      allSitesAccess: options.allSitesAccess,
      libraryReplaced(tabIds) {
        sidePanel.libraryReplaced();
        lookAgain(tabIds);
      },
      readStateChanged: sidePanel.readStateChanged,
    }),
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') },
  );
  /** Resolves when the sync has ended, stored or failed. */
  const syncNow = () =>
    getServices()
      .then(({ engine }) => engine.sync())
      .then(
        () => undefined,
        (error: unknown) => console.error('[digest-lens] sync failed', error),
      );
  const sync = () => void syncNow();

  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
  watchLibraryChanges();
  browser.tabs.onRemoved.addListener((tabId) => void tabMatches.closed(tabId));
  // The tab loads another document (`status` needs no `tabs` permission): its matches were the page's it left. A
  // page of a served site looks itself up again; any other page (where no script runs) has none, as the badge,
  // which the browser clears on navigation, says too.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabMatches.forget(tabId);
  });
  // The tabs open at install get the page script once the first sync has ended: before it the library is empty. A
  // tab loaded during that sync runs the script already and was told at its end: it is left out (a second copy
  // would only have it look its page up once more). After an update or a reload they get the new version's at once:
  // the old one's copies there are orphaned.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    const synced = syncNow();
    const reach = reachOpenTabsWhen(reason);
    if (reach === 'now') void reachServedTabs();
    else if (reach === 'after the first sync')
      void synced.then(() => tabMatches.tabIds()).then(reachServedTabs);
  });
  browser.runtime.onStartup.addListener(sync);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === FRESH_ALARM) sync();
  });
  // The network came back: what failed offline is asked again now, not at the next alarm.
  globalThis.addEventListener?.('online', sync);
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND || tab?.id === undefined) return;
    if (sidePanel.openOnShortcut(tab)) return;
    const message: ContentMessage = { type: 'toggleSidebar' };
    const tabId = tab.id;
    // The card's UI first (badge-only mode loaded none); a page of another site refuses the injection and has no
    // receiver for the message: nothing to toggle there.
    void loadPageUi({ tabId, frameId: 0 })
      .catch(() => undefined)
      .then(() => browser.tabs.sendMessage(tabId, message))
      .catch(() => undefined);
  });
  // A permission taken away in the browser (the all-sites access, in Firefox's add-on page or Chrome's site access):
  // the open pages follow at once, their cards, badges and marks going, as after unticking the option (Firefox QA).
  browser.permissions.onRemoved.addListener(() => void tabMatches.tabIds().then(lookAgain));
  watchSettings((changed) => {
    settings = Promise.resolve(changed);
    // A site switched off or to the side panel, a digest's source off: the open pages' cards and badges follow.
    void tabMatches.tabIds().then(lookAgain);
    void ensureSyncAlarm(changed.syncIntervalHours);
    sidePanel.settingsChanged(changed);
  });

  const started = Promise.all([
    settings
      .then((current) => ensureSyncAlarm(current.syncIntervalHours))
      .catch((error: unknown) => console.error('[digest-lens] could not schedule the sync', error)),
    hasFreshCheck()
      .then((has) => (has ? undefined : scheduleFresh()))
      .catch((error: unknown) => console.error('[digest-lens] could not schedule the look for today', error)),
    restrictStorageToExtension(),
    sidePanel.started,
  ]).then(() => undefined);
  return { services: getServices, route, started };
}

/** Whether a sync stored a new or changed digest. */
function storedDigests(status: SyncStatus): boolean {
  return status.sources.some(({ counts }) => counts.stored > 0);
}

async function createServices(
  options: BackgroundOptions,
  now: () => number,
  { afterSync, afterStored }: Pick<SyncEngineDeps, 'afterSync'> & Pick<ArchiveImportDeps, 'afterStored'>,
): Promise<BackgroundServices> {
  // IndexedDB when it takes writes, else memory for the session (Firefox's private browsing): lib/storage/open-store.
  const store = await (options.openStore?.() ?? openDigestStore());
  const deps: SyncEngineDeps = {
    store,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now,
    parse: parseDigest,
    loadSettings,
    mayRead: options.mayRead ?? hasHostPermission,
    requestSlots: new RequestSlots(MAX_IN_FLIGHT),
    isOnline: options.isOnline ?? (() => globalThis.navigator?.onLine !== false),
  };
  return {
    store,
    engine: new SyncEngine({ ...deps, afterSync }),
    importer: new ArchiveImporter({ ...deps, afterStored }),
  };
}

/**
 * Settings, sources and sync status live in `storage.local`, which content scripts may read and write by default:
 * closing it to them leaves the background (which checks every message's sender) as their only way in. Chrome 140+
 * supports this for `local` (mdn/browser-compat-data#29536); Firefox and older Chrome lack it: nothing to do there.
 * Asked at every worker start (Chrome keeps the level, but a browser update may bring the method).
 */
async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  if (typeof local.setAccessLevel !== 'function') return;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    console.warn('[digest-lens] could not close storage.local to content scripts', error);
  }
}

/** A browser that cannot answer is no reason to skip a source: its fetch then says what is wrong. */
async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return true;
  }
}

async function setBadge(tabId: number, count: number): Promise<void> {
  // The Firefox build is Manifest V2, where the toolbar button is `browserAction`.
  const toolbarButton = browser.action ?? browser.browserAction;
  await toolbarButton.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
}
