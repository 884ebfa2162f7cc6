/**
 * Read state (issue 13) in real Chromium: opening an item from the popup marks it read and the unread count drops
 * (on every day the same story was told); visiting a linked page marks that page's item read, not its repository's
 * others; 全部标为已读 reads the shown day; what was read survives a worker restart and an export → clear → import.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../lib/schema';
import { type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { closeOpenedPages, type ExtensionSession, launchExtension, untilStored } from './harness';
import { openTab } from './tabs';

const today = shanghaiDate(0);
const older = shanghaiDate(-3);

const URLS = {
  // Not a site the content script runs on: opening it is read only by the popup's click, never by a lookup.
  blog: 'https://fixtures.test/blog/lens-code-model',
  pull: 'https://github.com/lens-org/lens-index/pull/7',
  repo: 'https://github.com/lens-org/lens-index',
  unrelated: 'https://github.com/someone/not-in-any-digest',
};

const digests: FixtureDigest[] = [
  {
    date: today,
    news: [
      { title: '实验室发布会写代码的小模型', url: URLS.blog, summary: '一个七十亿参数的代码模型。' },
      {
        title: 'Lens Index 合并了增量索引',
        url: URLS.pull,
        summary: '第 7 号合并请求让索引只处理改动的文件。',
      },
    ],
    tools: [
      { title: 'Lens Index：给仓库建语义索引', url: URLS.repo, summary: '在本机为代码仓库建立语义索引。' },
    ],
  },
  {
    date: older,
    // The same story told again three days before: reading it once reads it on both days.
    news: [{ title: '代码小模型的预告', url: URLS.blog, summary: '实验室预告了一个代码模型。' }],
    tools: [],
  },
];

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

const PAGE_TITLES: [string, string][] = [
  [URLS.blog, 'A blog post'],
  [URLS.pull, 'Pull request 7'],
  [URLS.repo, 'lens-index'],
  [URLS.unrelated, 'unrelated'],
];

/** Before the block's tests: the extension in a browser of its own, the fixture digests stored, the pages served. */
function launchStored(started: (session: ExtensionSession) => void): void {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish(digests);
    for (const [url, title] of PAGE_TITLES) server.page(url, page(title));
    session = await launchExtension({ server });
    await untilStored(session, [today, older]);
    started(session);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
}

async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(session.extensionUrl('popup.html'));
  await popup.locator('.digest .unread-count').waitFor();
  return popup;
}

/** The shown tab's unread count (the date list counts the whole day). */
const unreadCount = (popup: Page) => popup.locator('.day-read-bar .unread-count');
const showTools = (popup: Page) => popup.getByRole('tab', { name: /^工具/ }).click();

/** The read state of both days, as the background answers it. */
async function days(session: ExtensionSession) {
  const { days } = await session.send('readState', { dates: [today, older] });
  return Object.fromEntries(days.map(({ date, unread, read }) => [date, { unread, read }]));
}

