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
        signal,
      );
      status.state = signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      status.state = 'failed';
      failures.unshift(error instanceof NoPermission ? error.words : verbatim(describeError(error)));
    }
    const summary = summarizeFailures(failures);
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
