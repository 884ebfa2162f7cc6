import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../../../lib/settings';
import { EMPTY_SYNC_STATUS, saveSyncStatus } from '../../../lib/sync/status-store';
import { datedUrl, sampleTrending, trendingMarkdown, trendingUrl } from '../../fixtures/digest-builder';
import { storedDigest } from '../storage/stored-digest';
import { digestText, NOW } from '../sync/sync-setup';
import { backgroundSetup, deliver, fromOurContentScript, fromOurPopup } from './background-setup';

const TODAY = '2026-11-29';

/** The fresh-check alarm goes off. */
const freshAlarm = () =>
  fakeBrowser.alarms.onAlarm.trigger({ name: 'sync-fresh', scheduledTime: NOW, persistAcrossSessions: true });

describe('the background worker', () => {
  it('creates the sync alarm on start, with the interval from the settings', async () => {
    await backgroundSetup({ syncIntervalHours: 6 });
    expect(await fakeBrowser.alarms.get('sync')).toMatchObject({ periodInMinutes: 360 });
  });

  it('keeps an existing alarm on a worker restart', async () => {
    await fakeBrowser.alarms.create('sync', { periodInMinutes: 360, when: 12345 });
    await backgroundSetup({ syncIntervalHours: 6 });
    expect(await fakeBrowser.alarms.get('sync')).toMatchObject({
      periodInMinutes: 360,
      scheduledTime: 12345,
    });
  });

  it('re-creates the alarm when the interval setting changes', async () => {
    await backgroundSetup({ syncIntervalHours: 6 });
    await saveSettings({ syncIntervalHours: 12 });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get('sync')).toMatchObject({ periodInMinutes: 720 }),
    );
  });

  it('syncs on install, and the digests can be asked for by message', async () => {
    const { web, store } = await backgroundSetup();
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    // A whole sync: more than waitFor's default second on a loaded machine (a full run at load 10 missed it once).
    await vi.waitFor(async () => expect(await store.dates()).toEqual([TODAY]), { timeout: 5000 });
    const reply = await deliver({ type: 'latestDigest' });
    expect(reply).toMatchObject({ ok: true, value: { digest: { date: TODAY } } });
  });

  it('syncs on browser start and when the alarm fires; an alarm during a running sync joins it', async () => {
    const { web } = await backgroundSetup();
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    web.hold();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(web.requests.length).toBeGreaterThan(0));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: 0, persistAcrossSessions: true });
    const syncNow = deliver({ type: 'syncNow' });
    web.release();
    expect(await syncNow).toMatchObject({ ok: true, value: { running: false, digestCount: 1 } });
    expect(web.asked(datedUrl(TODAY))).toHaveLength(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: 1, persistAcrossSessions: true });
    await vi.waitFor(() => expect(web.asked(datedUrl(TODAY))).toHaveLength(2));
  });

  it('is not held by a sync that a stopped worker left "running" in storage: the next worker runs none, and its alarm syncs', async () => {
    // The last write of a worker Chrome stopped mid-sync (QA 2026-12-02): it never wrote the sync's end.
    await saveSyncStatus({ ...EMPTY_SYNC_STATUS, running: true, progress: { done: 28, total: 29 } });
    const { web } = await backgroundSetup();
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    expect(await deliver({ type: 'status' })).toMatchObject({
      ok: true,
      value: { running: false, progress: null },
    });
    await freshAlarm();
    await vi.waitFor(async () =>
      expect(await deliver({ type: 'status' })).toMatchObject({ value: { running: false, digestCount: 1 } }),
    );
    expect(web.asked(datedUrl(TODAY))).toHaveLength(1);
  });

  it("asks the browser whether each source's site may be read, and says so in words when not", async () => {
    const contains = vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockImplementation(async ({ origins }) => origins?.[0] !== 'https://mirror.example/*');
    const { background, web } = await backgroundSetup({
      customSources: [{ id: 'mirror', url: 'https://mirror.example/{date}.md', enabled: true, addedAt: 1 }],
    });
    const reply = await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://static.zou8944.com/*'] });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://mirror.example/*'] });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        sources: [
          { lastError: null },
          {},
          { sourceId: 'trending', lastError: null },
          {
            sourceId: 'custom:mirror',
            // In every language, picked when shown (the sync stores both).
            lastError: { en: expect.stringContaining('mirror.example: may not be read') },
          },
        ],
      },
    });
    expect(web.requests.some((request) => request.url.includes('mirror.example'))).toBe(false);
  });

  it('keeps to four requests in flight with a sync and the archive import running together', async () => {
    const { background, web } = await backgroundSetup();
    web.hold();
    const syncing = background.route({ type: 'syncNow' }, fromOurPopup);
    await background.route({ type: 'importArchive' }, fromOurPopup);
    await vi.waitFor(() => expect(web.requests.length).toBe(4));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(web.requests).toHaveLength(4);
    web.release();
    await syncing;
    const { services } = background;
    await (await services()).importer.finished();
    expect(web.maxInFlight).toBe(4);
    // The sync: 14 days of the AI digest and of GitHub 热门, and the homepage; the archive: both kinds of 347 days.
    expect(web.requests.length).toBe(29 + 2 * 347);
  });

  it('closes storage.local to content scripts at every worker start', async () => {
    const setAccessLevel = vi.spyOn(fakeBrowser.storage.local, 'setAccessLevel').mockResolvedValue(undefined);
    await backgroundSetup();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    await backgroundSetup();
    expect(setAccessLevel).toHaveBeenCalledTimes(2);
  });

  it('starts and answers where the browser cannot restrict storage.local (Firefox, Chrome before 140)', async () => {
    const local = fakeBrowser.storage.local as { setAccessLevel?: unknown };
    const original = local.setAccessLevel;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      local.setAccessLevel = undefined;
      await backgroundSetup();
      expect(await deliver({ type: 'status' })).toMatchObject({ ok: true });
      local.setAccessLevel = vi.fn(async () => {
        throw new Error('"local" has no access level');
      });
      await backgroundSetup();
      expect(await deliver({ type: 'status' })).toMatchObject({ ok: true });
    } finally {
      local.setAccessLevel = original;
    }
  });

  it('refuses every message but lookup and setCardCollapsed from a content script, leaving the library as it was', async () => {
    const { store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-28'));
    await store.write(storedDigest('2026-11-29'));
    const stored = (await store.readAll()).length;
    for (const type of ['clearData', 'exportData', 'syncNow', 'status']) {
      expect(await deliver({ type }, fromOurContentScript())).toMatchObject({
        ok: false,
        error: expect.stringContaining(`may only send lookup, setCardCollapsed, markLookup, not "${type}"`),
      });
    }
    expect(
      await deliver({ type: 'importData', payload: { file: {} } }, fromOurContentScript()),
    ).toMatchObject({
      ok: false,
    });
    expect((await store.readAll()).length).toBe(stored);
    expect(stored).toBe(2);
    expect(
      await deliver({ type: 'setCardCollapsed', payload: { collapsed: true } }, fromOurContentScript()),
    ).toEqual({ ok: true, value: { collapsed: true } });
    expect(
      await deliver(
        { type: 'lookup', payload: { keys: ['gh:repo:nobody/nothing'], site: 'github' } },
        fromOurContentScript(),
      ),
    ).toMatchObject({ ok: true, value: { matches: [], total: 0, collapsed: true } });
  });

  it('refuses a message whose sender is not this extension', async () => {
    await backgroundSetup();
    expect(await fakeBrowser.runtime.sendMessage({ type: 'status' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Refused'),
    });
  });

  it('answers the status with what the sync stored', async () => {
    const { background } = await backgroundSetup();
    await background.route({ type: 'syncNow' }, fromOurPopup);
    const reply = await deliver({ type: 'status' });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        running: false,
        lastSyncAt: expect.any(Number),
        sources: [{ sourceId: 'dated' }, { sourceId: 'homepage' }, { sourceId: 'trending' }],
      },
    });
  });

  it('loads the card UI into the tab, then asks it to toggle, on the keyboard shortcut; tabs of other sites refuse both', async () => {
    const { runCommand } = await backgroundSetup();
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockRejectedValue(new Error('Cannot access contents of the page.'));
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    runCommand('toggle-sidebar', { id: 3 });
    runCommand('toggle-sidebar', {});
    runCommand('something-else', { id: 3 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(1));
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'toggleSidebar' });
    // Badge-only mode loaded no UI on the page: the shortcut brings it, top frame only, before the toggle.
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: 3, frameIds: [0] },
      files: ['/page-ui.js'],
      injectImmediately: true,
    });
    expect(inject.mock.invocationCallOrder[0]).toBeLessThan(sendMessage.mock.invocationCallOrder[0] ?? 0);
  });

  it('looks for today soon after the publication hour, and tomorrow once today’s digests are stored', async () => {
    // NOW is 04:00 UTC, inside the window, with nothing stored and no attempt yet: a check in a minute.
    const { web, store } = await backgroundSetup();
    expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(NOW + 60_000);
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    web.on(trendingUrl(TODAY), { body: trendingMarkdown(sampleTrending(TODAY)) });
    await freshAlarm();
    // A whole sync: more than waitFor's default second on a loaded machine (a full run at load 10 missed it once).
    await vi.waitFor(async () => expect(await store.dates('github-trending')).toEqual([TODAY]), {
      timeout: 5000,
    });
    expect(await store.dates()).toEqual([TODAY]);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(
        Date.parse('2026-11-30T00:45:00Z'),
      ),
    );
  });

  it('keeps looking for today’s GitHub 热门 after today’s AI digest came, until it comes too (QA)', async () => {
    const { web, store } = await backgroundSetup();
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    await freshAlarm();
    // A whole sync: more than waitFor's default second on a loaded machine (a full run at load 10 missed it once).
    await vi.waitFor(async () => expect(await store.dates()).toEqual([TODAY]), { timeout: 5000 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(NOW + 30 * 60_000),
    );
    // Its source switched off: today's AI digest is all there is to look for.
    await saveSettings({ sources: { dated: true, homepage: true, trending: false } });
    await freshAlarm();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(
        Date.parse('2026-11-30T00:45:00Z'),
      ),
    );
  });

  it('after a sync that did not bring today, looks again in 30 minutes; a worker restart keeps that alarm', async () => {
    const { background } = await backgroundSetup();
    await background.route({ type: 'syncNow' }, fromOurPopup);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(NOW + 30 * 60_000),
    );
    await backgroundSetup();
    expect((await fakeBrowser.alarms.get('sync-fresh'))?.scheduledTime).toBe(NOW + 30 * 60_000);
  });

  it('syncs when the network comes back', async () => {
    // The worker's global scope fires `online`; Node's has no events: keep the listener to call it by hand.
    const online: (() => void)[] = [];
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'online') online.push(listener);
    });
    const { web } = await backgroundSetup();
    vi.unstubAllGlobals();
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    expect(online).toHaveLength(1);
    for (const listener of online) listener();
    await vi.waitFor(() => expect(web.asked(datedUrl(TODAY))).toHaveLength(1));
  });
});
