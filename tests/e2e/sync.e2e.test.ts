import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalizedText, textIn } from '../../lib/i18n';
import {
  archiveUrl,
  datedUrl,
  digestMarkdown,
  HOMEPAGE_URL,
  sampleDigest,
  shanghaiDate,
} from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const today = shanghaiDate(0);
const servedDates = [today, shanghaiDate(-1), shanghaiDate(-3), shanghaiDate(-6)];
const archivedDates = ['2025-06-22', '2025-09-10', '2026-06-03'];

describe('background sync in Chromium', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    for (const date of servedDates) {
      server.set(datedUrl(date), {
        body: digestMarkdown(sampleDigest(date)),
        headers: { etag: `"${date}"` },
      });
    }
    for (const date of archivedDates)
      server.set(archiveUrl(date), { body: digestMarkdown(sampleDigest(date)) });
    server.set(HOMEPAGE_URL, { body: `# 我的文字\n\n${digestMarkdown(sampleDigest(today))}` });
    session = await launchExtension({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('syncs by itself after a fresh install', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.map((digest) => digest.date), {
        timeout: 20_000,
      })
      .toEqual(servedDates);
    const { digest } = await session.send('latestDigest');
    expect(digest?.date).toBe(today);
    expect(digest?.items.map((item) => item.title)).toContain(sampleDigest(today).news[0]?.title);
    // The digests can be listed while the last documents of that sync are still on their way.
    await expect
      .poll(async () => (await session.send('status')).lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    const status = await session.send('status');
    expect(status.sources.map((source) => [source.sourceId, source.lastError])).toEqual([
      ['dated', null],
      ['homepage', null],
      ['trending', null],
    ]);
    expect(server.requested(datedUrl(shanghaiDate(-13)))).toHaveLength(1);
    const alarm = await session.worker.evaluate(() => chrome.alarms.get('sync'));
    expect(alarm?.periodInMinutes).toBe(360);
  });

  it('asks again with the ETag it got, and not again for an old day that was missing', async () => {
    await session.send('syncNow');
    const todaysRequests = server.requests.filter((request) => request.url === datedUrl(today));
    expect(todaysRequests.at(-1)?.headers['if-none-match']).toBe(`"${today}"`);
    expect(server.requested(datedUrl(shanghaiDate(-13)))).toHaveLength(1);
  });

  it('imports the archive on demand, with progress, and ends with the right counts', async () => {
    const started = await session.send('importArchive');
    // Its total is known once it has read the settings (GitHub 热门 on: both kinds of each of the 347 days).
    expect(started).toMatchObject({ state: 'running' });
    await expect
      .poll(async () => (await session.send('importStatus')).state, { timeout: 30_000, interval: 200 })
      .toBe('done');
    expect(await session.send('importStatus')).toEqual({
      state: 'done',
      done: 2 * 347,
      total: 2 * 347,
      stored: 3,
      notFound: 2 * 347 - 3,
      failed: 0,
      error: null,
    });
    const dates = (await session.send('listDigests')).digests.map((digest) => digest.date);
    expect(dates).toEqual([...servedDates, ...[...archivedDates].reverse()]);
  });

  it('keeps every stored digest when the source then answers 500, and says which source failed', async () => {
    server.setHandler(() => ({ status: 500, body: 'Internal Server Error' }));
    server.clear('https://');

    const status = await session.send('syncNow');

    const dates = (await session.send('listDigests')).digests.map((digest) => digest.date);
    expect(dates.slice(0, servedDates.length)).toEqual(servedDates);
    const dated = status.sources.find((source) => source.sourceId === 'dated');
    // Stored in every language; the Chinese words are those a Chinese browser (the harness's default) shows.
    expect(inChinese(dated?.lastError)).toMatch(
      /^static\.zou8944\.com, \d{4}-\d{2}-\d{2}：服务器返回 HTTP 500（已尝试 3 次）/,
    );
    expect(inChinese(status.sources.find((source) => source.sourceId === 'homepage')?.lastError)).toBe(
      'raw.githubusercontent.com：服务器返回 HTTP 500（已尝试 3 次）',
    );
    expect((await session.send('latestDigest')).digest?.items).toHaveLength(20);
  });

  it("says in words that a custom source's site was not allowed, and asks it nothing", async () => {
    server.setHandler(undefined);
    const template = 'https://fixtures.test/feed/{date}.md';
    server.set(template.replace('{date}', today), { body: digestMarkdown(sampleDigest(today)) });
    // As if the permission prompt had been dismissed, or the site access withdrawn in the browser's settings.
    await session.worker.evaluate(async (url) => {
      await chrome.storage.local.set({
        settings: { customSources: [{ id: 'mine', url, enabled: true, addedAt: 1 }] },
      });
    }, template);

    const status = await session.send('syncNow');

    const custom = status.sources.find((source) => source.sourceId === 'custom:mine');
    expect(inChinese(custom?.lastError)).toBe(
      'fixtures.test：Digest Lens 没有读取此网站的权限（请在浏览器的扩展程序设置中允许访问此网站）',
    );
    expect(server.requested('https://fixtures.test/')).toEqual([]);
  });
});

describe('a worker stopped in the middle of a sync', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  const quickDates = [today, shanghaiDate(-1)];
  const slowDates = [shanghaiDate(-2), shanghaiDate(-3)];

  beforeAll(async () => {
    server = await new FixtureServer().start();
    for (const date of quickDates) server.set(datedUrl(date), { body: digestMarkdown(sampleDigest(date)) });
    // Still on their way when the worker is stopped.
    for (const date of slowDates)
      server.set(datedUrl(date), { body: digestMarkdown(sampleDigest(date)), delayMs: 4_000 });
    server.set(HOMEPAGE_URL, { body: `# 我的文字\n\n${digestMarkdown(sampleDigest(today))}` });
    session = await launchExtension({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('keeps what it stored, and the next sync completes the work', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.map((digest) => digest.date), {
        timeout: 20_000,
      })
      .toEqual(quickDates);
    expect(server.requested(datedUrl(slowDates[0] ?? ''))).toHaveLength(1);

    const page = await session.openOptions();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The stopped sync never finished: its stored status still says running; a new worker knows no sync.
    const left = await page.evaluate(() => chrome.storage.local.get('syncStatus'));
    expect(left).toMatchObject({ syncStatus: { running: true } });
    expect(await session.send('status')).toMatchObject({ running: false, digestCount: 2 });
    await page.close();

    const status = await session.send('syncNow');
    expect(status.sources.map((source) => [source.sourceId, source.lastError])).toEqual([
      ['dated', null],
      ['homepage', null],
      ['trending', null],
    ]);
    const dates = (await session.send('listDigests')).digests.map((digest) => digest.date);
    expect(dates).toEqual([...quickDates, ...slowDates]);
    for (const date of dates) expect((await session.send('digest', { date })).digest?.items).toHaveLength(20);
  });
});

function inChinese(text: string | LocalizedText | null | undefined): string | null {
  return text ? textIn(text, 'zh') : null;
}
