/**
 * The reader's first question, asked the moment its script starts (issue 13: the first item painted < 100 ms). The
 * popup's and side panel's one script (entrypoints/reader) asks for the latest digest before it builds anything, so
 * the worker's answer travels while the store and the components are made; the reader draws its first frame once
 * that answer is in, so that frame holds the items rather than an empty page followed by a second frame.
 */
import type { ResponseOf } from '../../lib/protocol';
import type { BackgroundClient } from './client';

/** How long the first frame waits for the answer: a worker that must start first leaves the page blank no longer. */
export const FIRST_ANSWER_WAIT_MS = 100;

/**
 * Asks for the latest digest now, and returns `client` whose first `latestDigest` is that answer; every other
 * message, and every later `latestDigest` (a refresh after a sync), is sent as usual.
 */
export function askEarly(client: BackgroundClient): BackgroundClient {
  let early: Promise<ResponseOf<'latestDigest'>> | undefined = client('latestDigest');
  // Taken, and its failure handled, by the reader; never an unhandled rejection meanwhile.
  early.catch(() => undefined);
  return ((type, ...payload) => {
    if (type === 'latestDigest' && early) {
      const answer = early;
      early = undefined;
      return answer;
    }
    return client(type, ...payload);
  }) as BackgroundClient;
}

/** Runs `draw` once `answered` settles (the store has taken the first answer), or after `waitMs` if that is later. */
export function drawWhenAnswered(
  answered: Promise<unknown>,
  draw: () => void,
  waitMs = FIRST_ANSWER_WAIT_MS,
): void {
  let drawn = false;
  const once = () => {
    if (drawn) return;
    drawn = true;
    clearTimeout(timer);
    draw();
  };
  const timer = setTimeout(once, waitMs);
  answered.then(once, once);
}
