/**
 * The reader's first question, asked before its code has loaded (issue 13: the first item < 100 ms). The popup's and
 * side panel's HTML run a tiny classic script (entrypoints/reader-early) while their modules are still being fetched
 * and compiled; it asks for the latest digest at once, so the worker's answer travels while the page loads. The
 * reader's first `latestDigest` then takes that answer instead of asking again.
 */
import { send } from '../../lib/protocol';
import type { BackgroundClient } from './client';

/** Where the early script leaves its question on the page's global object. */
const EARLY_LATEST_DIGEST = '__digestLensLatestDigest';

type EarlyGlobal = Record<string, unknown>;

/** Ask for the latest digest now (the early script). */
export function askEarly(global: EarlyGlobal = globalThis as unknown as EarlyGlobal): void {
  const answer = send('latestDigest');
  // Taken, and its failure handled, by the reader; never an unhandled rejection meanwhile.
  answer.catch(() => undefined);
  global[EARLY_LATEST_DIGEST] = answer;
}

/**
 * `client`, whose first `latestDigest` is the answer the early script asked for (when it ran); every other message,
 * and every later `latestDigest` (a refresh after a sync), is sent as usual.
 */
export function withEarlyAnswer(
  client: BackgroundClient,
  global: EarlyGlobal = globalThis as unknown as EarlyGlobal,
): BackgroundClient {
  let early = global[EARLY_LATEST_DIGEST] as ReturnType<typeof send<'latestDigest'>> | undefined;
  delete global[EARLY_LATEST_DIGEST];
  return ((type, ...payload) => {
    if (type === 'latestDigest' && early) {
      const answer = early;
      early = undefined;
      return answer;
    }
    return client(type, ...payload);
  }) as BackgroundClient;
}
