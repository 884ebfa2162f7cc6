/**
 * The options page's state in signals and its actions. Settings go through lib/settings (validated, watched);
 * everything about stored data goes to the background. Every action's failure is kept in words for the page.
 */
import { batch, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { textIn, type UiLanguage } from '../../lib/i18n';
import {
  type ArchiveImportStatus,
  archiveImportStatusSchema,
  type CustomSource,
  type Settings,
  type SyncStatus,
  settingsSchema,
  syncStatusSchema,
} from '../../lib/schema';
import { loadSettings, saveSettings, storeSettingsNow, watchSettings } from '../../lib/settings';
import { CHROME_SHORTCUTS_URL, readToggleShortcut } from '../../lib/sidebar/shortcut';
import { DATED_TEMPLATE, HOMEPAGE_URL, TRENDING_TEMPLATE } from '../../lib/sync/sources';
import { ARCHIVE_IMPORT_KEY, SYNC_STATUS_KEY } from '../../lib/sync/status-store';
import { checkCustomSource, customSourceOrigin, permissionToRelease } from '../../lib/ui/custom-source';
import { type BackgroundClient, errorText, isNoAnswer } from '../shared/client';
import { forgetFirstScreen } from '../shared/first-screen';
import { optionsStrings } from './strings';

/**
 * The largest file the options page reads for an import: five years of digests export to ~30 MB; a larger file
 * would stall the page and then fail at the browser's message limit with its own words.
 */
export const IMPORT_MAX_BYTES = 60 * 2 ** 20;

export { ARCHIVE_IMPORT_KEY };

export interface OptionsDeps {
  client: BackgroundClient;
  lang: UiLanguage;
  /** Must be called inside the click handler: browsers only grant permissions during a user gesture. */
  requestPermission: (origin: string) => Promise<boolean>;
  /** Whether the extension may read `origin` now (the user can withdraw a permission in the browser). */
  hasPermission: (origin: string) => Promise<boolean>;
  download: (blob: Blob, fileName: string) => void;
  now?: () => number;
  /** How long "Saved" stays on screen. */
  savedNoticeMs?: number;
  /** How often a running import or sync is asked for its status (besides the storage events it writes). */
  importPollMs?: number;
  /** The card's shortcut as the browser has it (`commands.getAll` when absent). */
  readShortcut?: () => Promise<string | null | undefined>;
  /** Open a browser page no link may open (`tabs.create`, allowed to extension pages without `tabs`). */
  openTab?: (url: string) => Promise<unknown>;
  /** Firefox has no shortcuts page to open: the page says where to go (from the extension's URL when absent). */
  firefox?: boolean;
}

export type Notice = { kind: 'ok' | 'error'; text: string } | null;
export type OptionsStore = ReturnType<typeof createOptionsStore>;

export function createOptionsStore(deps: OptionsDeps) {
  const { client } = deps;
  const strings = optionsStrings(deps.lang);
  const now = deps.now ?? Date.now;

  const settings = signal<Settings | null>(null);
  const settingsNotice = signal<Notice>(null);
  const syncStatus = signal<SyncStatus | null>(null);
  /** A sync this page asked for is under way (the status's `running` also shows one it did not ask for). */
  const syncing = signal(false);
  const syncNotice = signal<Notice>(null);
  const customUrl = signal('');
  const customNotice = signal<Notice>(null);
  /** Ids of custom sources whose site the extension may not read (permission refused or withdrawn). */
  const ungranted = signal<ReadonlySet<string>>(new Set());
  const retentionNotice = signal<Notice>(null);
  /** The retention days as typed and not saved yet (saved on Enter or on leaving the field), or null. */
  const retentionDraft = signal<string | null>(null);
  const archive = signal<ArchiveImportStatus | null>(null);
  const archiveNotice = signal<Notice>(null);
  const dataNotice = signal<Notice>(null);
  const confirmingClear = signal(false);
  const busy = signal(false);
  /** The card's keyboard shortcut: undefined until read (or where the browser cannot say), null when it has none. */
  const shortcut = signal<string | null | undefined>(undefined);
  const shortcutNotice = signal<Notice>(null);
  const firefox = deps.firefox ?? browser.runtime.getURL('/').startsWith('moz-extension:');

  const cleanups: (() => void)[] = [];
  const savedNoticeMs = deps.savedNoticeMs ?? 3000;
  let savedTimer: ReturnType<typeof setTimeout> | undefined;

  async function start(): Promise<void> {
    try {
      settings.value = await loadSettings();
    } catch (error) {
      settingsNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
    cleanups.push(
      watchSettings((next) => {
        settings.value = next;
        void checkPermissions();
      }),
    );
    void checkPermissions();
    // The import's progress and each sync's source status, as the background writes them.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (ARCHIVE_IMPORT_KEY in changes) {
        const parsed = archiveImportStatusSchema.safeParse(changes[ARCHIVE_IMPORT_KEY]?.newValue);
        if (parsed.success) archive.value = parsed.data;
      }
      if (SYNC_STATUS_KEY in changes) {
        const parsed = syncStatusSchema.safeParse(changes[SYNC_STATUS_KEY]?.newValue);
        if (parsed.success) syncStatus.value = parsed.data;
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    cleanups.push(() => browser.storage.onChanged.removeListener(onChanged));
    // A background stopped mid-import or mid-sync (crash, update) writes nothing more: asking wakes a new one, which
    // reports the import as interrupted and no sync running, so the page does not wait on "importing…" or
    // "syncing…" (with 立即同步 disabled) for ever.
    const poll = setInterval(() => {
      if (archive.value?.state === 'running')
        client('importStatus').then(
          (status) => (archive.value = status),
          () => undefined,
        );
      if (syncStatus.value?.running)
        client('status').then(
          (status) => (syncStatus.value = status),
          () => undefined,
        );
    }, deps.importPollMs ?? 3000);
    cleanups.push(() => clearInterval(poll));
    // A tab closed (or reloaded) right after typing saves the days typed, as leaving the field would have.
    window.addEventListener('pagehide', saveRetentionDraft);
    cleanups.push(() => window.removeEventListener('pagehide', saveRetentionDraft));
    // Read again when the page is back in front: the user may have just changed the key in the browser's page.
    window.addEventListener('focus', readShortcut);
    cleanups.push(() => window.removeEventListener('focus', readShortcut));
    await Promise.all([
      readShortcut(),
      client('importStatus').then(
        (status) => (archive.value = status),
        (error) => (archiveNotice.value = { kind: 'error', text: strings.failed(errorText(error)) }),
      ),
      client('status').then(
        (status) => (syncStatus.value = status),
        () => undefined,
      ),
    ]);
  }

  async function readShortcut(): Promise<void> {
    shortcut.value = await (deps.readShortcut ?? readToggleShortcut)().catch(() => undefined);
  }

  /** Chrome's shortcuts page, in a new tab. */
  async function openShortcutSettings(): Promise<void> {
    try {
      await (deps.openTab ?? ((url) => browser.tabs.create({ url })))(CHROME_SHORTCUTS_URL);
      shortcutNotice.value = null;
    } catch (error) {
      shortcutNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  async function update(change: Partial<Settings>): Promise<boolean> {
    try {
      settings.value = await saveSettings(change);
      const saved: Notice = { kind: 'ok', text: strings.saved };
      settingsNotice.value = saved;
      // "Saved" fades after a moment; an error stays until the next change.
      clearTimeout(savedTimer);
      savedTimer = setTimeout(() => {
        if (settingsNotice.value === saved) settingsNotice.value = null;
      }, savedNoticeMs);
      return true;
    } catch (error) {
      settingsNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
      return false;
    }
  }

  /**
   * Keystrokes only keep what is typed: typing 180 passes through 18, which a sync would prune to. The days are
   * saved on `change` (Enter, leaving the field) or when the page goes away (saveRetentionDraft).
   */
  function typeRetention(text: string): void {
    retentionDraft.value = text;
  }

  async function setRetention(text: string): Promise<void> {
    const days = retentionDaysOf(text);
    if (days === null) {
      retentionNotice.value = { kind: 'error', text: strings.retentionInvalid };
      return;
    }
    retentionNotice.value = null;
    if ((await update({ retentionDays: days })) && retentionDraft.value === text) retentionDraft.value = null;
  }

  /**
   * The page goes away (its tab closed or reloaded) with valid days typed and not saved: they are saved, as leaving
   * the field would have done, asked for before this returns (a closing page may run nothing after its `pagehide`)
   * and twice over. The page's own write lands in Chromium, worker running or not (a message to a stopped worker is
   * lost with the page); Firefox drops an object a closing page writes to `storage.local` (seen 2026-12, ESR 153),
   * and its background page, which does not stop, saves the days the message brings.
   */
  function saveRetentionDraft(): void {
    const current = settings.value;
    const days = retentionDraft.value === null ? null : retentionDaysOf(retentionDraft.value);
    if (!current || days === null || days === current.retentionDays) return;
    const failed = (error: unknown) =>
      console.warn('[digest-lens] could not save the retention typed before the page closed', error);
    storeSettingsNow({ ...current, retentionDays: days }).catch(failed);
    client('saveRetention', { retentionDays: days }).catch(failed);
  }

  /** Validates synchronously, then asks for the host permission before anything else can await. */
  function addCustomSource(): Promise<void> {
    const current = settings.value;
    if (!current) return Promise.resolve();
    const check = checkCustomSource(customUrl.value, [
      ...current.customSources.map((source) => source.url),
      // The built-in sources: added again, every day would be fetched twice.
      DATED_TEMPLATE,
      HOMEPAGE_URL,
      TRENDING_TEMPLATE,
    ]);
    if (!check.ok) {
      customNotice.value = { kind: 'error', text: strings.customProblems[check.problem] };
      return Promise.resolve();
    }
    const asked = askPermission(check.origin);
    // An earlier complaint about the field no longer applies; the prompt may wait for the user.
    customNotice.value = { kind: 'ok', text: strings.askingPermission(check.origin) };
    return asked.then(
      async (granted) => {
        if (!granted) {
          customNotice.value = { kind: 'error', text: strings.permissionDenied(check.origin) };
          return;
        }
        const source: CustomSource = { id: newId(), url: check.url, enabled: true, addedAt: now() };
        const latest = settings.value ?? current;
        if (await update({ customSources: [...latest.customSources, source] })) {
          batch(() => {
            customUrl.value = '';
            customNotice.value = null;
          });
          // Fetched right away: its own status (last success or error) shows beside it when the sync ends.
          void syncNow();
        }
      },
      (error) => {
        customNotice.value = { kind: 'error', text: strings.permissionFailed(errorText(error)) };
      },
    );
  }

  /** The browser's prompt, asked synchronously (inside the click); a throw comes back as a rejection. */
  function askPermission(origin: string): Promise<boolean> {
    try {
      return deps.requestPermission(origin);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async function checkPermissions(): Promise<void> {
    const sources = settings.value?.customSources ?? [];
    const missing = await Promise.all(
      sources.map(async (source) => {
        const origin = customSourceOrigin(source.url);
        return origin && !(await deps.hasPermission(origin).catch(() => false)) ? source.id : null;
      }),
    );
    ungranted.value = new Set(missing.filter((id): id is string => id !== null));
  }

  /** Asks again for a custom source's host permission; like adding, it must run inside the click. */
  function grantCustomSource(id: string): Promise<void> {
    const source = settings.value?.customSources.find((entry) => entry.id === id);
    const origin = source && customSourceOrigin(source.url);
    if (!origin) return Promise.resolve();
    return askPermission(origin).then(
      async (granted) => {
        customNotice.value = granted ? null : { kind: 'error', text: strings.notGranted };
        await checkPermissions();
      },
      (error) => {
        customNotice.value = { kind: 'error', text: strings.permissionFailed(errorText(error)) };
      },
    );
  }

  /** Removes the source, then gives its site's permission back unless something else still reads that site. */
  async function removeCustomSource(id: string): Promise<boolean> {
    const current = settings.value;
    const removed = current?.customSources.find((source) => source.id === id);
    if (!current) return false;
    const saved = await update({ customSources: current.customSources.filter((source) => source.id !== id) });
    if (saved && removed) {
      const remaining = (settings.value ?? current).customSources.map((source) => source.url);
      await releaseHostPermission(removed.url, remaining);
    }
    return saved;
  }

  function toggleCustomSource(id: string, enabled: boolean): Promise<boolean> {
    const current = settings.value;
    if (!current) return Promise.resolve(false);
    return update({
      customSources: current.customSources.map((source) =>
        source.id === id ? { ...source, enabled } : source,
      ),
    });
  }

  async function startArchiveImport(): Promise<void> {
    archiveNotice.value = null;
    try {
      archive.value = await client('importArchive');
    } catch (error) {
      archiveNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  async function cancelArchiveImport(): Promise<void> {
    try {
      archive.value = await client('cancelImport');
    } catch (error) {
      archiveNotice.value = { kind: 'error', text: strings.failed(errorText(error)) };
    }
  }

  /** One data action at a time: a second one while the first runs is ignored (its buttons say aria-disabled). */
  async function runData(action: () => Promise<string>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      dataNotice.value = { kind: 'ok', text: await action() };
    } catch (error) {
      dataNotice.value = { kind: 'error', text: errorText(error) };
    } finally {
      busy.value = false;
    }
  }

  function exportData(): Promise<void> {
    return runData(async () => {
      const file = await client('exportData').catch(rethrowFailed);
      const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
      deps.download(blob, `digest-lens-export-${new Date(now()).toISOString().slice(0, 10)}.json`);
      return strings.exported(file.digests.length);
    });
  }

  function importFile(file: File): Promise<void> {
    return runData(async () => {
      // Read whole and handed to the background in one message, which the browser caps (64 MiB in Chrome).
      if (file.size > IMPORT_MAX_BYTES) throw new Error(strings.tooLarge(Math.ceil(file.size / 2 ** 20)));
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(strings.notJson);
      }
      // The background validates every digest; this first look only puts the commonest mistake in the page's language.
      if (!isExportFile(parsed)) throw new Error(strings.notExport);
      // The readers' kept first screen may be replaced: they ask the worker first at their next open.
      forgetFirstScreen();
      const counts = await client('importData', { file: parsed }).catch(rethrowFailed);
      // The entries the background did not import, each in words (it imports the valid ones).
      const rejected = (counts.rejected ?? []).map((text) => textIn(text, deps.lang));
      return [strings.imported(counts.added, counts.updated, counts.kept), ...rejected].join(' ');
    });
  }

  function confirmClear(): Promise<void> {
    confirmingClear.value = false;
    // Forgotten first: a reader opened after the clearing must not draw a day no longer stored.
    forgetFirstScreen();
    return runData(async () => strings.cleared((await client('clearData').catch(rethrowFailed)).cleared));
  }

  /** Sync now; the progress comes in through the stored status as the background writes it. */
  async function syncNow(): Promise<void> {
    if (syncing.value) return;
    batch(() => {
      syncing.value = true;
      syncNotice.value = null;
    });
    try {
      const status = await client('syncNow');
      syncStatus.value = status;
      // Nothing was asked of anyone: say why, rather than nothing at all (the sources are switched off above).
      if (status.sources.length === 0) syncNotice.value = { kind: 'error', text: strings.noSources };
    } catch (error) {
      syncNotice.value = {
        kind: 'error',
        text: isNoAnswer(error) ? strings.backgroundStopped : strings.failed(errorText(error)),
      };
      // Whether a sync still runs: a stopped background's last written status says it does.
      syncStatus.value = await client('status').catch(() => syncStatus.value);
    } finally {
      syncing.value = false;
    }
  }

  function rethrowFailed(error: unknown): never {
    throw new Error(strings.failed(errorText(error)));
  }

  function dispose(): void {
    clearTimeout(savedTimer);
    for (const cleanup of cleanups.splice(0)) cleanup();
  }

  return {
    lang: deps.lang,
    now,
    settings,
    settingsNotice,
    syncStatus,
    syncing,
    syncNotice,
    syncNow,
    customUrl,
    customNotice,
    ungranted,
    retentionNotice,
    retentionDraft,
    archive,
    archiveNotice,
    dataNotice,
    confirmingClear,
    busy,
    shortcut,
    shortcutNotice,
    firefox,
    openShortcutSettings,
    start,
    update,
    typeRetention,
    setRetention,
    addCustomSource,
    grantCustomSource,
    removeCustomSource,
    toggleCustomSource,
    startArchiveImport,
    cancelArchiveImport,
    exportData,
    importFile,
    confirmClear,
    dispose,
  };
}

async function releaseHostPermission(removedUrl: string, remainingUrls: string[]): Promise<void> {
  try {
    const manifest = browser.runtime.getManifest();
    // Manifest V2 (Firefox) lists hosts among the permissions.
    const requiredHosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter(
      (entry): entry is string => typeof entry === 'string',
    );
    const pattern = permissionToRelease(removedUrl, remainingUrls, requiredHosts);
    if (pattern) await browser.permissions.remove({ origins: [pattern] });
  } catch (error) {
    // The source is gone either way; a permission kept is no harm the user must act on.
    console.warn('[digest-lens] could not give back the host permission of a removed source', error);
  }
}

/** The retention days `text` says, or null when it is no whole number of days the settings allow. */
function retentionDaysOf(text: string): number | null {
  const days = settingsSchema.shape.retentionDays.safeParse(Number(text));
  return days.success ? days.data : null;
}

function isExportFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as { format?: unknown; digests?: unknown };
  return file.format === 'digest-lens-export' && Array.isArray(file.digests);
}

function newId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

/** The browser download of a Blob through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
