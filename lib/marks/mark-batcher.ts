/**
 * The marks' questions to the background, batched: the keys of the links found in one frame go in one message (at
 * most one per frame; keys only, never a URL), each key is asked once and its answer kept. Every answer carries the
 * library's stamp: when it changes (a sync, an import, a setting) the kept answers are dropped and `onStale` asks the
 * caller to ask again for the links on the page — the key set refreshed after a sync.
 */
import type { ResponseOf } from '../protocol';

export type MarkAnswer = ResponseOf<'markLookup'>;
export type MarkEntry = MarkAnswer['marks'][number];

/** The most keys one message carries (the schema's bound); more wait for the next frame. */
export const MARK_KEYS_PER_MESSAGE = 2000;
/** The most answers kept; past it they are dropped, and a link still on the page is asked about again. */
export const MARK_ANSWERS_KEPT = 5000;

export interface MarkBatcherDeps {
  /** Send one message; a failure is an answer with nothing found. */
  ask(keys: string[]): Promise<MarkAnswer>;
  /** Run `flush` at the next frame (requestAnimationFrame in the page). */
  schedule(flush: () => void): void;
  /** Keys answered: each with its entry, or null when nothing matches it. */
  onAnswer(answers: ReadonlyMap<string, MarkEntry | null>): void;
  /** The library changed: every kept answer is gone; ask again for what is on the page. */
  onStale(): void;
  /** Marks are off for this site (or were turned off). */
  onOff(): void;
}

export interface MarkBatcher {
  /** Ask for `keys` not asked yet (in the next frame's message). */
  want(keys: Iterable<string>): void;
  /** The kept answer for a key: an entry, null (no match), undefined (not answered yet). */
  answer(key: string): MarkEntry | null | undefined;
  /** Ask whether the library changed (an empty question, in the next frame's message). */
  check(): void;
}

export function createMarkBatcher(deps: MarkBatcherDeps): MarkBatcher {
  const answers = new Map<string, MarkEntry | null>();
  /** Asked and not answered yet. */
  const asked = new Set<string>();
  const pending = new Set<string>();
  let scheduled = false;
  let checkWanted = false;
  let stamp: string | undefined;
  /** The last reply said marks are off here: the next one that says on is a change, whatever its stamp. */
  let off = false;
  let messages = 0;

  /** The message whose answer last showed a new stamp: answers to messages sent before it are out of date. */
  let freshFrom = 0;

  const take = (message: number, keys: readonly string[], reply: MarkAnswer) => {
    for (const key of keys) asked.delete(key);
    if (!reply.on) {
      off = true;
      return deps.onOff();
    }
    if (message < freshFrom) {
      // Asked before the library changed: ask again (the caller re-asked while these were on their way).
      for (const key of keys) pending.add(key);
      return plan();
    }
    // Switched on again (a page opened while they were off has no stamp yet): the page is looked at afresh too.
    const stale = off || (stamp !== undefined && reply.stamp !== stamp);
    off = false;
    stamp = reply.stamp;
    if (stale) {
      freshFrom = message;
      answers.clear();
    }
    const found = new Map<string, MarkEntry | null>(keys.map((key) => [key, null]));
    for (const entry of reply.marks) if (found.has(entry.key)) found.set(entry.key, entry);
    // Bounded: a timeline scrolled for hours, or a thousand in-app navigations, would keep every key it met.
    if (answers.size > MARK_ANSWERS_KEPT) answers.clear();
    for (const [key, entry] of found) answers.set(key, entry);
    if (stale) deps.onStale();
    else if (keys.length > 0) deps.onAnswer(found);
  };

  const flush = () => {
    scheduled = false;
    const keys = [...pending].slice(0, MARK_KEYS_PER_MESSAGE);
    for (const key of keys) {
      pending.delete(key);
      asked.add(key);
    }
    if (pending.size > 0) plan();
    if (keys.length === 0 && !checkWanted) return;
    checkWanted = false;
    const message = ++messages;
    void deps.ask(keys).then(
      (reply) => take(message, keys, reply),
      () => {
        for (const key of keys) asked.delete(key);
      },
    );
  };

  const plan = () => {
    if (scheduled) return;
    scheduled = true;
    deps.schedule(flush);
  };

  return {
    want(keys) {
      for (const key of keys) if (!answers.has(key) && !asked.has(key)) pending.add(key);
      if (pending.size > 0) plan();
    },
    answer: (key) => answers.get(key),
    check() {
      checkWanted = true;
      plan();
    },
  };
}
