/** Mounts the popup against a fake background holding a few stored digests. */
import { vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { createPopupStore, type PopupStore } from '../../../components/popup/popup-store';
import { listedDays } from '../../../lib/background/listed-days';
import type { UiLanguage } from '../../../lib/i18n';
import type { StoredDigest, SyncStatus } from '../../../lib/schema';
import { type FakeClient, fakeClient, type Handlers, storedDigest, syncStatus } from '../ui/fake-client';
import { type Mounted, mount } from '../ui/render';

export const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

export interface PopupKit extends Mounted {
  store: PopupStore;
  fake: FakeClient;
  openUrl: ReturnType<typeof vi.fn>;
}

export interface KitOptions {
  digests?: StoredDigest[];
  /** The stored GitHub 热门 digests (issue 16), answered to `digest` with `kind: 'github-trending'`; none by default. */
  trending?: StoredDigest[];
  status?: Partial<SyncStatus>;
  handlers?: Handlers;
  lang?: UiLanguage;
  /** The clock (NOW by default). */
  now?: () => number;
  /** Where the store's "the day turned" timer goes (a real timer by default). */
  whenDayTurns?: (turn: () => void, delayMs: number) => () => void;
  /** How often the open reader looks again at the clock and a failed sync (a minute by default). */
  lookAgainMs?: number;
  openOptions?: () => void;
  /** The tab the popup is opened over (none by default). */
  activeTab?: () => Promise<number | undefined>;
  /** Whether opening an item records it read (a normal window's reader: yes, by default). */
  recordsReads?: () => boolean;
}

/** `digests` newest first, as the background lists them. */
export async function mountPopup(options: KitOptions = {}): Promise<PopupKit> {
  const digests = options.digests ?? [
    storedDigest('2026-01-10'),
    storedDigest('2026-01-09'),
    storedDigest('2026-01-08'),
  ];
  const status = syncStatus({ lastSyncAt: NOW - 5 * 60_000, digestCount: digests.length, ...options.status });
  const fake = fakeClient({
    // As the background answers: the newest AI digest, or the newest GitHub 热门 one when no AI digest is stored.
    latestDigest: () => ({ digest: digests[0] ?? options.trending?.[0] ?? null }),
    status: () => status,
    // As the background lists them: a day with only a GitHub 热门 digest too (lib/background/listed-days).
    listDigests: () => ({
      digests: listedDays(
        digests.map((digest) => ({
          date: digest.date,
          news: digest.items.filter((item) => item.section === 'news').length,
          tools: digest.items.filter((item) => item.section === 'tools').length,
        })),
        options.trending ?? [],
      ),
    }),
    digest: ({ date, kind }) => ({
      digest:
        (kind === 'github-trending' ? (options.trending ?? []) : digests).find(
          (digest) => digest.date === date,
        ) ?? null,
    }),
    search: () => ({ hits: [], total: 0 }),
    readState: () => ({ days: [] }),
    ...options.handlers,
  });
  const openUrl = vi.fn();
  const store = createPopupStore({
    client: fake.client,
    lang: options.lang ?? 'zh',
    now: options.now ?? (() => NOW),
    whenDayTurns: options.whenDayTurns,
    lookAgainMs: options.lookAgainMs,
    openUrl,
    activeTab: options.activeTab,
    recordsReads: options.recordsReads,
    searchDelayMs: 5,
    pollMs: 5,
  });
  const mounted = await mount(<Popup store={store} openOptions={options.openOptions} />);
  await store.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { ...mounted, store, fake, openUrl };
}

/**
 * Waits until `check` stops throwing (Preact renders after signals change). Timed by `performance.now()`: tests that
 * fake `Date` would otherwise wait for the test's timeout instead of failing with what `check` says.
 */
export async function until(check: () => void, timeoutMs = 1000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
