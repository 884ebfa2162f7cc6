/**
 * The readers' first screen kept between opens (issue 13, components/shared/first-screen.ts), in real Chromium: a
 * popup opened again draws today's items before the worker has answered (here a stopped worker, which must start
 * first), follows the worker's answer when the day changed meanwhile, and never draws a day the options page cleared.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../lib/schema';
import { sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, stopWorker } from './harness';

const today = shanghaiDate(0);
const digest = sampleDigest(today);

/**
 * In every extension page, from its start: when an item first reached the page (`firstItemAt`), and when the reader's
 * first `latestDigest` got its answer from the worker (`answeredAt`).
 */
function watchFirstScreen(): void {
  const seen = globalThis as { firstItemAt?: number; answeredAt?: number; itemsSeen?: string[] };
  seen.itemsSeen = [];
  new MutationObserver(() => {
    const first = document.querySelector('.item-title');
    if (!first) return;
    seen.firstItemAt ??= performance.now();
    if (seen.itemsSeen && !seen.itemsSeen.includes(first.textContent ?? ''))
      seen.itemsSeen.push(first.textContent ?? '');
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const runtime = (
    globalThis as unknown as {
      chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } };
    }
  ).chrome?.runtime;
  const send = runtime?.sendMessage;
  if (!runtime || !send) return;
  runtime.sendMessage = (...args: unknown[]) => {
    const answer = send.apply(runtime, args);
    if ((args[0] as { type?: string } | undefined)?.type === 'latestDigest' && seen.answeredAt === undefined)
      void answer.then(() => {
        seen.answeredAt ??= performance.now();
      });
    return answer;
  };
}

const firstScreen = (page: Page) =>
  page.evaluate(() => {
    const seen = globalThis as { firstItemAt?: number; answeredAt?: number; itemsSeen?: string[] };
    return { firstItemAt: seen.firstItemAt, answeredAt: seen.answeredAt, itemsSeen: seen.itemsSeen ?? [] };
  });

const firstTitle = (page: Page) => page.locator('.item-title a').first().innerText();

describe('the readers’ first screen, kept from their last open', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([digest]);
    session = await launchExtension({ server });
    await session.context.addInitScript(watchFirstScreen);
    // The first sync of the fresh install stores the day.
    const deadline = Date.now() + 20_000;
    while ((await session.send('listDigests')).digests.length < 1 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('draws today’s items at once on the next open, before the worker (stopped, starting again) answers', async () => {
    const first = await session.openPopup();
    await expect.poll(() => firstTitle(first), { timeout: 10_000 }).toBe(digest.news[0]?.title);
    await first.close();

    const control = await session.openOptions();
    await stopWorker(session, control);
    const popup = await session.openPopup();
    await expect.poll(async () => (await firstScreen(popup)).answeredAt, { timeout: 10_000 }).toBeDefined();
    const { firstItemAt, answeredAt } = await firstScreen(popup);
    expect(firstItemAt).toBeDefined();
    expect(firstItemAt as number).toBeLessThan(answeredAt as number);
    expect(await firstTitle(popup)).toBe(digest.news[0]?.title);
    // The side panel's page is the same reader: the same kept screen.
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    await expect.poll(() => firstTitle(panel), { timeout: 10_000 }).toBe(digest.news[0]?.title);
    await Promise.all([popup.close(), panel.close(), control.close()]);
  });

  it('follows the worker when today’s digest changed since the kept screen (a sync corrected it)', async () => {
    const before = await session.openPopup();
    await expect.poll(() => firstTitle(before), { timeout: 10_000 }).toBe(digest.news[0]?.title);
    await before.close();
    const file: ExportFile = await session.send('exportData');
    const corrected = '今日第一条新闻（更正后的标题）';
    const [stored] = file.digests;
    if (!stored) throw new Error('nothing exported');
    const items = stored.items.map((item) =>
      item.section === 'news' && item.rank === 1 ? { ...item, title: corrected } : item,
    );
    // A version fetched later with other content replaces the stored one (as a sync's would).
    const newer = { ...stored, items, contentHash: 'corrected', fetchedAt: stored.fetchedAt + 1 };
    expect(await session.send('importData', { file: { ...file, digests: [newer] } })).toMatchObject({
      updated: 1,
    });
    const popup = await session.openPopup();
    await expect.poll(() => firstTitle(popup), { timeout: 10_000 }).toBe(corrected);
    // Drawn from the kept screen first, then as the worker answered.
    expect((await firstScreen(popup)).itemsSeen).toEqual([digest.news[0]?.title, corrected]);
    await popup.close();
    // Kept as the worker answered: the next open draws the corrected day at once.
    const again = await session.openPopup();
    await expect.poll(async () => (await firstScreen(again)).answeredAt, { timeout: 10_000 }).toBeDefined();
    expect((await firstScreen(again)).itemsSeen).toEqual([corrected]);
    await again.close();
  });

  it('draws no day the options page cleared, not even for a moment', async () => {
    const options = await session.openOptions();
    await options.locator('.clear').click();
    await options.locator('.clear-yes').click();
    await expect.poll(async () => (await session.send('listDigests')).digests.length).toBe(0);
    await options.close();
    server.clear().setHandler(() => ({ status: 500, body: 'down' }));
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('.empty').count(), { timeout: 10_000 }).toBe(1);
    expect((await firstScreen(popup)).itemsSeen).toEqual([]);
    await popup.close();
  });
});
