/**
 * 本页相关 in real Chromium: a page served at github.com or x.com looks up its items; the popup opened for that tab
 * leads with them, before the day's digest — in badge-only mode too, where the page shows no card. The popup is
 * opened as a page in a tab of its own, so it is told the page's tab with its test hook `popup.html?tab=<id>`
 * (lib/ui/active-tab.ts); without it, it asks `tabs.query` for the active tab, which is then its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { datedUrl, digestMarkdown, type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';
import { badges, openTab } from './tabs';

const today = shanghaiDate(0);
const older = shanghaiDate(-4);

const digests: FixtureDigest[] = [
  {
    date: today,
    news: [
      {
        title: '实验室发布会写代码的小模型',
        url: 'https://x.com/lens_lab/status/1862000000000000001',
        summary: '一个七十亿参数的代码模型，在多文件修改任务上接近更大的模型。',
      },
    ],
    tools: [
      {
        title: 'Lens Index：给仓库建语义索引',
        url: 'https://github.com/lens-org/lens-index',
        summary: '在本机为代码仓库建立语义索引，支持用中文提问定位函数。',
      },
    ],
  },
  {
    date: older,
    news: [
      {
        title: '社区用 Lens Index 做代码问答评测',
        summary: '社区成员用 Lens Index 在五个开源项目上做了代码问答评测，并公开了脚本。',
        sources: ['https://news.ycombinator.com/item?id=5151', 'https://github.com/lens-org/lens-index'],
      },
    ],
    tools: [],
  },
];

const URLS = {
  repo: 'https://github.com/lens-org/lens-index',
  tweet: 'https://x.com/Lens_Lab/status/1862000000000000001',
  unrelated: 'https://github.com/someone/not-in-any-digest',
  /** A site the extension serves no script on. */
  elsewhere: 'https://unrelated.example/a-post-about-lens-index',
};

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

async function openPopupFor(session: ExtensionSession, tabId?: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`));
  await popup.locator('.digest').waitFor();
  return popup;
}

const pageSection = (popup: Page) => popup.locator('section.page-matches');

describe('本页相关: the popup leads with the active tab’s matches', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    for (const digest of digests)
      server.set(datedUrl(digest.date), {
        body: digestMarkdown(digest),
        headers: { 'content-type': 'text/markdown' },
      });
    server.page(URLS.repo, page('lens-index'));
    server.page(URLS.tweet, page('A tweet'));
    server.page(URLS.unrelated, page('unrelated'));
    server.page(URLS.elsewhere, page('elsewhere'));
    session = await launchExtension({ server });
    // The background syncs the last 14 days on install; wait until both fixture digests are stored.
    await vi.waitFor(
      async () =>
        expect((await session.send('listDigests')).digests.map((digest) => digest.date)).toEqual([
          today,
          older,
        ]),
      { timeout: 30_000, interval: 250 },
    );
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
  afterEach(async () => {
    for (const open of session.context.pages())
      if (open.url().includes('popup.html') || !open.url().startsWith('chrome-extension:'))
        await open.close();
  });

  it('opens for a matched repo with its two cards under 本页相关, newest first, before the day’s digest', async () => {
    const { tabId } = await openTab(session, URLS.repo);
    await expect.poll(async () => (await badges(session)).get(tabId)).toBe('2');
    const popup = await openPopupFor(session, tabId);
    const section = pageSection(popup);
    await section.waitFor();
    expect(await section.locator('.page-matches-heading').innerText()).toBe('本页相关');
    expect(await section.locator('.item-title a').allInnerTexts()).toEqual([
      'Lens Index：给仓库建语义索引',
      '社区用 Lens Index 做代码问答评测',
    ]);
    expect(
      await section
        .locator('time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
    ).toEqual([today, older]);
    // It leads: the first thing in the list, and the first stop of the keyboard after the header.
    const firstStop = await popup.evaluate(() => {
      const stop = document.querySelector('main [data-nav-item]');
      return stop?.closest('section')?.className ?? null;
    });
    expect(firstStop).toBe('page-matches');
    expect(await popup.locator('main > *').first().getAttribute('class')).toBe('page-matches');
    await session.screenshot(popup, 'popup-this-page');
  });

  it('serves badge-only mode: the tweet shows no card, the popup has its item', async () => {
    const options = await session.openOptions();
    await options.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), sidebarMode: 'badge' } });
    });
    try {
      const { tab, tabId } = await openTab(session, URLS.tweet);
      await expect.poll(async () => (await badges(session)).get(tabId)).toBe('1');
      // Badge-only: no card host on the page.
      expect(await tab.evaluate(() => document.documentElement.children.length)).toBe(2);
      const popup = await openPopupFor(session, tabId);
      await pageSection(popup).waitFor();
      expect(await pageSection(popup).locator('.item-title a').allInnerTexts()).toEqual([
        '实验室发布会写代码的小模型',
      ]);
    } finally {
      await options.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), sidebarMode: 'auto' } });
      });
      await options.close();
    }
  });

  it('shows no such section for an unmatched tab, nor for the popup’s own tab', async () => {
    const { tabId } = await openTab(session, URLS.unrelated);
    // Let the page's lookup answer (it clears the badge) before asking.
    await expect.poll(async () => (await badges(session)).get(tabId)).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const popup = await openPopupFor(session, tabId);
    await popup.waitForTimeout(300);
    expect(await pageSection(popup).count()).toBe(0);
    expect(await popup.locator('.digest .item').count()).toBeGreaterThan(0);

    const own = await openPopupFor(session);
    await own.waitForTimeout(300);
    expect(await pageSection(own).count()).toBe(0);
  });

  it('forgets the page a tab left for a site without the script, and learns the next served page’s', async () => {
    const { tab, tabId } = await openTab(session, URLS.repo);
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(2);
    await tab.goto(URLS.elsewhere);
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(0);
    // The browser says the tab is loading before the new page's script asks: a reload is looked up anew.
    await tab.goto(URLS.repo);
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(2);
    await tab.reload();
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await session.send('pageMatches', { tabId })).total).toBe(2);
  });

  it('forgets a closed tab', async () => {
    const { tab, tabId } = await openTab(session, URLS.repo);
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(2);
    await tab.close();
    await expect.poll(async () => (await session.send('pageMatches', { tabId })).total).toBe(0);
  });
});
