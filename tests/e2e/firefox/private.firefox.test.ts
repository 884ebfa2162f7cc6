/**
 * Firefox's permanent private browsing (`browser.privatebrowsing.autostart`), where IndexedDB refuses every write
 * (InvalidStateError, seen in ESR 153): the extension keeps the digests in memory for the session, syncs, shows them
 * in the popup and on the page, and says plainly that nothing is kept once the browser closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { allowInPrivateWindows, FirefoxCard, type FirefoxSession, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const digest = sampleDigest(today);
const NOTE = '隐私浏览模式：日报只保存在内存中，关闭浏览器后不会保留';

describe('Digest Lens in Firefox’s permanent private browsing', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([digest]);
    const tweet = digest.news[0]?.url ?? '';
    server.page(
      tweet,
      '<!doctype html><html><head><title>tweet</title></head><body><p>A tweet.</p></body></html>',
    );
    session = await launchFirefox({ server, prefs: { 'browser.privatebrowsing.autostart': true } });
    await allowInPrivateWindows(session);
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('syncs into memory and says so in the status', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.map(({ date }) => date), {
        timeout: 30_000,
        interval: 300,
      })
      .toEqual([today]);
    const status = await session.send('status');
    expect(status.memoryOnly).toBe(true);
    expect(status.digestCount).toBe(1);
  });

  it('shows the digest in the popup with the words that nothing is kept, and nothing about stored digests', async () => {
    const page = await session.openPopup();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.digest')?.getAttribute('data-date')), {
        timeout: 20_000,
      })
      .toBe(today);
    // The status (which says memory only) may answer after the digest is shown.
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.memory-only')?.innerText))
      .toBe(NOTE);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('可能仍在');
    expect(text).not.toContain('读取已保存的摘要失败');
    await session.screenshot(page, 'firefox-private-popup');
    await page.close();
  });

  it('answers the page from memory: the card on a tweet of the digest', async () => {
    const page = await session.openSite(digest.news[0]?.url ?? '');
    const card = new FirefoxCard(session.browser, page);
    await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
    expect(await card.text('aside')).toContain(digest.news[0]?.title ?? '');
  });
});
