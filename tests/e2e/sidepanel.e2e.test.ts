/**
 * The side panel in real Chromium (issue 13). The panel's page is opened as a tab of its own and driven like the
 * popup; it learns "the current tab" from the background (the last web page's tab the user switched to in its
 * window, never its own tab nor another extension page), as the docked panel does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';
import { badges, cardHosts, openTab } from './tabs';

const today = shanghaiDate(0);

const REPO = 'https://github.com/dock-org/dock-reader';
const TWEET = 'https://x.com/dock_lab/status/1863000000000000002';
const UNRELATED = 'https://github.com/someone/not-in-any-digest';

const digest: FixtureDigest = {
  date: today,
  news: [
    { title: '停靠实验室发布长文阅读模型', url: TWEET, summary: '一个专为长文摘要训练的小模型。' },
    { title: '第二条新闻', url: 'https://github.com/dock-org/second-news', summary: '第二条新闻的摘要。' },
  ],
  tools: [{ title: 'Dock Reader：侧边阅读器', url: REPO, summary: '在浏览器侧边栏里读当天的摘要。' }],
};

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"><title>${title}</title></head><body style="font-family: sans-serif; margin: 32px"><h1>${title}</h1><p>A page the digest links to: its item leads the side panel beside it.</p></body></html>`;

/** The panel beside the page, as Chrome docks it: both shot at their sizes and set side by side in one image. */
async function besidePage(session: ExtensionSession, web: Page, panel: Page, name: string): Promise<void> {
  const [pageShot, panelShot] = await Promise.all(
    [web, panel].map(async (shown) => (await shown.screenshot()).toString('base64')),
  );
  const sheet = await session.context.newPage();
  await sheet.setViewportSize({ width: 960 + 1 + 360, height: 720 });
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${pageShot}"><div style="width:1px"></div><img src="data:image/png;base64,${panelShot}"></body>`,
  );
  await session.screenshot(sheet, name);
  await sheet.close();
}

async function saveSettings(session: ExtensionSession, change: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (settingsChange) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), ...settingsChange } });
  }, change);
}

