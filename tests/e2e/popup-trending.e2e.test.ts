/**
 * The popup's third tab in real Chromium (issue 16): with a GitHub 热门 document served at its dated URL beside the
 * day's AI digest, the popup's GitHub 热门 tab lists the day's repositories, and search finds one, saying its digest.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureRepo,
  sampleDigest,
  sampleTrending,
  shanghaiDate,
  trendingMarkdown,
  trendingUrl,
} from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const today = shanghaiDate(0);
const repos: FixtureRepo[] = sampleTrending(today, [
  { repo: 'tide-pool/kelp-db', summary: '海带数据库是一个嵌入式时序数据库，面向物联网设备。' },
]);

const titles = (page: Page) => page.locator('.item-title').allInnerTexts();
const unreadCount = (page: Page) => page.locator('.day-read-bar .unread-count');

describe('the popup’s GitHub 热门 tab', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(today)]);
    server.set(trendingUrl(today), { body: trendingMarkdown(repos) });
    session = await launchExtension({ server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  async function openPopup(): Promise<Page> {
    const page = await session.openPopup();
    await page.setViewportSize({ width: 400, height: 600 });
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 20_000 })
      .toBe(today);
    return page;
  }

  it('lists the day’s trending repositories in the third tab, beside 新闻 and 工具', async () => {
    const page = await openPopup();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const tab = page.locator('[role="tab"][data-section="trending"]');
    await expect.poll(() => tab.innerText(), { timeout: 20_000 }).toBe(`GitHub 热门 ${repos.length}`);
    expect(await page.locator('[role="tab"]').allInnerTexts()).toEqual([
      '新闻 10',
      '工具 10',
      `GitHub 热门 ${repos.length}`,
    ]);
    await tab.click();
    expect(await titles(page)).toEqual(repos.map(({ repo }) => repo));
    await expect.poll(() => unreadCount(page).textContent()).toBe(`${repos.length} 条未读`);
    expect(await page.locator('.item-title a').first().getAttribute('href')).toBe(
      'https://github.com/tide-pool/kelp-db',
    );
    await session.screenshot(page, 'popup-trending');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a trending repository by search and opens it in its tab', async () => {
    const page = await openPopup();
    await page.locator('input.search').fill('kelp-db');
    await expect
      .poll(() => page.locator('.result-meta').allInnerTexts(), { timeout: 10_000 })
      .toEqual([`${today} · GitHub 热门 · 第 1 名`]);
    await page.locator('.result').click();
    await expect
      .poll(() => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-section'))
      .toBe('trending');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank))
      .toBe('1');
    await page.close();
  });

  it('marks the 热门 tab read with 全部标为已读, leaving the AI digest’s tabs unread', async () => {
    const page = await openPopup();
    await page.locator('[role="tab"][data-section="trending"]').click();
    await page.getByRole('button', { name: `全部标为已读（GitHub 热门，${today}）` }).click();
    await expect.poll(() => unreadCount(page).textContent()).toBe('全部已读');
    expect(await page.locator('.item[data-read]').count()).toBe(repos.length);
    await page.locator('[role="tab"][data-section="news"]').click();
    await expect.poll(() => unreadCount(page).textContent()).toBe('10 条未读');
    const { days } = await session.send('readState', { dates: [today] });
    expect(days[0]?.sections).toMatchObject({
      news: { unread: 10 },
      tools: { unread: 10 },
      trending: { unread: 0 },
    });
    await page.close();
  });
});
