/**
 * The readers' first screen kept between opens (issue 13: the first item painted < 100 ms). The popup and the side
 * panel draw the newest digest the moment they open; asking the worker for it costs 15–20 ms after the script starts
 * (a first message wakes the page's messaging, and the worker reads IndexedDB), most of what stood between the
 * readers and a page drawn by any script. So each answer is also kept in the extension's own `localStorage` (read in
 * the same task, ~1 ms), and the next open draws it at once while the worker is asked as before: an answer that
 * differs (a sync corrected today's digest) replaces it a moment later.
 *
 * A kept digest is drawn only while no newer one can be stored: today's (Shanghai date), or yesterday's before
 * today's publication window opens. Clearing or importing the library (the options page) forgets it first, so a
 * cleared library never shows a day it no longer has. Only extension pages can read it; nothing of it leaves the
 * browser.
 */
import type { StoredDigest } from '../../lib/schema';
import { addDays, shanghaiToday } from '../../lib/sync/dates';
import { publicationWindow } from '../../lib/sync/schedule';

/** The key, with the form's version: a kept screen of another form is not read. */
export const FIRST_SCREEN_KEY = 'digest-lens.first-screen.v1';

type Kept = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The extension's `localStorage`, or none (a page where it is refused). */
export function pageStorage(): Kept | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether a newer AI digest than one of `date` can be stored at `now`. */
export function newestPossible(date: string, now: number): boolean {
  const today = shanghaiToday(now);
  return date === today || (date === addDays(today, -1) && now < publicationWindow(today).start);
}

/** The kept newest digest (and its text, to tell the worker's answer from it), when it may be drawn at `now`. */
export function keptFirstScreen(
  kept: Kept | undefined,
  now: number,
): { text: string; digest: StoredDigest } | undefined {
  try {
    const text = kept?.getItem(FIRST_SCREEN_KEY);
    if (!text) return undefined;
    const digest = JSON.parse(text) as Partial<StoredDigest> | null;
    const usable =
      typeof digest?.date === 'string' &&
      digest.kind === 'ainews' &&
      Array.isArray(digest.items) &&
      newestPossible(digest.date, now);
    return usable ? { text, digest: digest as StoredDigest } : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the worker's answer for the next open (none: forgotten). A full or refused storage keeps nothing. */
export function keepFirstScreen(kept: Kept | undefined, digest: StoredDigest | null): void {
  try {
    if (digest?.kind === 'ainews') kept?.setItem(FIRST_SCREEN_KEY, JSON.stringify(digest));
    else kept?.removeItem(FIRST_SCREEN_KEY);
  } catch {
    // Nothing kept: the next open asks the worker first, as before.
  }
}

/** Forget it: the library is about to be cleared or replaced. */
export function forgetFirstScreen(kept: Kept | undefined = pageStorage()): void {
  try {
    kept?.removeItem(FIRST_SCREEN_KEY);
  } catch {
    // Refused: nothing was kept either.
  }
}
