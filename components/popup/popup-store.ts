/**
 * The popup's state in signals and the actions that change it. The first item waits for one message (latestDigest,
 * answered from IndexedDB, never the network); the status, the date list, read state, GitHub 热门 and 本页相关 are
 * asked once it is painted. A running sync is watched by polling `status` until it ends, then the
 * shown digest is refreshed.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { UiLanguage } from '../../lib/i18n';
import { type PageMatchesAnswer, type PageMessage, SEARCH_QUERY_MAX } from '../../lib/protocol';
import { followedDates } from '../../lib/read-state/followed-dates';
import type { DigestSummary, SearchHit, Section, StoredDigest, SyncStatus } from '../../lib/schema';
import {
  dayTurnedBetween,
  hasFailure,
  isTodayStored,
  msToNextDayTurn,
  type RetryCause,
  shouldRedoLostRetry,
  shouldRetryOnOpen,
  shouldRetryWhileOpen,
  shouldSyncOnOpen,
  todaysTrendingIn,
} from '../../lib/sync/schedule';
import { safeHttpUrl } from '../../lib/ui/safe-url';
import { type BackgroundClient, errorText, isNoAnswer } from '../shared/client';
import { createReadState } from '../shared/read-state';
import { afterItemPainted } from './after-paint';
import { popupStrings } from './strings';

const SEARCH_PAGE = 50;
/** How often an open reader looks at the clock and at a failed sync (timers asleep do not run: see lookAgain). */
const LOOK_AGAIN_MS = 60_000;
const MAX_SEARCH_HITS = 500;

/** Where the background keeps the sync status (SYNC_STATUS_KEY in lib/sync/status-store; not imported: no zod here). */
export const SYNC_STATUS_KEY = 'syncStatus';

export interface PopupDeps {
  client: BackgroundClient;
  lang: UiLanguage;
  now?: () => number;
  /** Opens an item's source; the extension opens a tab. */
  openUrl: (url: string) => void;
  searchDelayMs?: number;
  pollMs?: number;
  searchLimit?: number;
  /** The tab the popup was opened over (its id only: no `tabs` permission), for 本页相关; none outside a tab. */
  activeTab?: () => Promise<number | undefined>;
  /**
   * Resolves once the first items are painted (after-paint.ts): every other question waits for it, so that no answer
   * is handled, drawn or worked on while the first item is not yet on screen (issue 13).
   */
  afterFirstPaint?: () => Promise<void>;
  /**
   * Run `turn` in `delayMs` (when the day turns: at midnight, and at the hour today's digest is late); answers what
   * cancels it. `setTimeout` when absent.
   */
  whenDayTurns?: (turn: () => void, delayMs: number) => () => void;
  /** How often the open reader looks again (lookAgain); a minute when absent. */
  lookAgainMs?: number;
  /** Whether opening an item records it read (not in a private window: components/shared/reader-window.ts). */
  recordsReads?: () => boolean;
}

export interface FocusTarget {
  date: string;
  section: Section;
  rank: number;
}

export type PopupStore = ReturnType<typeof createPopupStore>;

