/**
 * One planned document, start to finish: skip a remembered 404, ask conditionally, read the answer, and store the
 * digest only when it is a real, new version. Nothing stored is replaced or deleted by a failure.
 */
import type { LocalizedText } from '../i18n';
import type { ParseResult } from '../schema';
import type { DocumentRecord } from '../storage/database';
import type { DigestStore } from '../storage/digest-store';
import { addDays, shanghaiToday } from './dates';
import { DEFAULT_FETCH_SETTINGS, type FetchLimits, fetchDocument, type Validators } from './fetch-document';
import { isQuotaExceeded, RoomMaker, StorageFullError } from './make-room';
import { readDocument, reasonToKeep } from './read-document';
import type { RequestSlots } from './request-slots';
import type { PlannedDocument } from './sources';
import { localized, verbatim } from './words';

/** What a sync or an import needs from the outside world; tests pass a scripted fetch and a sleep that returns. */
export interface SyncDeps {
  store: DigestStore;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  parse: (text: string) => ParseResult;
  limits?: Partial<FetchLimits>;
  /**
   * Whether the extension may read `url`'s site (its host permission is granted); every document is assumed
   * readable when absent. Without it a fetch fails as an unexplained network error.
   */
  mayRead?: (url: string) => Promise<boolean>;
  /** Shared by everything that fetches, so that together they keep to the limit of requests in flight. */
  requestSlots?: RequestSlots;
  /** `navigator.onLine`; offline, every document fails at once in words (see fetchDocument). */
  isOnline?: () => boolean;
}

export type DocumentResult =
  | { kind: 'stored'; date: string }
  | { kind: 'unchanged' }
  | { kind: 'notFound' }
  | { kind: 'failed'; error: LocalizedText };

export interface DocumentOptions {
  signal?: AbortSignal;
  /** Makes room at most once for the whole sync or import run (one of its own when absent). */
  room?: RoomMaker;
}

/** Never throws: an unexpected failure (a database error) is this document's failure, not the sync's. */
export function syncDocument(
  planned: PlannedDocument,
  deps: SyncDeps,
  options: DocumentOptions = {},
): Promise<DocumentResult> {
  return syncOrThrow(planned, deps, options).catch(
    (error: unknown): DocumentResult => ({
      kind: 'failed',
      // A full disk refuses the fetch bookkeeping too (a 404's record, new validators): said in the same words.
      error: isStorageFull(error)
        ? notStored(error)
        : localized((words) => words.unexpected(describeError(error))),
    }),
  );
}

async function syncOrThrow(
  planned: PlannedDocument,
  deps: SyncDeps,
  options: DocumentOptions,
): Promise<DocumentResult> {
  const { store } = deps;
  const remembered = await store.document(planned.url);
  if (!planned.alwaysAsk && isSettledNotFound(planned, remembered, deps.now())) return { kind: 'notFound' };

  const validators = await usableValidators(remembered, store);
  const fetchIt = () =>
    fetchDocument(planned.url, validators, {
      ...DEFAULT_FETCH_SETTINGS,
      ...deps.limits,
      fetch: deps.fetch,
      sleep: deps.sleep,
      ...(deps.isOnline && { isOnline: deps.isOnline }),
      ...(options.signal && { signal: options.signal }),
    });
  const outcome = await (deps.requestSlots ? deps.requestSlots.use(fetchIt) : fetchIt());
  if (outcome.kind === 'notModified') return { kind: 'unchanged' };
  if (outcome.kind === 'failed') return outcome;
  if (outcome.kind === 'notFound') {
    await store.saveDocument({ url: planned.url, notFoundAt: deps.now() });
    return outcome;
  }

  const reading = await readDocument(outcome.text, planned, deps.parse, deps.now());
  if (reading.kind === 'notDigest') return { kind: 'failed', error: reading.error };
  const incoming = reading.digest;
  let outcomeOfWrite: Awaited<ReturnType<DigestStore['writeUnless']>>;
  try {
    outcomeOfWrite = await (options.room ?? new RoomMaker(store)).write(incoming.date, () =>
      store.writeUnless(incoming, (stored) => reasonToKeep(stored, incoming) !== null),
    );
  } catch (error) {
    return { kind: 'failed', error: notStored(error) };
  }
  const { written, previous } = outcomeOfWrite;
  if (!written && previous && reasonToKeep(previous, incoming) === 'truncated') {
    const [items, storedItems] = [incoming.items.length, previous.items.length];
    return { kind: 'failed', error: localized((words) => words.looksCutOff(items, storedItems)) };
  }
  const result: DocumentResult = written ? { kind: 'stored', date: incoming.date } : { kind: 'unchanged' };
  await store.saveDocument({
    url: planned.url,
    digestDate: incoming.date,
    ...(incoming.kind !== 'ainews' && { digestKind: incoming.kind }),
    ...(outcome.etag && { etag: outcome.etag }),
    ...(outcome.lastModified && { lastModified: outcome.lastModified }),
  });
  return result;
}

/**
 * A remembered 404 is final only when it was seen after the day was over: a 404 for a day that was still today or
 * yesterday says the digest was not published yet (a sync on its morning and none again until two days later must
 * still fetch it). A 404 remembered at a time later than now (a clock that was far ahead, a damaged record: 1e308)
 * says nothing: the document is asked again.
 */
function isSettledNotFound(
  planned: PlannedDocument,
  remembered: DocumentRecord | undefined,
  now: number,
): boolean {
  const seenAt = remembered?.notFoundAt;
  if (seenAt === undefined || !(seenAt <= now)) return false;
  return planned.date === null || shanghaiToday(seenAt) > addDays(planned.date, 1);
}

/** Ask conditionally only while the digest that answer produced is still stored (clearing data forgets it). */
async function usableValidators(
  remembered: DocumentRecord | undefined,
  store: DigestStore,
): Promise<Validators> {
  if (!remembered?.digestDate || !(await store.read(remembered.digestDate, remembered.digestKind))) return {};
  return {
    ...(remembered.etag && { etag: remembered.etag }),
    ...(remembered.lastModified && { lastModified: remembered.lastModified }),
  };
}

/** Storage full: after room was made (the room maker's error), or the browser's own quota error on any write. */
function isStorageFull(error: unknown): boolean {
  return error instanceof StorageFullError || isQuotaExceeded(error);
}

function notStored(error: unknown): LocalizedText {
  const reason = isStorageFull(error)
    ? localized((words) => words.storageFullReason)
    : verbatim(describeError(error));
  return localized((words, language) => words.notStored(reason[language]));
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** The first failure in words, and how many more there were; null when nothing failed. */
export function summarizeFailures(failures: readonly LocalizedText[]): LocalizedText | null {
  const [first, ...more] = failures;
  if (first === undefined) return null;
  return more.length > 0
    ? localized((words, language) => words.andMore(first[language], more.length))
    : first;
}
