import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import type { TabMatches } from '../../../lib/background/tab-matches';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { DigestStore } from '../../../lib/storage/digest-store';
import { openTestStore, storedDigest, testItem } from '../storage/stored-digest';
import { fromOurContentScript, OUR_TAB } from './background-setup';

describe('two lookups of one tab in flight', () => {
  it('leave the badge to the newest: an older, slower answer does not replace its count', async () => {
    const store = await openTestStore();
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('tools', 1, ['https://github.com/acme/widget'])] }),
    );
    let release = () => {};
    let held: Promise<void> | undefined = new Promise((resolve) => {
      release = resolve;
    });
    // The first lookup's read of the library waits; the ones after it don't.
    const slow = Object.create(store) as DigestStore;
    slow.readItems = async (read, kind) => {
      const wait = held;
      held = undefined;
      await wait;
      return store.readItems(read, kind);
    };
    const setBadge = vi.fn(async () => undefined);
    const handlers = createHandlers({
      services: async () => ({ store: slow, engine: {} as never, importer: {} as never }),
      settings: async () => structuredClone(DEFAULT_SETTINGS),
      now: () => 1_000,
      setBadge,
      tabMatches: { noteLookup: async () => undefined } as unknown as TabMatches,
      currentTab: {} as never,
      shortcut: async () => null,
    });
    const first = handlers.lookup({ keys: ['gh:repo:acme/widget'], site: 'github' }, fromOurContentScript());
    // The tab moved on (an in-app navigation) to a page with no match, answered at once.
    await handlers.lookup({ keys: ['gh:repo:acme/other'], site: 'github' }, fromOurContentScript());
    expect(setBadge).toHaveBeenLastCalledWith(OUR_TAB, 0);
    release();
    expect((await first).total).toBe(1);
    expect(setBadge).toHaveBeenCalledTimes(1);
  });
});
