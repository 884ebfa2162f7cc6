/**
 * The answer to `markLookup` (lib/marks): which of a page's link keys match stored items, each with the first cards
 * of its hover card. One read finds the keys that match anything (a page of 2,000 links usually matches a few);
 * only those are looked up as the sidebar's lookup does. The library's stamp changes with every sync, import,
 * clearing or settings change, so a page holding answers learns that they are out of date.
 */
import { browser } from 'wxt/browser';
import { linkStory } from '../marks/link-story';
import { MARK_CARD_LIMIT, type ResponseOf } from '../protocol';
import type { Settings, SiteId } from '../schema';
import { SETTINGS_KEY } from '../settings';
import type { DigestStore } from '../storage/digest-store';
import { ARCHIVE_IMPORT_KEY, SYNC_STATUS_KEY } from '../sync/status-store';
import { lookupMatches } from './lookup';

type MarkAnswer = ResponseOf<'markLookup'>;

/** What a sync, an archive import, a clearing or a settings change writes: each one changes the library's stamp. */
const LIBRARY_KEYS = [SYNC_STATUS_KEY, ARCHIVE_IMPORT_KEY, SETTINGS_KEY];

/** A new worker starts a new series (pages holding answers from the last one ask again once). */
const workerStart = Math.floor(Math.random() * 2 ** 32).toString(36);
let changes = 0;

export function libraryStamp(): string {
  return `${workerStart}.${changes}`;
}

/** Count the library's changes (registered at the worker's start, before any await). */
export function watchLibraryChanges(): void {
  browser.storage.onChanged.addListener((changed, area) => {
    if (area === 'local' && LIBRARY_KEYS.some((key) => key in changed && !isRunning(changed[key]?.newValue)))
      noteLibraryChanged();
  });
}

/**
 * A sync or an import writes its progress as it goes: the stamp changes when it ends (or is cleared), not at every
 * document, or pages would drop and ask again all through a sync.
 */
function isRunning(status: unknown): boolean {
  const { running, state } = (status ?? {}) as { running?: unknown; state?: unknown };
  return running === true || state === 'running';
}

/** A change that writes none of those keys (a file import). */
export function noteLibraryChanged(): void {
  changes += 1;
}

export async function answerMarks(
  store: Pick<DigestStore, 'readItems'>,
  keys: readonly string[],
  site: SiteId | null,
  settings: Settings,
  /** False for a page the background no longer answers (all sites unticked, its site excluded). */
  allowed = true,
): Promise<MarkAnswer> {
  const stamp = libraryStamp();
  if (!allowed || (site !== null && (!settings.sites[site] || !settings.marks[site])))
    return { marks: [], on: false, stamp };
  const asked = new Set(keys);
  const matching = await store.readItems(async (reader) => {
    const records = keys.length === 0 ? [] : await reader.itemsWith(keys);
    return [...new Set(records.flatMap((record) => record.keys.filter((key) => asked.has(key))))];
  });
  const marks = await Promise.all(
    matching.map(async (key) => {
      // The item about the linked thing itself first (the repo, not one of its pull requests), as on its page.
      const { matches, total } = await lookupMatches(store, [key], MARK_CARD_LIMIT, linkStory(key));
      return { key, matches, total };
    }),
  );
  return { marks: marks.filter(({ total }) => total > 0), on: true, stamp };
}