export function createPopupStore(deps: PopupDeps) {
  const { client } = deps;
  const searchDelayMs = deps.searchDelayMs ?? 150;
  const pollMs = deps.pollMs ?? 500;

  const loading = signal(true);
  const digest = signal<StoredDigest | null>(null);
  /** The GitHub 热门 digest of the shown day (issue 16), for the third tab; null when none is stored. */
  const trending = signal<StoredDigest | null>(null);
  const loadError = signal<string | null>(null);
  const dates = signal<DigestSummary[]>([]);
  const section = signal<Section>('news');
  const expanded = signal<ReadonlySet<string>>(new Set());
  const focusTarget = signal<FocusTarget | null>(null);

  const status = signal<SyncStatus | null>(null);
  const syncing = signal(false);
  const syncError = signal<string | null>(null);
  /** Reading the stored status failed (the digest may still show). */
  const statusError = signal<string | null>(null);
  /** The status has not answered yet (the digest may already show: it does not wait for the status). */
  const statusPending = signal(true);

  const query = signal('');
  /** How many hits to ask for: a page of them, more on "show more" (the protocol allows up to 500). */
  const searchLimit = signal(deps.searchLimit ?? SEARCH_PAGE);
  const hits = signal<SearchHit[] | null>(null);
  /** The query `hits` answer: the box may hold more typed since, not searched yet. */
  const hitsQuery = signal('');
  const total = signal(0);
  const searchError = signal<string | null>(null);

  const dateIndex = computed(() => dates.value.findIndex((entry) => entry.date === digest.value?.date));
  /** Dates are newest first: "older" is the next entry, "newer" the previous one. */
  const olderDate = computed(() =>
    dateIndex.value < 0 ? null : (dates.value[dateIndex.value + 1]?.date ?? null),
  );
  const newerDate = computed(() =>
    dateIndex.value < 1 ? null : (dates.value[dateIndex.value - 1]?.date ?? null),
  );
  const sectionItems = computed(() =>
    ((section.value === 'trending' ? trending.value : digest.value)?.items ?? [])
      .filter((item) => item.section === section.value)
      .sort((a, b) => a.rank - b.rank),
  );
  const syncRunning = computed(() => syncing.value || status.value?.running === true);
  /** What the active tab's page matched (本页相关), null until known or when nothing. */
  const pageMatches = signal<PageMatchesAnswer | null>(null);
  const clock = deps.now ?? Date.now;
  /**
   * Counts the turns of the day (Asia/Shanghai) while the reader is open: a side panel left docked past midnight says
   * 昨天 of yesterday's digest and looks for today's again, as one opened then would (QA 2026-12-01); past the hour
   * today's digest is late, its note says it is not in yet.
   */
  const dayTurns = signal(0);
  /**
   * The time, read as a signal of the day: what is drawn or computed from it (今天 / 昨天, whether today's digest is
   * in or late) is done again when the day turns.
   */
  const now = () => {
    dayTurns.value;
    return clock();
  };
  let stopFollowingDayTurns: (() => void) | undefined;
  const whenDayTurns =
    deps.whenDayTurns ??
    ((turn: () => void, delayMs: number) => {
      const timer = setTimeout(turn, delayMs);
      return () => clearTimeout(timer);
    });
  /** When the last turn of the day was counted (or the reader opened). */
  let dayCountedAt = clock();
  function followDayTurns(): void {
    // A second late: past the turn whatever the timer's rounding.
    stopFollowingDayTurns = whenDayTurns(dayTurned, msToNextDayTurn(now()) + 1000);
  }
  /** The day turned: what is drawn from it is drawn again, the next turn awaited, today's looked for as on opening. */
  function dayTurned(): void {
    stopFollowingDayTurns?.();
    dayCountedAt = clock();
    dayTurns.value += 1;
    followDayTurns();
    const known = status.value;
    if (!known || syncRunning.value || !digest.value) return;
    if (todayWanted(known)) void syncNow();
  }
  /**
   * Whether today's digests are to be looked for now, as on opening (`shouldSyncOnOpen`): today's GitHub 热门 too,
   * when its source is synced (the note above the items speaks of the AI digest only).
   */
  function todayWanted(known: SyncStatus): boolean {
    const todayIn = todayStored.value && todaysTrendingIn(known, now());
    return shouldSyncOnOpen({ now: now(), todayStored: todayIn, lastAttemptAt: known.lastSyncAt });
  }
  /** The turn's timer may come hours late after the computer slept: the clock says whether the day turned. */
  function noticeDayTurn(): void {
    if (dayTurnedBetween(dayCountedAt, clock())) dayTurned();
  }
  /**
   * Today's (Shanghai date) AI digest is stored: the newest the status knows of, or the digest shown (a GitHub 热门
   * one shown says nothing of it).
   */
  const todayStored = computed(() => {
    const shown = digest.value?.kind === 'github-trending' ? null : digest.value?.date;
    return isTodayStored(newestOf(status.value?.newestDate, shown), now());
  });

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let searchSeq = 0;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let showSeq = 0;
  /** The newest AI digest's date as the background last answered: the date list may hold a newer GitHub 热门-only day. */
  let latestDate: string | undefined;
  let pageSeq = 0;

  let stopWatching: (() => void) | undefined;

  /** The first items are on screen (or there are none to wait for): the other questions may be asked. */
  const firstScreenShown = signal(false);
  const firstScreen = settledLater();
  function markFirstScreenShown(): void {
    firstScreenShown.value = true;
    firstScreen.settle();
  }
  /** The first latestDigest answer (or its failure) is taken in: the page's first frame may be drawn. */
  const firstAnswer = settledLater();

  /** What was read (issue 13), for the days on screen: the shown day, its month in the date list, the page's items. */
  const readState = createReadState(client, deps.recordsReads);
  let pageSeen = pageMatches.peek();
  const stopFollowingReads = effect(() => {
    if (!firstScreenShown.value) return;
    const page = pageMatches.value;
    const stored = dates.value.map(({ date }) => date);
    const pageDates = page?.matches.map(({ date }) => date) ?? [];
    // New page matches (the side panel's tab loaded a page, which reads its items): ask again.
    const again = page !== pageSeen;
    pageSeen = page;
    void readState.follow(followedDates(digest.value?.date, stored, pageDates), again);
  });

  let trendingSeq = 0;
  /** The AI digest that showDate read the day's GitHub 热门 list with: the list's loader need not ask again for it. */
  let trendingReadWith: StoredDigest | null = null;
  const stopFollowingTrending = effect(() => {
    if (firstScreenShown.value) void loadTrending(digest.value);
  });

  /**
   * The shown day's GitHub 热门 digest: the last day asked wins; failing to read it leaves the tab empty. A day with
   * only a GitHub 热门 digest shows that digest itself (showDate), which is then the tab's too.
   */
  async function loadTrending(shown: StoredDigest | null): Promise<void> {
    const seq = ++trendingSeq;
    if (!shown || shown.kind === 'github-trending') {
      trending.value = shown;
      return;
    }
    // Read with the day already (showDate, on this tab): this very digest, not a later one of its day (a reload).
    if (shown === trendingReadWith) return;
    const date = shown.date;
    try {
      const answer = await client('digest', { date, kind: 'github-trending' });
      if (seq === trendingSeq) trending.value = answer.digest;
    } catch (error) {
      if (seq === trendingSeq) trending.value = null;
      console.warn('[digest-lens] could not read the GitHub 热门 digest', error);
    }
  }

  /** The reader's own retries of a failed sync since it last went well (the backoff), and when it last made one. */
  let retries = 0;
  let lastRetryAt: number | null = null;
  /** The syncs lost with their worker (the reader's own or followed) since one was last seen through. */
  let lostInARow = 0;
  /**
   * An open reader looks again: whether the day turned, and whether a failed sync is to be tried again
   * (`shouldRetryWhileOpen`). QA 2026-12-02: a docked Chrome side panel kept an offline error, or stayed empty after
   * an HTTP 500 at install, long after the network or the publisher came back: the stopped worker hears nothing.
   */
  function lookAgain(cause: RetryCause): void {
    noticeDayTurn();
    const known = status.value;
    if (!known || syncRunning.value) return;
    if (!hasFailure(known) || cause === 'online') retries = 0;
    if (
      !shouldRetryWhileOpen({ now: clock(), status: known, online: isOnline(), cause, retries, lastRetryAt })
    )
      return;
    void retry();
  }

  /**
   * The reader's own retry of a failed sync. One the worker stopped in (QA 2026-12-02, p2: stopped as the page came
   * back online) learnt nothing of the publisher: as if it had not been made, it does not lengthen the backoff, and
   * it is made again at once (`shouldRedoLostRetry`) rather than at a tick a minute or two later.
   */
  async function retry(): Promise<void> {
    const before = { retries, lastRetryAt, lostInARow };
    retries += 1;
    lastRetryAt = clock();
    if (await syncNow()) return;
    ({ retries, lastRetryAt } = before);
    if (lostInARow > before.lostInARow) await redoIfLost();
  }

  /** A sync was lost with its worker: made again at once, as `shouldRedoLostRetry` says. */
  async function redoIfLost(): Promise<void> {
    const known = status.value;
    if (known && !syncRunning.value && shouldRedoLostRetry({ status: known, online: isOnline(), lostInARow }))
      await retry();
  }

  /** The page's events and the periodic look that lookAgain answers; stopped on dispose. */
  function followWakes(): () => void {
    const stop = new AbortController();
    const listen = { signal: stop.signal };
    globalThis.addEventListener?.('online', () => lookAgain('online'), listen);
    globalThis.addEventListener?.('focus', noticeDayTurn, listen);
    globalThis.document?.addEventListener(
      'visibilitychange',
      () => document.visibilityState === 'visible' && lookAgain('shown'),
      listen,
    );
    const timer = setInterval(() => lookAgain('tick'), deps.lookAgainMs ?? LOOK_AGAIN_MS);
    return () => {
      stop.abort();
      clearInterval(timer);
    };
  }
  let stopFollowingWakes: (() => void) | undefined;

  async function start(): Promise<void> {
    stopWatching = watchStoredStatus();
    followDayTurns();
    stopFollowingWakes = followWakes();
    await Promise.all([load(), firstScreen.settled.then(loadPageMatches)]);
  }

  /**
   * The page's items lead the popup when there are any; failing to learn them leaves the digest as it was. Asked
   * again when the tab changes (the side panel follows it): the last answer asked wins, no tab or none clears them.
   */
  async function loadPageMatches(): Promise<void> {
    const seq = ++pageSeq;
    try {
      const tabId = await deps.activeTab?.();
      const answer = tabId === undefined ? null : await client('pageMatches', { tabId });
      if (seq !== pageSeq) return;
      pageMatches.value = answer && answer.matches.length > 0 ? answer : null;
    } catch (error) {
      console.warn('[digest-lens] could not read the page matches', error);
    }
  }

  /**
   * The first screen: the newest digest is drawn the moment it answers, and alone: the status (which counts every
   * stored day), the date list, read state, GitHub 热门 and 本页相关 are asked once its items are painted (the work
   * of their answers, in the worker and in the page, would otherwise delay that frame). An empty library or a failed
   * read asks for the status at once, to say why nothing shows. One failing keeps the other.
   */
  async function load(): Promise<void> {
    const latest = client('latestDigest').then(
      (answer) => {
        batch(() => {
          digest.value = answer.digest;
          latestDate = answer.digest?.date;
          loadError.value = null;
          if (answer.digest) loading.value = false;
          // Only GitHub 热门 stored: its tab is the one with items.
          if (answer.digest?.kind === 'github-trending') section.value = 'trending';
        });
      },
      (error: unknown) => {
        loadError.value = errorText(error);
        throw error;
      },
    );
    const [read] = await Promise.allSettled([latest]);
    firstAnswer.settle();
    if (read.status === 'fulfilled' && digest.value) await (deps.afterFirstPaint ?? afterItemPainted)();
    const syncStatus = client('status').then(
      (answer) => {
        batch(() => {
          status.value = answer;
          statusError.value = null;
          statusPending.value = false;
        });
        return answer;
      },
      (error: unknown) => {
        batch(() => {
          statusError.value = errorText(error);
          statusPending.value = false;
        });
        throw error;
      },
    );
    markFirstScreenShown();
    const [known] = await Promise.allSettled([syncStatus]);
    loading.value = false;
    const running = known.status === 'fulfilled' && known.value.running;
    if (running) startPolling();
    if (read.status === 'fulfilled') await loadDates();
    // A stored digest that is not today's: look for today's at once (the empty first screen has its own button). A
    // sync that failed (offline, a dead source): try it again, online.
    if (known.status === 'fulfilled' && !running && digest.value) {
      if (
        todayWanted(known.value) ||
        shouldRetryOnOpen({ now: now(), status: known.value, online: isOnline() })
      )
        void syncNow();
    }
  }

  /**
   * The library was cleared or a file imported into it (the options page, while this reader is open): read it again
   * from its newest day, as on opening, with what was read and the search asked again.
   */
  async function libraryReplaced(): Promise<void> {
    await reload();
    const text = query.value.trim();
    await Promise.all([readState.refresh(), text ? runSearch(text) : undefined]);
  }

  /**
   * What the background tells open pages that every reader follows (the side panel also follows the tab): the
   * library replaced, days added by the archive import (listed again, the shown day kept), or what was read changed
   * elsewhere.
   */
  function heard(message: PageMessage): void {
    if (message.type === 'libraryReplaced') void libraryReplaced();
    else if (message.type === 'digestsAdded') void refresh();
    else if (message.type === 'readStateChanged') readState.changedElsewhere();
  }

  /** Read the stored digests again after reading them failed. */
  async function reload(): Promise<void> {
    batch(() => {
      loading.value = true;
      loadError.value = null;
      statusError.value = null;
      statusPending.value = true;
    });
    await load();
  }

  async function loadDates(): Promise<void> {
    try {
      dates.value = (await client('listDigests')).digests;
    } catch (error) {
      loadError.value = errorText(error);
    }
  }

  async function showDate(date: string): Promise<void> {
    if (digest.value?.date === date) return;
    const seq = ++showSeq;
    try {
      // A day with a GitHub 热门 digest but no AI digest (the date list offers it): shown on its own tab.
      const shown =
        (await client('digest', { date })).digest ??
        (await client('digest', { date, kind: 'github-trending' })).digest;
      // On the GitHub 热门 tab, the day's list comes with the day: the last day's list never shows under its date.
      const dayTrending =
        shown && shown.kind !== 'github-trending' && section.value === 'trending'
          ? await client('digest', { date, kind: 'github-trending' }).then(
              (answer) => answer.digest,
              // Unread, the tab is empty (loadTrending says why in the console): the day is still shown.
              () => null,
            )
          : undefined;
      if (seq !== showSeq) return;
      batch(() => {
        loadError.value = null;
        if (!shown) return;
        if (dayTrending !== undefined) {
          trendingSeq += 1;
          trending.value = dayTrending;
          trendingReadWith = shown;
        }
        digest.value = shown;
        if (shown.kind === 'github-trending') section.value = 'trending';
      });
    } catch (error) {
      if (seq === showSeq) loadError.value = errorText(error);
    }
  }

  function setSection(next: Section): void {
    section.value = next;
  }

  function toggleExpanded(key: string): void {
    const next = new Set(expanded.value);
    if (!next.delete(key)) next.add(key);
    expanded.value = next;
  }

  function setQuery(typed: string): void {
    // What the box takes (maxLength) stops typing, not every way in: a longer query is cut, never refused in words.
    const text = typed.slice(0, SEARCH_QUERY_MAX);
    query.value = text;
    clearTimeout(searchTimer);
    const trimmed = text.trim();
    searchLimit.value = deps.searchLimit ?? SEARCH_PAGE;
    if (!trimmed) {
      searchSeq++;
      batch(() => {
        hits.value = null;
        total.value = 0;
        searchError.value = null;
      });
      return;
    }
    searchTimer = setTimeout(() => void runSearch(trimmed), searchDelayMs);
  }

  async function runSearch(text: string): Promise<void> {
    const seq = ++searchSeq;
    try {
      const answer = await client('search', { query: text, limit: searchLimit.value });
      if (seq !== searchSeq) return;
      batch(() => {
        hits.value = answer.hits;
        hitsQuery.value = text;
        total.value = answer.total;
        searchError.value = null;
      });
    } catch (error) {
      if (seq === searchSeq) searchError.value = errorText(error);
    }
  }

  /** Ask for the next page of hits for the same query. */
  function showMoreResults(): Promise<void> {
    searchLimit.value = Math.min(MAX_SEARCH_HITS, searchLimit.value + SEARCH_PAGE);
    return runSearch(query.value.trim());
  }

  /** Show a search hit in its digest: switch date and tab, then the list scrolls to and focuses the item. */
  async function openHit(hit: SearchHit): Promise<void> {
    await showDate(hit.date);
    batch(() => {
      setQuery('');
      section.value = hit.item.section;
      focusTarget.value = { date: hit.date, section: hit.item.section, rank: hit.item.rank };
    });
  }

  /** Answers whether the background answered the sync (false when one already ran, or its answer was lost). */
  async function syncNow(): Promise<boolean> {
    if (syncing.value) return false;
    batch(() => {
      syncing.value = true;
      syncError.value = null;
    });
    startPolling();
    let answered = false;
    try {
      status.value = await client('syncNow');
      answered = true;
      lostInARow = 0;
    } catch (error) {
      if (isNoAnswer(error)) lostInARow += 1;
      syncError.value = isNoAnswer(error) ? popupStrings(deps.lang).backgroundStopped : errorText(error);
    } finally {
      syncing.value = false;
      stopPolling();
      if (!answered) await statusAfterLostSync();
      await refresh();
    }
    return answered;
  }

  /**
   * The sync's own answer was lost (the worker stopped mid-sync, QA 2026-12-01): the last status polled still says
   * it runs, which would keep the button disabled and the error hidden for good. What the background says now wins
   * (a restarted worker runs no sync, or runs the next one, which is followed); failing that, the sync is over.
   */
  async function statusAfterLostSync(): Promise<void> {
    try {
      const next = await client('status');
      status.value = next;
      if (next.running) startPolling();
    } catch {
      if (status.value?.running) status.value = { ...status.value, running: false };
    }
  }

  /**
   * The background writes the status as a sync runs: follow it, and refresh when a sync the popup did not start ends.
   * Such a sync is polled too, as the reader's own: a worker stopped mid-sync writes no end, and its last write says
   * it runs (QA 2026-12-02: a side panel said 正在同步 28/29, 立即同步 disabled and no retry, until the next sync);
   * the background's answer says whether one still runs (a restarted worker runs none).
   */
  function watchStoredStatus(): () => void {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changes[SYNC_STATUS_KEY]?.newValue;
      if (area !== 'local' || !isSyncStatus(next)) return;
      const wasRunning = status.value?.running === true;
      // Whether the digests are in memory only is said by the background's answers, never stored (sync-engine.ts).
      status.value = status.value?.memoryOnly ? { ...next, memoryOnly: true } : next;
      if (next.running) startPolling();
      // An end written: a worker saw a sync through, whoever started it.
      else lostInARow = 0;
      if (!next.running && wasRunning && !syncing.value) {
        stopPolling();
        void refresh();
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }

  function startPolling(): void {
    if (pollTimer) return;
    pollTimer = setInterval(() => void poll(), pollMs);
  }

  function stopPolling(): void {
    clearInterval(pollTimer);
    pollTimer = undefined;
  }

  async function poll(): Promise<void> {
    try {
      const followed = status.value;
      const next = await client('status');
      status.value = next;
      if (!next.running && !syncing.value) {
        stopPolling();
        await refresh();
        // A sync the reader followed ended with no end written: the worker was stopped in it. The page's own online
        // retry may have joined it, or let it be as running: it is as lost as a retry of the reader's own.
        if (followed?.running && next.lastSyncAt === followed.lastSyncAt) {
          lostInARow += 1;
          await redoIfLost();
        }
      }
    } catch {
      // The status line keeps the last known state; the next poll or the sync's own answer corrects it.
    }
  }

  /** After a sync: follow the newest digest unless the user is reading an older one. */
  async function refresh(): Promise<void> {
    const shown = digest.value?.date;
    const shownIsNewest = !shown || shown === latestDate || shown === dates.value[0]?.date;
    try {
      if (shownIsNewest) {
        const latest = await client('latestDigest');
        latestDate = latest.digest?.date;
        // A newer GitHub 热门-only day on screen stays until an AI digest as new comes.
        if (!shown || !latest.digest || latest.digest.date >= shown)
          batch(() => {
            digest.value = latest.digest;
            loadError.value = null;
          });
      }
    } catch (error) {
      loadError.value = errorText(error);
    }
    await loadDates();
  }

  /** Enter on an item: its first link, only when it is http(s) (the same rule as the title's link). */
  function openItemLink(url: string | undefined): void {
    const safe = safeHttpUrl(url);
    if (safe) deps.openUrl(safe);
  }

  function dispose(): void {
    stopWatching?.();
    stopFollowingDayTurns?.();
    stopFollowingWakes?.();
    stopFollowingReads();
    stopFollowingTrending();
    readState.stop();
    clearTimeout(searchTimer);
    stopPolling();
  }

  return {
    lang: deps.lang,
    now,
    loading,
    digest,
    trending,
    loadError,
    dates,
    section,
    expanded,
    focusTarget,
    status,
    syncing,
    syncError,
    statusError,
    statusPending,
    syncRunning,
    todayStored,
    query,
    hits,
    hitsQuery,
    total,
    searchError,
    olderDate,
    newerDate,
    sectionItems,
    pageMatches,
    readState,
    firstAnswered: firstAnswer.settled,
    firstScreenShown,
    start,
    reload,
    libraryReplaced,
    heard,
    refreshPageMatches: loadPageMatches,
    /** The newest digest changed since it was drawn (a kept first screen the worker answered otherwise): follow it. */
    newestChanged: refresh,
    showDate,
    setSection,
    toggleExpanded,
    setQuery,
    showMoreResults,
    canShowMore: () => (hits.value?.length ?? 0) < Math.min(total.value, MAX_SEARCH_HITS),
    openHit,
    syncNow,
    openItemLink,
    dispose,
  };
}

/** The browser says it is online (or says nothing). */
function isOnline(): boolean {
  return globalThis.navigator?.onLine !== false;
}

function newestOf(a: string | null | undefined, b: string | null | undefined): string | null {
  return (a ?? '') > (b ?? '') ? (a ?? null) : (b ?? null);
}

/** A light shape check of the stored status (the popup keeps zod out of its bundle to open fast). */
function isSyncStatus(value: unknown): value is SyncStatus {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SyncStatus>;
  return typeof candidate.running === 'boolean' && Array.isArray(candidate.sources);
}

/** A promise settled by hand, once: the store's first-frame milestones. */
function settledLater(): { settled: Promise<void>; settle: () => void } {
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { settled, settle };
}
