/**
 * The sync: plan the documents from the settings, fetch at most four at a time, store what is new, prune, and
 * keep the status per source in `chrome.storage.local`. One sync at a time: a second request joins the running one.
 */
import type { LocalizedText } from '../i18n';
import type { Settings, SourceStatus, SyncStatus } from '../schema';
import { latestAcceptedDate } from './dates';
import { OFFLINE } from './fetch-document';
import { RoomMaker } from './make-room';
import { splitByPermission } from './permissions';
import { pruneExpired, retentionCutoff } from './prune';
import { runLimited } from './run-limited';
import { type PlannedDocument, planSync } from './sources';
import { loadSyncStatus, saveSyncStatus } from './status-store';
import {
  type DocumentResult,
  describeError,
  type SyncDeps,
  summarizeFailures,
  syncDocument,
} from './sync-document';
import { joinTexts, localized } from './words';

export const MAX_IN_FLIGHT = 4;

export interface SyncEngineDeps extends SyncDeps {
  loadSettings: () => Promise<Settings>;
  /** Called with the status every sync ends with (the worker sets the next look for today's digest). */
  afterSync?: (status: SyncStatus) => Promise<void>;
}

/** A document's failure in words, with the day it is of (null: the source's or a dateless document's). */
interface Failure {
  text: LocalizedText;
  date: string | null;
}

interface SourceTally {
  counts: SourceStatus['counts'];
  failures: Failure[];
}

export class SyncEngine {
  private running: Promise<SyncStatus> | undefined;
  private progress: SyncStatus['progress'] = null;

  constructor(private readonly deps: SyncEngineDeps) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Start a sync, or join the one already running; answers the status it ended with. */
  sync(): Promise<SyncStatus> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
      this.progress = null;
    });
    return this.running;
  }

  /** Resolves once no sync is running (a failed sync included). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** The stored status, with what only this worker knows: whether a sync is running, and how far it is. */
  async status(): Promise<SyncStatus> {
    const stored = await loadSyncStatus();
    return {
      ...stored,
      running: this.isRunning,
      progress: this.progress,
      ...(await libraryState(this.deps.store, this.deps.now())),
      ...memoryFlag(this.deps.store),
    };
  }

  private async run(): Promise<SyncStatus> {
    const { deps } = this;
    const settings = await deps.loadSettings();
    const startedAt = deps.now();
    // A day the retention would remove right after storing it is not asked for (a retention under 14 days).
    const cutoff = retentionCutoff(settings.retentionDays, startedAt);
    const planned = planSync(settings, startedAt).filter((doc) => doc.date === null || doc.date >= cutoff);
    const previous = await loadSyncStatus();
    const tallies = new Map<string, SourceTally>(planned.map((doc) => [doc.sourceId, emptyTally()]));
    const notices: LocalizedText[] = [];
    const { readable, unreadable } = await splitByPermission(planned, deps.mayRead);
    for (const doc of unreadable) tallyNoPermission(tallies.get(doc.sourceId) ?? emptyTally(), doc);
    this.progress = { done: 0, total: readable.length };
    await saveSyncStatus({ ...previous, running: true, progress: this.progress });

    const room = new RoomMaker(deps.store);
    await runLimited(readable, MAX_IN_FLIGHT, async (doc) => {
      const result = await syncDocument(doc, deps, { room });
      tally(tallies.get(doc.sourceId) ?? emptyTally(), doc, result);
      this.progress = { done: (this.progress?.done ?? 0) + 1, total: readable.length };
      // Also an extension API call per document, which keeps Chrome from stopping the worker mid-sync.
      await saveSyncStatus({ ...previous, running: true, progress: this.progress });
    });

    const storageNotice = room.notice();
    if (storageNotice) notices.push(storageNotice);
    try {
      await pruneExpired(deps.store, settings.retentionDays, deps.now());
    } catch (error) {
      notices.push(localized((words) => words.pruneFailed(describeError(error))));
    }
    const finishedAt = deps.now();
    const status: SyncStatus = {
      running: false,
      progress: null,
      lastSyncAt: finishedAt,
      sources: [...tallies].map(([sourceId, sourceTally]) =>
        sourceStatus(sourceId, sourceTally, startedAt, finishedAt, previous),
      ),
      ...(await libraryState(deps.store, finishedAt)),
      notice: joinTexts(notices),
    };
    await saveSyncStatus(status);
    await deps
      .afterSync?.(status)
      .catch((error: unknown) => console.error('[digest-lens] after sync', error));
    return { ...status, ...memoryFlag(deps.store) };
  }
}

