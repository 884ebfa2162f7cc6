/**
 * The reader's first question, asked the moment its script starts (issue 13: the first item painted < 100 ms). The
 * popup's and side panel's one script (entrypoints/reader) asks for the latest digest before it builds anything, so
 * the worker's answer travels while the store and the components are made; the reader draws its first frame once
 * that answer is in, so that frame holds the items rather than an empty page followed by a second frame.
 */
import type { ResponseOf } from '../../lib/protocol';
import type { BackgroundClient } from './client';
import { keepFirstScreen, keptFirstScreen } from './first-screen';

/** How long the first frame waits for the answer: a worker that must start first leaves the page blank no longer. */
export const FIRST_ANSWER_WAIT_MS = 100;

/** What the reader keeps of its first screen between opens (./first-screen.ts), and when to look at it. */
export interface FirstScreenKeeping {
  kept: Parameters<typeof keptFirstScreen>[0];
  now: number;
}

/**
 * Asks for the latest digest now, and returns `client` whose first `latestDigest` is that answer; every other
 * message, and every later `latestDigest` (a refresh after a sync), is sent as usual. With `keeping`, each answer is
 * kept for the next open, and the first `latestDigest` is the kept one when it may be drawn (./first-screen.ts): at
 * once, the worker's own answer following. `whenDifferent` hears of that answer when it differs from what was drawn
 * (or failed): the reader reads the newest digest again.
 */
export type EarlyClient = BackgroundClient & { whenDifferent(listener: () => void): void };

export function askEarly(client: BackgroundClient, keeping?: FirstScreenKeeping): EarlyClient {
  const keep = (answer: ResponseOf<'latestDigest'>) => {
    if (keeping) keepFirstScreen(keeping.kept, answer.digest);
    return answer;
  };
  const latest = () => client('latestDigest').then(keep);
  let early: Promise<ResponseOf<'latestDigest'>> | undefined = latest();
  // Taken, and its failure handled, by the reader; never an unhandled rejection meanwhile.
  early.catch(() => undefined);
  let different = false;
  let listener: (() => void) | undefined;
  const kept = keeping && keptFirstScreen(keeping.kept, keeping.now);
  if (kept) {
    const differs = () => {
      different = true;
      listener?.();
    };
    early.then((answer) => JSON.stringify(answer.digest) === kept.text || differs(), differs);
    early = Promise.resolve({ digest: kept.digest });
  }
  const answering = ((type, ...payload) => {
    if (type === 'latestDigest') {
      const answer = early ?? latest();
      early = undefined;
      return answer;
    }
    return client(type, ...payload);
  }) as BackgroundClient;
  return Object.assign(answering, {
    whenDifferent(heard: () => void) {
      listener = heard;
      if (different) heard();
    },
  });
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
