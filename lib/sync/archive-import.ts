/**
 * The on-demand import of the publisher's archive, with progress in `chrome.storage.local` and cancel. Dates
 * already stored are counted and not fetched again; remembered 404s are not asked again.
 */
import type { LocalizedText } from '../i18n';
import type { ArchiveImportStatus, Settings } from '../schema';
import { DEFAULT_SETTINGS } from '../settings';
import { DIGEST_KINDS } from '../storage/database';
import { RoomMaker } from './make-room';
import { splitByPermission } from './permissions';
import { runLimited } from './run-limited';
import { type PlannedDocument, planArchive } from './sources';
import { loadArchiveImportStatus, saveArchiveImportStatus } from './status-store';
import { describeError, type SyncDeps, summarizeFailures, syncDocument } from './sync-document';
import { MAX_IN_FLIGHT, noPermissionFailure } from './sync-engine';
import { joinTexts, localized, verbatim } from './words';

/**
 * Failures in a row (nothing found or stored in between) after which the import stops: a site that is down would
 * otherwise be asked for each of its ~700 files, 3 times each, for a quarter of an hour (hours when it hangs) before
 * the import said why (QA 2026-12-02).
 */
export const GIVE_UP_AFTER_FAILURES = 12;

/** What the import needs: the sync's outside world, and the settings (which say whether GitHub 热门 is wanted). */
export interface ArchiveImportDeps extends SyncDeps {
  loadSettings?: () => Promise<Pick<Settings, 'sources'>>;
  /** Called once an import that stored digests has ended, cancelled or not (the worker tells the open pages). */
  afterStored?: () => Promise<void>;
}

export class ArchiveImporter {
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private current: ArchiveImportStatus | undefined;

  constructor(private readonly deps: ArchiveImportDeps) {}

  /**
   * Start the import (or report the running one); answers at once, the import goes on in the background. Nothing
   * is awaited before the import counts as running, so two requests arriving together start one import.
   */
  async start(): Promise<ArchiveImportStatus> {
    if (this.running && this.current) return { ...this.current };
    const controller = new AbortController();
    this.controller = controller;
    const status: ArchiveImportStatus = {
      state: 'running',
      done: 0,
      // Known once the settings are read (they say whether GitHub 热门 is imported too), at once in `run`.
      total: 0,
      stored: 0,
      notFound: 0,
      failed: 0,
      error: null,
    };
    this.current = status;
    this.running = this.run(status, controller.signal).finally(() => {
      this.running = undefined;
      this.controller = undefined;
    });
    return { ...status };
  }

  async cancel(): Promise<ArchiveImportStatus> {
    this.controller?.abort();
    await this.running;
    return this.status();
  }

  /** The import's progress; an import left "running" by a worker that was stopped is reported as interrupted. */
  async status(): Promise<ArchiveImportStatus> {
    if (this.current) return { ...this.current };
    const stored = await loadArchiveImportStatus();
    if (stored.state !== 'running') return stored;
    return { ...stored, state: 'failed', error: localized((words) => words.importInterrupted) };
  }

  /** Forget the last import's result (after "clear all data"); a running import is cancelled first. */
  async forget(): Promise<void> {
    await this.cancel();
    this.current = undefined;
  }

  /** Resolves when the running import (if any) has ended. */
  async finished(): Promise<void> {
    await this.running;
  }

  private async run(status: ArchiveImportStatus, signal: AbortSignal): Promise<void> {
    const failures: LocalizedText[] = [];
    const room = new RoomMaker(this.deps.store);
    /** Digests written by this import (`status.stored` also counts the days stored before it). */
    let written = 0;
    let failedInARow = 0;
    /** The failures in a row that stopped the import; 0 while it goes on. */
    let gaveUpAfter = 0;
    // Stops taking documents when the user cancels or the site looks down; the ones on their way end as they do.
    const stop = new AbortController();
    const stopWithUser = () => stop.abort();
    signal.addEventListener('abort', stopWithUser);
    try {
      const planned = planArchive((await this.deps.loadSettings?.()) ?? DEFAULT_SETTINGS);
      status.total = planned.length;
      await saveArchiveImportStatus(status);
      const isStored = await this.storedAlready();
      const { readable, unreadable } = await splitByPermission(planned, this.deps.mayRead);
      if (unreadable[0]) throw new NoPermission(unreadable[0].url);
      await runLimited(
        readable,
        MAX_IN_FLIGHT,
        async (doc) => {
          if (isStored(doc)) {
            status.stored += 1;
          } else {
            const result = await syncDocument(doc, this.deps, { signal, room });
            if (signal.aborted) return;
            failedInARow = result.kind === 'failed' ? failedInARow + 1 : 0;
            if (failedInARow >= GIVE_UP_AFTER_FAILURES && !stop.signal.aborted) {
              gaveUpAfter = failedInARow;
              stop.abort();
            }
            if (result.kind === 'failed') {
              status.failed += 1;
              const { error } = result;
              failures.push(
                localized((words, language) => words.failure(doc.date ?? doc.url, error[language])),
              );
            } else if (result.kind === 'notFound') status.notFound += 1;
            else {
              status.stored += 1;
              if (result.kind === 'stored') written += 1;
            }
          }
          status.done += 1;
          await saveArchiveImportStatus(status);
        },
        stop.signal,
      );
      status.state = signal.aborted ? 'cancelled' : gaveUpAfter > 0 ? 'failed' : 'done';
    } catch (error) {
      status.state = 'failed';
      failures.unshift(error instanceof NoPermission ? error.words : verbatim(describeError(error)));
    } finally {
      signal.removeEventListener('abort', stopWithUser);
    }
    const summary = joinTexts(
      [
        gaveUpAfter > 0 && !signal.aborted ? localized((words) => words.importGaveUp(gaveUpAfter)) : null,
        summarizeFailures(failures),
      ].filter((part) => part !== null),
    );
    const notice = room.notice();
    status.error = joinTexts([summary, notice].filter((part) => part !== null));
    await saveArchiveImportStatus(status).catch(() => undefined);
    if (written > 0)
      await this.deps
        .afterStored?.()
        .catch((error: unknown) => console.error('[digest-lens] after the archive import', error));
  }

  /** Whether a planned document's day is stored already (of the kind it holds). */
  private async storedAlready(): Promise<(doc: PlannedDocument) => boolean> {
    const dates = await Promise.all(
      DIGEST_KINDS.map(async (kind) => new Set(await this.deps.store.dates(kind))),
    );
    const storedOf = new Map(DIGEST_KINDS.map((kind, index) => [kind, dates[index]]));
    return (doc) => doc.date !== null && storedOf.get(doc.kind ?? 'ainews')?.has(doc.date) === true;
  }
}

class NoPermission extends Error {
  readonly words: LocalizedText;
  constructor(url: string) {
    const words = noPermissionFailure(url);
    super(words.en);
    this.words = words;
  }
}
