/**
 * The popup in real Chromium, against fixture feeds served at the default source URLs: a fresh install syncs the
 * last 14 Shanghai days (three of them have a digest here), the popup shows the newest, finds an older item, and
 * keeps what is stored when every source fails.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureDigest, sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const today = shanghaiDate(0);
const older = shanghaiDate(-3);
const oldest = shanghaiDate(-9);

const newest: FixtureDigest = sampleDigest(today);
const olderDigest: FixtureDigest = sampleDigest(older, {
  tools: sampleDigest(older).tools.map((tool, index) =>
    index === 6
      ? {
          title: '推理引擎 Zephyrine 开源',
          url: 'https://github.com/fixture-e2e/zephyrine',
          summary: '一个只在这份旧摘要里出现的推理引擎，用来测试搜索。',
        }
      : tool,
  ),
});

function serveFeeds(server: FixtureServer): void {
  server.clear().setHandler(undefined);
  server.publish([newest, olderDigest, sampleDigest(oldest)]);
}

async function popupAt(session: ExtensionSession): Promise<Page> {
  const page = await session.openPopup();
  await page.setViewportSize({ width: 400, height: 600 });
  return page;
}

const titles = (page: Page) => page.locator('.item-title a').allInnerTexts();

/** The popup showing today's whole list of news (its first frame holds a first screen of items only, issue 13). */
async function todaysWholeList(session: ExtensionSession): Promise<Page> {
  const page = await popupAt(session);
  await expect.poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 10_000 }).toBe(today);
  await expect.poll(() => titles(page)).toEqual(newest.news.map((item) => item.title));
  return page;
}

