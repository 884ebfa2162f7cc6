import type { SyncWords } from './words';

/**
 * Fetches one document the careful way: a timeout, a size cap enforced while streaming, conditional requests,
 * and retries with backoff on network errors and 5xx. Never throws: the outcome says what happened, in words.
 */

export type FetchOutcome =
  | { kind: 'fetched'; text: string; etag?: string; lastModified?: string }
  | { kind: 'notModified' }
  | { kind: 'notFound' }
  | { kind: 'failed'; error: string };

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchSettings {
  fetch: typeof fetch;
  /** Waits between attempts; tests pass one that does not really wait. */
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  maxBytes: number;
  /** Waits before the second, third, … attempt. */
  backoffMs: readonly number[];
  /** Cancels the request and every retry (the archive import's cancel). */
  signal?: AbortSignal;
  words: SyncWords;
}

export type FetchLimits = Pick<FetchSettings, 'timeoutMs' | 'maxBytes' | 'backoffMs'>;

export const DEFAULT_FETCH_SETTINGS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 2 * 1024 * 1024,
  backoffMs: [500, 2_000],
};

type AttemptOutcome = FetchOutcome | { kind: 'retryable'; error: string };

class DocumentError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export async function fetchDocument(
  url: string,
  validators: Validators,
  settings: FetchSettings,
): Promise<FetchOutcome> {
  const { words } = settings;
  const attempts = settings.backoffMs.length + 1;
  let lastError = words.cancelled;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (settings.signal?.aborted) return { kind: 'failed', error: words.cancelled };
    const outcome = await fetchOnce(url, validators, settings);
    if (outcome.kind !== 'retryable') return outcome;
    lastError = outcome.error;
    const wait = settings.backoffMs[attempt - 1];
    if (wait !== undefined) await settings.sleep(wait);
  }
  return { kind: 'failed', error: attempts > 1 ? words.afterAttempts(lastError, attempts) : lastError };
}

async function fetchOnce(
  url: string,
  validators: Validators,
  settings: FetchSettings,
): Promise<AttemptOutcome> {
  const { words } = settings;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const cancel = () => controller.abort();
  settings.signal?.addEventListener('abort', cancel);
  try {
    const response = await settings.fetch(url, {
      headers: conditionalHeaders(validators),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
    });
    if (response.status === 304) return { kind: 'notModified' };
    if (response.status === 404 || response.status === 410) return { kind: 'notFound' };
    if (response.status >= 500 || response.status === 429) {
      controller.abort();
      return { kind: 'retryable', error: words.httpStatus(response.status) };
    }
    if (!response.ok) {
      controller.abort();
      return { kind: 'failed', error: words.httpStatus(response.status) };
    }
    if (/html/i.test(response.headers.get('content-type') ?? '')) {
      controller.abort();
      return { kind: 'failed', error: words.htmlPage };
    }
    const text = await readCapped(response, settings.maxBytes, controller, words);
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { kind: 'fetched', text, ...(etag && { etag }), ...(lastModified && { lastModified }) };
  } catch (error) {
    if (settings.signal?.aborted) return { kind: 'failed', error: words.cancelled };
    if (timedOut) return { kind: 'retryable', error: words.timeout(settings.timeoutMs / 1000) };
    if (error instanceof DocumentError)
      return { kind: error.retryable ? 'retryable' : 'failed', error: error.message };
    return {
      kind: 'retryable',
      error: words.unreachable(error instanceof Error ? error.message : String(error)),
    };
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', cancel);
  }
}

function conditionalHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** Read the body as UTF-8, aborting as soon as it passes `maxBytes`; a body shorter than announced is cut off. */
async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
  words: SyncWords,
): Promise<string> {
  const tooLarge = new DocumentError(words.tooLarge(words.size(maxBytes)), false);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    controller.abort();
    throw tooLarge;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new DocumentError(
        words.brokenOff(words.size(received), error instanceof Error ? error.message : String(error)),
        true,
      );
    }
    if (chunk.done) break;
    received += chunk.value.byteLength;
    if (received > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  // A compressed body is longer once decoded, so only a decoded body shorter than announced is cut off.
  if (received < declared) throw new DocumentError(words.shorterThanAnnounced(received, declared), true);
  return text + decoder.decode();
}
