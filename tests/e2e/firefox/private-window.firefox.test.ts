/**
 * A private window beside normal ones (QA 2026-12-02), the add-on allowed in private windows as about:addons does:
 * the page visited there gets its card and badge, and nothing of the visit is kept in the library (Firefox's MV2
 * add-on is "spanning": one background and one IndexedDB for every window).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { allowInPrivateWindows, type FirefoxSession, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const digest = sampleDigest(today);
const repo = digest.tools[0]?.url ?? '';

describe('Digest Lens in a Firefox private window', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([digest]);
    server.page(
      repo,
      '<!doctype html><html><head><title>repo</title></head><body><h1>A repo</h1></body></html>',
    );
    session = await launchFirefox({ server });
    await allowInPrivateWindows(session);
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('shows a visited item (the badge counts it) and keeps no read state of the visit', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.length, {
        timeout: 30_000,
        interval: 300,
      })
      .toBe(1);
    const control = await session.openOptions();
    const opened = await control.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const window = await api.windows.create({ incognito: true, url });
      return { tabId: window?.tabs?.[0]?.id ?? -1, incognito: window?.incognito };
    }, repo);
    expect(opened.incognito).toBe(true);
    await expect
      .poll(async () => (await session.badges())[opened.tabId], { timeout: 15_000, interval: 300 })
      .toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await session.send('readState', { dates: [today] })).days[0]?.read).toEqual([]);
  });
});
