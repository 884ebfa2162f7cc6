/**
 * Fresh at the publisher's hour: the first sync finds only yesterday's digest; today's is published afterwards; the
 * popup, opened again, brings it in by itself. "Today" is the real Shanghai date (the extension uses the real clock;
 * the reopened popup's is moved to today's publication window when the real one is before it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationWindow, todayIsLate } from '../../lib/sync/schedule';
import {
  datedUrl,
  digestMarkdown,
  HOMEPAGE_URL,
  sampleDigest,
  shanghaiDate,
} from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const today = shanghaiDate(0);
const yesterday = shanghaiDate(-1);

describe('today’s digest after the publisher’s hour', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.set(datedUrl(yesterday), {
      body: digestMarkdown(sampleDigest(yesterday)),
      headers: { etag: `"${yesterday}"` },
    });
    server.set(HOMEPAGE_URL, { body: `# 我的文字\n\n${digestMarkdown(sampleDigest(yesterday))}` });
    session = await launchExtension({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('first sync: yesterday’s only, and the popup says when today’s usually arrives', async () => {
    await expect
      .poll(async () => (await session.send('status')).lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    expect((await session.send('listDigests')).digests.map((digest) => digest.date)).toEqual([yesterday]);
    const popup = await session.openPopup();
    await expect
      .poll(() => popup.locator('.digest').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(yesterday);
    // Past 9:00 in Shanghai it says today's is not in yet.
    expect(await popup.locator('.today-note').innerText()).toBe(
      todayIsLate(Date.now())
        ? '今天的日报还没到，通常在北京时间 8:40 左右发布'
        : '今天的日报通常在北京时间 8:40 左右发布',
    );
    await popup.close();
  });

  it('once today’s is published, opening the popup brings it in within 30 s, with no click', async () => {
    server.set(datedUrl(today), {
      body: digestMarkdown(sampleDigest(today)),
      headers: { etag: `"${today}"` },
    });
    // Time passes: the last attempt is now 10 minutes old (the popup syncs on opening only after 5).
    await session.worker.evaluate(async () => {
      const { syncStatus } = (await chrome.storage.local.get('syncStatus')) as {
        syncStatus: { lastSyncAt: number };
      };
      await chrome.storage.local.set({
        syncStatus: { ...syncStatus, lastSyncAt: syncStatus.lastSyncAt - 10 * 60_000 },
      });
    });
    const asked = server.requested(datedUrl(yesterday)).length;
    // Before today's publication window (00:45 UTC) the popup does not sync on opening: nothing can be new. Its
    // clock is then set to the window's start (the same Shanghai day); the background keeps the real one.
    const popup = await session.context.newPage();
    const windowStart = publicationWindow(today).start;
    if (Date.now() < windowStart) await popup.clock.setFixedTime(windowStart);
    await popup.goto(session.extensionUrl('popup.html'));
    await expect
      .poll(() => popup.locator('.digest').getAttribute('data-date'), { timeout: 30_000, interval: 250 })
      .toBe(today);
    expect(await popup.locator('.today-note').count()).toBe(0);
    // Still conditional: yesterday's was asked again with the ETag it had.
    const again = server.requests.filter((request) => request.url === datedUrl(yesterday)).slice(asked);
    expect(again.length).toBeGreaterThan(0);
    expect(again.at(-1)?.headers['if-none-match']).toBe(`"${yesterday}"`);
    await popup.close();
  });
});