describe('read state', () => {
  let session: ExtensionSession;
  launchStored((started) => {
    session = started;
  });
  afterEach(() => closeOpenedPages(session));

  it('marks an item opened from the popup read, and the unread counts drop on both days it was told', async () => {
    const popup = await openPopup(session);
    await expect.poll(() => unreadCount(popup).textContent()).toBe('2 条未读');
    const todayOption = popup.locator('.date-picker option', { hasText: today });
    expect(await todayOption.textContent()).toBe(`${today} · 3 未读`);

    const opened = session.context.waitForEvent('page');
    await popup.locator('.item-title a', { hasText: '实验室发布会写代码的小模型' }).click();
    await (await opened).close();

    await expect.poll(() => unreadCount(popup).textContent()).toBe('1 条未读');
    expect(await todayOption.textContent()).toBe(`${today} · 2 未读`);
    const row = popup.locator('.item[data-read]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.read-tag').textContent()).toBe('已读');
    // The day the same story was told before: read there too.
    await popup.locator('.date-picker').selectOption(older);
    await expect.poll(() => unreadCount(popup).textContent()).toBe('全部已读');
    expect(await days(session)).toEqual({
      [today]: { unread: 2, read: [{ section: 'news', rank: 1 }] },
      [older]: { unread: 0, read: [{ section: 'news', rank: 1 }] },
    });
  });

  it("marks a visited page's item read: the pull request, not its repository", async () => {
    const tab = await session.context.newPage();
    await tab.goto(URLS.pull);
    await expect
      .poll(async () => (await days(session))[today]?.read, { timeout: 10_000 })
      .toContainEqual({ section: 'news', rank: 2 });
    expect((await days(session))[today]?.read).not.toContainEqual({ section: 'tools', rank: 1 });
    const popup = await openPopup(session);
    await expect.poll(() => unreadCount(popup).textContent()).toBe('全部已读');
    await showTools(popup);
    await expect.poll(() => unreadCount(popup).textContent()).toBe('1 条未读');
  });

  it('keeps what was read when the worker is stopped and started again', async () => {
    const before = await days(session);
    const control = await session.openOptions();
    const cdp = await session.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await control.close();
    expect(await days(session)).toEqual(before);
    const popup = await openPopup(session);
    await showTools(popup);
    await expect.poll(() => unreadCount(popup).textContent()).toBe('1 条未读');
  });

  it('keeps what was read through export → clear → import', async () => {
    const before = await days(session);
    const file: ExportFile = await session.send('exportData');
    expect(file.reads?.length).toBe(2);
    expect(await session.send('clearData')).toEqual({ cleared: 2 });
    expect(await session.send('readState', { dates: [today, older] })).toEqual({ days: [] });
    expect(await session.send('importData', { file })).toMatchObject({ added: 2 });
    expect(await days(session)).toEqual(before);
  });

  it('follows the side panel’s tab: the page a tab visits is read there, and the panel’s count drops', async () => {
    const web = await openTab(session, URLS.unrelated);
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    await showTools(panel);
    await expect.poll(() => unreadCount(panel).textContent(), { timeout: 10_000 }).toBe('1 条未读');
    await web.tab.goto(URLS.repo);
    await expect
      .poll(() => panel.locator('section.page-matches .item-title').allInnerTexts(), { timeout: 10_000 })
      .toContain('Lens Index：给仓库建语义索引');
    await expect.poll(() => unreadCount(panel).textContent(), { timeout: 10_000 }).toBe('全部已读');
    // The repository's page lists its two items (the repository, its pull request): both read now.
    expect(await panel.locator('section.page-matches .item[data-read] .read-tag').allInnerTexts()).toEqual([
      '已读',
      '已读',
    ]);
    await panel.close();
    // Unread again for the last test: the repository's read goes, the other two stay. Its page is closed first: an
    // open page of an item is looked up again after an import, which reads it again.
    await web.tab.close();
    const file = await session.send('exportData');
    await session.send('clearData');
    const reads = (file.reads ?? []).filter(({ key }) => !key.endsWith('/lens-index'));
    await session.send('importData', { file: { ...file, reads } });
    expect((await days(session))[today]?.unread).toBe(1);
  });

  it('marks the shown tab of the day read with 全部标为已读, pressed with Enter: the focus goes to the first row', async () => {
    const popup = await openPopup(session);
    await showTools(popup);
    await popup.getByRole('button', { name: `全部标为已读（工具，${today}）` }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => unreadCount(popup).textContent()).toBe('全部已读');
    expect(await popup.locator('.mark-day-read').count()).toBe(0);
    // Not the page's body, from where the next Tab would start at the top: the row after the button, now 已读.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.matches('[role="tabpanel"] .item[data-read]')))
      .toBe(true);
    expect((await days(session))[today]?.unread).toBe(0);
  });
});

describe('read state in two open readers', () => {
  let session: ExtensionSession;
  launchStored((started) => {
    session = started;
  });

  it('shows in the popup what the side panel read, and in the panel the popup’s 全部标为已读, with no navigation', async () => {
    const popup = await openPopup(session);
    const web = await openTab(session, URLS.unrelated);
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    const todayIn = (reader: Page) => reader.locator('.date-picker option', { hasText: today });
    for (const reader of [popup, panel]) {
      await expect.poll(() => unreadCount(reader).textContent(), { timeout: 10_000 }).toBe('2 条未读');
      expect(await todayIn(reader).textContent()).toBe(`${today} · 3 未读`);
    }

    // An item opened in the panel (in the tab it follows): the popup counts it read.
    await panel.locator('.digest .item-title a', { hasText: '实验室发布会写代码的小模型' }).click();
    await expect.poll(() => web.tab.url(), { timeout: 10_000 }).toBe(URLS.blog);
    await expect.poll(() => unreadCount(popup).textContent(), { timeout: 10_000 }).toBe('1 条未读');
    expect(await todayIn(popup).textContent()).toBe(`${today} · 2 未读`);
    expect(await popup.locator('.digest .item[data-read] .read-tag').allInnerTexts()).toEqual(['已读']);

    // 全部标为已读 in the popup: the panel's count drops and its items show 已读.
    await popup.getByRole('button', { name: `全部标为已读（新闻，${today}）` }).click();
    await expect.poll(() => unreadCount(panel).textContent(), { timeout: 10_000 }).toBe('全部已读');
    expect(await todayIn(panel).textContent()).toBe(`${today} · 1 未读`);
    expect(await panel.locator('.digest .item[data-read] .read-tag').allInnerTexts()).toEqual([
      '已读',
      '已读',
    ]);
    expect(panel.url()).toBe(session.extensionUrl('sidepanel.html'));
    expect(popup.url()).toBe(session.extensionUrl('popup.html'));
  });
});