describe('the popup after a fresh install', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await new FixtureServer().start();
    serveFeeds(server);
    session = await launchExtension({ server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('shows the newest digest’s date and all its news and tool titles', async () => {
    const page = await popupAt(session);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 20_000 })
      .toBe(today);
    await expect.poll(() => page.locator('.date-picker').inputValue()).toBe(today);
    expect(await page.locator('.issue-link').innerText()).toBe('原文链接');
    expect(await titles(page)).toEqual(newest.news.map((item) => item.title));
    await session.screenshot(page, 'popup-light');
    await page.locator('[role="tab"][data-section="tools"]').click();
    expect(await titles(page)).toEqual(newest.tools.map((item) => item.title));
    expect(await page.locator('.status-text').innerText()).toMatch(/^上次同步：/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the closed date list’s day whole, with its unread count, in the header’s one row', async () => {
    const page = await popupAt(session);
    await expect.poll(() => page.locator('.date-picker option:checked').innerText()).toMatch(/ · \d+ 未读$/);
    const fit = await page.evaluate(() => {
      const picker = document.querySelector<HTMLSelectElement>('.date-picker') as HTMLSelectElement;
      const text = picker.selectedOptions[0]?.textContent ?? '';
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = getComputedStyle(picker).font;
      const header = document.querySelector('.digest-header') as HTMLElement;
      const boxes = [...header.children].map((child) => child.getBoundingClientRect());
      return {
        text,
        room: picker.getBoundingClientRect().width - context.measureText(text).width,
        // One row: everything within the header's height (the row is 40 px; two rows would be twice that).
        height: Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.top)),
        right: Math.max(...boxes.map((box) => box.right)),
      };
    });
    // Room for the select's arrow and padding (a QA pass measured 157 px of text in a 126 px select).
    expect(fit.room, fit.text).toBeGreaterThanOrEqual(24);
    expect(fit.height).toBeLessThanOrEqual(40);
    expect(fit.right).toBeLessThanOrEqual(400);
    await page.close();
  });

  it('moves through the items with the arrow keys and opens the focused one’s source with Enter', async () => {
    const page = await popupAt(session);
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(today);
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank)).toBe('3');
    await session.screenshot(page, 'popup-keyboard');
    const [opened] = await Promise.all([session.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    expect(opened.url()).toBe(newest.news[2]?.url);
    await opened.close();
    // From the tabs ArrowUp goes up to the search box, not round to the list's last row; ArrowDown enters at the first.
    const focused = () => page.evaluate(() => document.activeElement?.className ?? '');
    const tab = page.locator('[role="tab"][aria-selected="true"]');
    await tab.focus();
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('search');
    await tab.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank)).toBe('1');
    await page.close();
  });

  it('moves to an older stored digest', async () => {
    const page = await popupAt(session);
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(today);
    await expect.poll(() => page.locator('.date-picker option:not([disabled])').count()).toBe(3);
    // The shown month's days without a digest, between the oldest stored day and today, are listed but not choosable.
    const monthStart = `${today.slice(0, 7)}-01`;
    const gaps = [-1, -2, -4, -5, -6, -7, -8]
      .map((days) => shanghaiDate(days))
      .filter((date) => date >= monthStart);
    expect(
      await page
        .locator('.date-picker option[disabled]')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(gaps);
    await page.locator('.nav').first().click();
    await expect.poll(() => page.locator('.digest').getAttribute('data-date')).toBe(older);
    await page.locator('.date-picker').selectOption(oldest);
    await expect.poll(() => page.locator('.digest').getAttribute('data-date')).toBe(oldest);
    await page.close();
  });

  it('keeps the date row and the 新闻 / 工具 tabs on screen while the list scrolls', async () => {
    const page = await todaysWholeList(session);
    await page.locator('[role="tab"][data-section="tools"]').click();
    const scrolled = await page.evaluate(() => {
      const content = document.querySelector('.content') as HTMLElement;
      content.scrollTop = content.scrollHeight;
      return { top: content.scrollTop, overflow: content.scrollHeight - content.clientHeight };
    });
    // The list really scrolled (more than the header and tabs are tall), so only sticking keeps them in view.
    expect(scrolled.overflow).toBeGreaterThan(100);
    expect(scrolled.top).toBeGreaterThan(100);
    const onTop = await page.evaluate(() => {
      const hit = (selector: string) => {
        const element = document.querySelector(selector) as HTMLElement;
        const box = element.getBoundingClientRect();
        const found = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          top: Math.round(box.top),
          visible: !!found && (element === found || element.contains(found)),
        };
      };
      return { picker: hit('.date-picker'), tab: hit('[role="tab"][data-section="news"]') };
    });
    expect(onTop.picker.visible).toBe(true);
    expect(onTop.tab.visible).toBe(true);
    const contentTop = await page.evaluate(
      () => document.querySelector('.content')?.getBoundingClientRect().top ?? -1,
    );
    expect(onTop.picker.top).toBeGreaterThanOrEqual(Math.floor(contentTop));
    // A row focused from below (the arrow keys going up) scrolls clear of them, not under them.
    const clear = await page.evaluate(() => {
      const row = document.querySelectorAll<HTMLElement>('.item')[1] as HTMLElement;
      row.focus();
      const tabs = document.querySelector('.tabs')?.getBoundingClientRect().bottom ?? 0;
      return row.getBoundingClientRect().top - tabs;
    });
    expect(clear).toBeGreaterThanOrEqual(0);
    // The tabs still switch from there.
    await page.locator('[role="tab"][data-section="news"]').click();
    expect(await titles(page)).toEqual(newest.news.map((item) => item.title));
    await session.screenshot(page, 'popup-scrolled');
    await page.close();
  });

  it('starts another tab or day at its first item, under the tabs, however far the last list was scrolled', async () => {
    const page = await popupAt(session);
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(today);
    const scrollDown = () =>
      page.evaluate(() => {
        const content = document.querySelector('.content') as HTMLElement;
        content.scrollTop = content.scrollHeight;
        return content.scrollTop;
      });
    /** The first item's top, less the tabs' bottom: 0 or a little more when it shows right under them. */
    const firstItemBelowTabs = () =>
      page.evaluate(() => {
        const first = document.querySelector('.item')?.getBoundingClientRect().top ?? Number.NaN;
        return first - (document.querySelector('.tabs')?.getBoundingClientRect().bottom ?? 0);
      });
    // The day's whole list (its first frame holds a first screen of items only, issue 13).
    await expect.poll(() => titles(page)).toEqual(newest.news.map((item) => item.title));
    expect(await scrollDown()).toBeGreaterThan(100);
    await page.locator('[role="tab"][data-section="tools"]').click();
    await expect.poll(() => titles(page)).toEqual(newest.tools.map((item) => item.title));
    expect(await firstItemBelowTabs()).toBeGreaterThanOrEqual(0);
    expect(await firstItemBelowTabs()).toBeLessThan(40);
    expect(await scrollDown()).toBeGreaterThan(100);
    await page.locator('.digest-header .nav').first().click();
    await expect.poll(() => page.locator('.digest').getAttribute('data-date')).toBe(older);
    expect(await firstItemBelowTabs()).toBeGreaterThanOrEqual(0);
    expect(await firstItemBelowTabs()).toBeLessThan(40);
    await page.close();
  });

  it('comes back to where the day’s list was scrolled when a search is cleared with Esc', async () => {
    const page = await todaysWholeList(session);
    const content = page.locator('.content');
    const top = await content.evaluate(async (main) => {
      main.scrollTop = 200;
      // The scroll is told at the next frame.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return main.scrollTop;
    });
    expect(top).toBeGreaterThan(100);
    await page.locator('input.search').fill('Zephyrine');
    await expect.poll(() => page.locator('.result').count()).toBe(1);
    await page.locator('input.search').press('Escape');
    await expect.poll(() => titles(page)).toEqual(newest.news.map((item) => item.title));
    expect(await content.evaluate((main) => main.scrollTop)).toBe(top);
    await page.close();
  });

  it('finds an item from an older digest and opens it there', async () => {
    const page = await popupAt(session);
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 10_000 })
      .toBe(today);
    await page.keyboard.press('/');
    await page.keyboard.type('Zephyrine');
    const result = page.locator('.result').first();
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.locator('.result-meta').innerText()).toBe(`${older} · 工具 · 第 7 条`);
    expect(await result.locator('mark').innerText()).toBe('Zephyrine');
    await session.screenshot(page, 'popup-search');
    // A Chinese substring of a summary: the hit shows the summary around the match, highlighted.
    await page.locator('input.search').fill('只在这份旧摘要');
    await expect.poll(() => page.locator('.result-snippet mark').allInnerTexts()).toEqual(['只在这份旧摘要']);
    expect(await page.locator('.result-title').allInnerTexts()).toEqual(['推理引擎 Zephyrine 开源']);
    // Latin typed straight into Chinese, as a Chinese input method types it: both parts, highlighted together.
    await page.locator('input.search').fill('zephyrine开源');
    await expect.poll(() => page.locator('.result-title mark').allInnerTexts()).toEqual(['Zephyrine 开源']);
    await page.locator('input.search').fill('Zephyrine');
    await expect.poll(() => page.locator('.result-title mark').allInnerTexts()).toEqual(['Zephyrine']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.digest').getAttribute('data-date')).toBe(older);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rank))
      .toBe('7');
    expect(await page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-section')).toBe(
      'tools',
    );
    await page.close();
  });

  it('keeps showing what is stored and says why when every source fails', async () => {
    const page = await popupAt(session);
    // The install sync has stored the newest digest (also when this test runs alone); only then do the sources fail.
    await expect
      .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 20_000 })
      .toBe(today);
    server.clear().setHandler(() => ({ status: 500, body: 'Internal Server Error' }));
    await page.locator('.sync-button').click();
    const errors = page.locator('.status-errors');
    await expect.poll(() => errors.count(), { timeout: 30_000 }).toBe(1);
    const text = await errors.innerText();
    expect(text).toContain('同步失败');
    expect(text).toContain('每日文件');
    expect(text).toContain('500');
    expect(await titles(page)).toEqual(newest.news.map((item) => item.title));
    await session.screenshot(page, 'popup-sync-failed');
    await page.close();
  });
});