describe('the side panel', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let web: { tab: Page; tabId: number };
  let panel: Page;
  const pageTitles = () => panel.locator('section.page-matches .item-title a').allInnerTexts();

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([digest]);
    server.page(REPO, page('dock-reader'));
    server.page(TWEET, page('A tweet'));
    server.page(UNRELATED, page('unrelated'));
    session = await launchExtension({ server });
    await vi.waitFor(async () => expect((await session.send('listDigests')).digests).toHaveLength(1), {
      timeout: 30_000,
      interval: 250,
    });
    web = await openTab(session, UNRELATED);
    panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    await panel.locator('.digest').waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('is declared for Chrome’s side panel, with its permission, and lists the day’s items', async () => {
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
    expect(manifest.permissions).not.toContain('tabs');
    expect(await panel.locator('.popup.panel .digest .item-title').allInnerTexts()).toEqual([
      '停靠实验室发布长文阅读模型',
      '第二条新闻',
    ]);
    expect(await panel.locator('section.page-matches').count()).toBe(0);
  });

  it('puts the item of the page another tab navigates to on top, under 本页相关', async () => {
    await web.tab.goto(REPO);
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['Dock Reader：侧边阅读器']);
    expect(await panel.locator('.page-matches-heading').innerText()).toBe('本页相关');
    expect(await panel.locator('main > *').first().getAttribute('class')).toBe('page-matches');
  });

  it('opens a clicked item in that tab, stays open, and then shows that page’s item on top', async () => {
    await panel.locator('.digest .item-title a', { hasText: '停靠实验室发布长文阅读模型' }).click();
    await web.tab.waitForURL(TWEET);
    expect(session.context.pages()).toContain(panel);
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['停靠实验室发布长文阅读模型']);
  });

  it('is shown beside the page, light and dark (the README’s screenshots)', async () => {
    // In panel mode, as a reader of the docked panel would have it: no card on the page.
    await saveSettings(session, { sidebarMode: 'panel' });
    try {
      await web.tab.reload();
      await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['停靠实验室发布长文阅读模型']);
      await web.tab.setViewportSize({ width: 960, height: 720 });
      await panel.setViewportSize({ width: 360, height: 720 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await Promise.all([web.tab, panel].map((shown) => shown.emulateMedia({ colorScheme })));
        await besidePage(session, web.tab, panel, `sidepanel-${colorScheme}`);
      }
      await Promise.all([web.tab, panel].map((shown) => shown.emulateMedia({ colorScheme: 'light' })));
    } finally {
      await saveSettings(session, { sidebarMode: 'auto' });
    }
  });

  it('follows a switch to another tab', async () => {
    const other = await openTab(session, REPO);
    await other.tab.bringToFront();
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['Dock Reader：侧边阅读器']);
    await web.tab.bringToFront();
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['停靠实验室发布长文阅读模型']);
    await other.tab.close();
  });

  it('in panel mode the page shows no card and the badge still counts', async () => {
    await saveSettings(session, { sidebarMode: 'panel' });
    try {
      const { tab, tabId } = await openTab(session, REPO);
      await expect.poll(async () => (await badges(session)).get(tabId)).toBe('1');
      await tab.waitForTimeout(500);
      expect(await tab.evaluate(() => document.documentElement.children.length)).toBe(2);
      await tab.close();
    } finally {
      await saveSettings(session, { sidebarMode: 'auto' });
    }
  });

  it('reads the library again when it is cleared or a file is imported while the panel is open', async () => {
    const shownTitles = () => panel.locator('.digest .item-title').allInnerTexts();
    await web.tab.goto(REPO);
    await web.tab.bringToFront();
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['Dock Reader：侧边阅读器']);
    await expect.poll(shownTitles).toEqual(['停靠实验室发布长文阅读模型', '第二条新闻']);
    const badge = async () => (await badges(session)).get(web.tabId);
    expect(await badge()).toBe('1');
    // As the options page asks it: the panel stays open beside it, the page stays open in its tab.
    const file = await session.send('exportData');
    expect(await session.send('clearData')).toEqual({ cleared: 1 });
    await expect.poll(() => panel.locator('section.empty').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('.digest').count()).toBe(0);
    // The page's item is gone from 本页相关, from the badge and from the page's own card.
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual([]);
    await expect.poll(badge).toBe('');
    await expect.poll(() => cardHosts(web.tab), { timeout: 10_000 }).toBe(0);
    expect(await session.send('importData', { file })).toMatchObject({ added: 1 });
    await expect.poll(shownTitles, { timeout: 10_000 }).toEqual(['停靠实验室发布长文阅读模型', '第二条新闻']);
    await expect.poll(pageTitles, { timeout: 10_000 }).toEqual(['Dock Reader：侧边阅读器']);
    await expect.poll(badge).toBe('1');
    await expect.poll(() => cardHosts(web.tab), { timeout: 10_000 }).toBe(1);
  });

  it('wraps a pasted link that finds nothing and a long host in an error: the panel at 320 px and the popup at 400 px never scroll sideways', async () => {
    // A source of one's own on a long host, failing, as the sync would store it.
    const host = 'averyveryverylongcustomsourcehostname.digestmirror.example.com';
    const stored = await session.worker.evaluate(
      async () => (await chrome.storage.local.get('syncStatus')).syncStatus,
    );
    const failing = {
      sourceId: 'custom:long-host',
      lastAttemptAt: Date.now(),
      lastSuccessAt: null,
      lastError: { zh: `${host}, ${today}：服务器返回 HTTP 500`, en: `${host}, ${today}: answered HTTP 500` },
      counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
    };
    await session.worker.evaluate((syncStatus) => chrome.storage.local.set({ syncStatus }), {
      running: false,
      progress: null,
      lastSyncAt: Date.now(),
      sources: [failing],
      digestCount: 1,
      newestDate: today,
    });
    try {
      for (const [reader, width] of [
        ['sidepanel.html', 320],
        ['popup.html', 400],
      ] as const) {
        const shown = await session.context.newPage();
        await shown.setViewportSize({ width, height: 600 });
        await shown.goto(session.extensionUrl(reader));
        await expect
          .poll(() => shown.locator('.status-errors').innerText(), { timeout: 10_000 })
          .toContain(host);
        await shown
          .locator('input.search')
          .fill('https://huggingface.co/datasets/SomeOrganization/MultilingualInstructionTuningCorpusV2');
        await expect
          .poll(() => shown.locator('main .notice').innerText(), { timeout: 10_000 })
          .toContain('没有找到');
        const widths = await shown.evaluate(() => {
          const main = document.querySelector('main') as HTMLElement;
          return { page: document.documentElement.scrollWidth, main: main.scrollWidth - main.clientWidth };
        });
        expect(widths.page, reader).toBeLessThanOrEqual(width);
        expect(widths.main, reader).toBe(0);
        await shown.close();
      }
    } finally {
      await session.worker.evaluate(
        (syncStatus) =>
          syncStatus === undefined
            ? chrome.storage.local.remove('syncStatus')
            : chrome.storage.local.set({ syncStatus }),
        stored,
      );
    }
  });

  it('makes the toolbar button open the panel instead of the popup when asked, and the popup again', async () => {
    const behavior = () =>
      session.worker.evaluate(async () => ({
        popup: await chrome.action.getPopup({}),
        panel: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
      }));
    await saveSettings(session, { toolbarOpensPanel: true });
    await expect.poll(behavior).toEqual({ popup: '', panel: true });
    await saveSettings(session, { toolbarOpensPanel: false });
    await expect.poll(behavior).toEqual({ popup: session.extensionUrl('popup.html'), panel: false });
  });
});
