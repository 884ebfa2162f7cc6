import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../lib/background/start-background';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings';
import { SYNC_STATUS_KEY } from '../../../lib/sync/status-store';
import { datedUrl } from '../../fixtures/digest-builder';
import { deliver, fromOurContentScript } from '../background/background-setup';
import { ScriptedFetch } from '../sync/scripted-fetch';
import { digestText, NOW } from '../sync/sync-setup';
import { permissionEvents } from '../ui/permission-events';

const TODAY = '2026-11-29';

afterEach(() => vi.restoreAllMocks());

/** The worker as Firefox's permanent private browsing starts it: IndexedDB opens, and refuses every write. */
async function privateBackground() {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: structuredClone(DEFAULT_SETTINGS) });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The fake browser has neither of these (tests/unit/background/background-setup.ts).
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  permissionEvents();
  const { setAccessLevel } = fakeBrowser.storage.local as { setAccessLevel?: unknown };
  if (typeof setAccessLevel === 'function')
    vi.spyOn(fakeBrowser.storage.local, 'setAccessLevel').mockResolvedValue(undefined);
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  });
  const web = new ScriptedFetch();
  web.on(datedUrl(TODAY), { body: digestText(TODAY) });
  const background = startBackground({ fetch: web.fetch, sleep: async () => undefined, now: () => NOW });
  await background.started;
  return background;
}

describe('the background in private browsing (IndexedDB refuses writes)', () => {
  it('syncs into memory, answers the popup and the page from it, and says the digests are in memory only', async () => {
    await privateBackground();
    const synced = await deliver({ type: 'syncNow' });
    expect(synced).toMatchObject({
      ok: true,
      value: { memoryOnly: true, digestCount: 1, newestDate: TODAY },
    });
    expect(await deliver({ type: 'status' })).toMatchObject({
      ok: true,
      value: { memoryOnly: true, digestCount: 1 },
    });
    expect(await deliver({ type: 'latestDigest' })).toMatchObject({
      ok: true,
      value: { digest: { date: TODAY } },
    });
    const lookup = await deliver(
      { type: 'lookup', payload: { keys: ['x:status:202611290001'], site: 'x' } },
      fromOurContentScript(),
    );
    expect(lookup).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('never stores the flag: the next browser session, maybe not private, says it only if it is', async () => {
    await privateBackground();
    await deliver({ type: 'syncNow' });
    const stored = (await fakeBrowser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
    expect(stored).toMatchObject({ digestCount: 1 });
    expect(stored).not.toHaveProperty('memoryOnly');
  });
});