/** What a status says of the stored library at `now`: how many AI digests, and the newest AI and GitHub 热门 days. */
async function libraryState(
  store: SyncEngineDeps['store'],
  now: number,
): Promise<Pick<SyncStatus, 'digestCount' | 'newestDate' | 'newestTrendingDate'>> {
  const [dates, trendingDates] = await Promise.all([store.dates(), store.dates('github-trending')]);
  return {
    digestCount: dates.length,
    newestDate: newestDateOf(dates, now),
    newestTrendingDate: newestDateOf(trendingDates, now),
  };
}

/** The newest stored date that can be real: one stored before dates were checked (9999-12-31) is not the newest. */
function newestDateOf(dates: readonly string[], now: number): string | null {
  const latest = latestAcceptedDate(now);
  return dates.findLast((date) => date <= latest) ?? null;
}

function emptyTally(): SourceTally {
  return { counts: { stored: 0, unchanged: 0, notFound: 0, failed: 0 }, failures: [] };
}

function tally(sourceTally: SourceTally, doc: PlannedDocument, result: DocumentResult): void {
  if (result.kind === 'failed' && result.error.en === OFFLINE.en) {
    // Offline is no document's fault: said once for the source, without a host or a date.
    sourceTally.counts.failed += 1;
    addOnce(sourceTally, OFFLINE);
  } else if (result.kind === 'failed') {
    sourceTally.counts.failed += 1;
    sourceTally.failures.push({ text: describeFailure(doc, result.error), date: doc.date });
  } else if (result.kind === 'notFound' && doc.date === null) {
    // A dated file missing means no digest that day; the homepage (or a single document) missing means it moved.
    sourceTally.counts.failed += 1;
    sourceTally.failures.push({
      text: describeFailure(
        doc,
        localized((words) => words.httpStatus(404)),
      ),
      date: null,
    });
  } else {
    sourceTally.counts[result.kind] += 1;
  }
}

/** Each document of a site the extension may not read counts as failed; the reason is said once per source. */
function tallyNoPermission(sourceTally: SourceTally, doc: PlannedDocument): void {
  sourceTally.counts.failed += 1;
  addOnce(sourceTally, noPermissionFailure(doc.url));
}

/** A failure of the whole source (offline, no permission): said once, whatever the day. */
function addOnce(sourceTally: SourceTally, failure: LocalizedText): void {
  if (!sourceTally.failures.some(({ text }) => text.en === failure.en))
    sourceTally.failures.push({ text: failure, date: null });
}

/**
 * The failures as the status names them, the first in words: the whole source's first, then the newest day's. They
 * are tallied as documents finish, and today's, retried with backoff, finishes last: first, an old day's malformed
 * file hid that today's failed (QA 2026-12-01).
 */
function inOrder(failures: readonly Failure[]): LocalizedText[] {
  const rank = ({ date }: Failure) => date ?? '\uffff';
  return [...failures]
    .sort((a, b) => (rank(a) < rank(b) ? 1 : rank(a) > rank(b) ? -1 : 0))
    .map(({ text }) => text);
}

/** "<host>: may not be read …", said once for every document of a site the extension may not read. */
export function noPermissionFailure(url: string): LocalizedText {
  return localized((words) => words.failure(new URL(url).host, words.noPermission));
}

/** E.g. "static.zou8944.com, 2026-11-29: answered HTTP 500 (3 attempts)". */
function describeFailure(doc: PlannedDocument, error: LocalizedText): LocalizedText {
  const host = new URL(doc.url).host;
  return localized((words, language) =>
    words.failure(doc.date ? `${host}, ${doc.date}` : host, error[language]),
  );
}

function sourceStatus(
  sourceId: string,
  sourceTally: SourceTally,
  startedAt: number,
  finishedAt: number,
  previous: SyncStatus,
): SourceStatus {
  const { counts } = sourceTally;
  // A source of your own that found no day at all was most likely mistyped: "last success: just now" would hide
  // it. (A built-in source may miss days, and its address is the publisher's.)
  const noDayFound =
    sourceId.startsWith('custom:') &&
    counts.notFound > 0 &&
    counts.stored + counts.unchanged + counts.failed === 0;
  const lastError = noDayFound
    ? localized((words) => words.noDayFound(counts.notFound))
    : summarizeFailures(inOrder(sourceTally.failures));
  const lastSuccessBefore =
    previous.sources.find((source) => source.sourceId === sourceId)?.lastSuccessAt ?? null;
  return {
    sourceId,
    lastAttemptAt: startedAt,
    lastSuccessAt: lastError === null ? finishedAt : lastSuccessBefore,
    lastError,
    counts: sourceTally.counts,
  };
}

/** Said with every status answered, never stored: the next browser session may well keep its digests. */
function memoryFlag(store: Pick<SyncDeps['store'], 'memoryOnly'>): Pick<SyncStatus, 'memoryOnly'> {
  return store.memoryOnly ? { memoryOnly: true } : {};
}
