import type { LocalizedText } from '../i18n';
import { localized } from './words';

/**
 * Fetches one document the careful way: a timeout, a size cap enforced while streaming, conditional requests,
 * retries with backoff on network errors and 5xx, and redirects followed only within the source's own host over
 * https. Never throws: the outcome says what happened, in words.
 */

export type FetchOutcome =
  | { kind: 'fetched'; text: string; etag?: string; lastModified?: string }
  | { kind: 'notModified' }
  | { kind: 'notFound' }
  | { kind: 'failed'; error: LocalizedText };

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
  /** `navigator.onLine`: false fails at once, before a request or after a network error, without retries. */
  isOnline?: () => boolean;
}

export type FetchLimits = Pick<FetchSettings, 'timeoutMs' | 'maxBytes' | 'backoffMs'>;

export const DEFAULT_FETCH_SETTINGS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 2 * 1024 * 1024,
  backoffMs: [500, 2_000],
};

type AttemptOutcome = FetchOutcome | { kind: 'retryable'; error: LocalizedText };

const CANCELLED = localized((words) => words.cancelled);
/** "Offline: no network connection", said once per source (not per document). */
export const OFFLINE = localized((words) => words.offline);

class DocumentError extends Error {
  constructor(
    readonly words: LocalizedText,
    readonly retryable: boolean,
  ) {
    super(words.en);
  }
}

export async function fetchDocument(
  url: string,
  validators: Validators,
  settings: FetchSettings,
): Promise<FetchOutcome> {
  const attempts = settings.backoffMs.length + 1;
  let lastError = CANCELLED;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (settings.signal?.aborted) return { kind: 'failed', error: CANCELLED };
    if (settings.isOnline?.() === false) return { kind: 'failed', error: OFFLINE };
    const outcome = await fetchOnce(url, validators, settings);
    if (outcome.kind !== 'retryable') return outcome;
    lastError = outcome.error;
    const wait = settings.backoffMs[attempt - 1];
    if (wait !== undefined) await settings.sleep(wait);
  }
  const error = lastError;
  return {
    kind: 'failed',
    error:
      attempts > 1 ? localized((words, language) => words.afterAttempts(error[language], attempts)) : error,
  };
}

async function fetchOnce(
  url: string,
  validators: Validators,
  settings: FetchSettings,
): Promise<AttemptOutcome> {
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
    const refusedRedirect = redirectRefusal(url, response);
    if (refusedRedirect) {
      controller.abort();
      return { kind: 'failed', error: refusedRedirect };
    }
    if (response.status === 304) return { kind: 'notModified' };
    if (response.status === 404 || response.status === 410) return { kind: 'notFound' };
    if (response.status >= 500 || response.status === 429) {
      controller.abort();
      return { kind: 'retryable', error: localized((words) => words.httpStatus(response.status)) };
    }
    if (!response.ok) {
      controller.abort();
      return { kind: 'failed', error: localized((words) => words.httpStatus(response.status)) };
    }
    if (/html/i.test(response.headers.get('content-type') ?? '')) {
      controller.abort();
      return { kind: 'failed', error: localized((words) => words.htmlPage) };
    }
    const text = await readCapped(response, settings.maxBytes, controller);
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { kind: 'fetched', text, ...(etag && { etag }), ...(lastModified && { lastModified }) };
  } catch (error) {
    if (settings.signal?.aborted) return { kind: 'failed', error: CANCELLED };
    if (timedOut)
      return { kind: 'retryable', error: localized((words) => words.timeout(settings.timeoutMs / 1000)) };
    if (error instanceof DocumentError)
      return { kind: error.retryable ? 'retryable' : 'failed', error: error.words };
    if (settings.isOnline?.() === false) return { kind: 'failed', error: OFFLINE };
    // fetch's own TypeError says "Failed to fetch" in English whatever the language: said in words here.
    if (error instanceof TypeError)
      return { kind: 'retryable', error: localized((words) => words.unreachable(words.networkFailure)) };
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'retryable', error: localized((words) => words.unreachable(reason)) };
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

/**
 * Why a redirected answer is refused, or null when it is not: it must end on https on the host that was asked, or
 * the text of another site would be stored as the publisher's (an `http:` hop also lets anyone on the way change it).
 */
function redirectRefusal(url: string, response: Response): LocalizedText | null {
  if (!response.redirected && (response.url === '' || response.url === url)) return null;
  const asked = new URL(url);
  let final: URL;
  try {
    final = new URL(response.url);
  } catch {
    return localized((words) => words.redirected(response.url || '?', asked.host));
  }
  if (final.protocol === 'https:' && final.host === asked.host) return null;
  return localized((words) => words.redirected(`${final.protocol}//${final.host}`, asked.host));
}

/** Read the body as UTF-8, aborting as soon as it passes `maxBytes`; a body shorter than announced is cut off. */
async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
): Promise<string> {
  const tooLarge = new DocumentError(
    localized((words) => words.tooLarge(words.size(maxBytes))),
    false,
  );
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
      const reason = error instanceof Error ? error.message : String(error);
      throw new DocumentError(
        localized((words) => words.brokenOff(words.size(received), reason)),
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
  if (received < declared)
    throw new DocumentError(
      localized((words) => words.shorterThanAnnounced(received, declared)),
      true,
    );
  return text + decoder.decode();
}