describe('the popup in dark mode and in English', () => {
  it('follows prefers-color-scheme and the browser language', async () => {
    const server = await new FixtureServer().start();
    serveFeeds(server);
    const session = await launchExtension({ server, colorScheme: 'dark', locale: 'en-US' });
    try {
      const page = await popupAt(session);
      await expect
        .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 20_000 })
        .toBe(today);
      expect(await page.locator('[role="tab"]').allInnerTexts()).toEqual([
        'News 10',
        'Tools 10',
        'GitHub trending 0',
      ]);
      // The date row's longer English words are whole (they were cut to "Tod…" and "Origi…"): the row wraps.
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.digest-header *')]
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element) => element.textContent),
      );
      expect(cut).toEqual([]);
      // The search box's hint is whole too ("(press /)" was cut off): its text fits the box's content width.
      const hint = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input.search') as HTMLInputElement;
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        context.font = style.font;
        const room =
          input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return { text: input.placeholder, fits: context.measureText(input.placeholder).width <= room };
      });
      expect(hint).toEqual({ text: expect.stringContaining('/'), fits: true });
      expect(await page.locator('.issue-link').innerText()).toBe('Original issue');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(27, 29, 34)');
      await session.screenshot(page, 'popup-dark');
    } finally {
      await session.close();
      await server.stop();
    }
  });
});

describe('the popup with nothing stored', () => {
  it('is honest when offline on first run, and retries', async () => {
    const server = await new FixtureServer().start();
    server.setHandler(() => ({ status: 500, body: 'down' }));
    const session = await launchExtension({ server });
    try {
      const page = await popupAt(session);
      await expect.poll(() => page.locator('.empty').count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator('.status-errors').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.locator('.empty').innerText()).toContain('没能获取摘要');
      await session.screenshot(page, 'popup-empty-offline');
      serveFeeds(server);
      await page.locator('.retry').click();
      await expect
        .poll(() => page.locator('.digest').getAttribute('data-date'), { timeout: 30_000 })
        .toBe(today);
    } finally {
      await session.close();
      await server.stop();
    }
  });
});
