/**
 * The side panel in Firefox (issue 13): the build declares it as the sidebar (`sidebar_action`, not opened at
 * install), and its page, opened as a tab, lists the day's items and follows the page another tab navigates to, also
 * when its ⚙ opens the options page in a new tab; what the popup or the panel reads shows in the other at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { type FirefoxSession, firefoxExtensionDir, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
/** The shown tab's unread count. */
const unreadCount = (page: Page) =>
  page.evaluate(() => document.querySelector('.day-read-bar .unread-count')?.textContent ?? null);
const titles = (page: Page, selector: string) =>
  page.evaluate(
    (query) => [...document.querySelectorAll(query)].map((element) => element.textContent ?? ''),
    selector,
  );

describe('the side panel in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  /** The panel's page the second test opens, and the third goes on with. */
  let panel: Page | undefined;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(today)]);
    session = await launchFirefox({ server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('is the sidebar in the manifest, with no sidePanel permission (a Chrome one)', () => {
    const manifest = JSON.parse(readFileSync(join(firefoxExtensionDir(), 'manifest.json'), 'utf8'));
    expect(manifest.sidebar_action).toMatchObject({
      default_panel: 'sidepanel.html',
      open_at_install: false,
    });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.side_panel).toBeUndefined();
  });

  it('lists the day’s items, and leads with the item of the page another tab opens', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.length, {
        timeout: 30_000,
        interval: 300,
      })
      .toBe(1);
    const digest = sampleDigest(today);
    const linked = digest.news[0];
    if (!linked?.url) throw new Error('the sample digest has no linked news item');
    server.page(
      linked.url,
      '<!doctype html><html><head><title>A tweet</title></head><body><h1>A tweet</h1></body></html>',
    );
    const opened = await session.openExtensionPage('sidepanel.html');
    panel = opened;
    await expect
      .poll(() => titles(opened, '.popup.panel .digest .item-title a'), { timeout: 15_000 })
      .toHaveLength(digest.news.length);
    await session.openSite(linked.url);
    await expect
      .poll(() => titles(opened, 'section.page-matches .item-title a'), { timeout: 15_000 })
      .toEqual([linked.title]);
  });

  it('keeps following the web page when its ⚙ opens the options page in a new tab', async () => {
    const opened = panel;
    if (!opened) throw new Error('the panel of the test before is not open');
    const [linked] = sampleDigest(today).news;
    /** The options pages open in tabs, as the extension sees its own pages: each loaded, and shown (its tab active). */
    const optionsTabs = (close = false) =>
      opened.evaluate((closing) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const views = api.extension
          .getViews({ type: 'tab' })
          .filter((view) => view.location.pathname === '/options.html');
        if (closing) for (const view of views) view.close();
        return views.map((view) => `${view.document.readyState} ${view.document.visibilityState}`);
      }, close);
    // None open (the harness's own would be switched to, not opened).
    await optionsTabs(true);
    await expect.poll(() => optionsTabs()).toEqual([]);
    await opened.click('.options-button');
    await expect.poll(() => optionsTabs(), { timeout: 10_000 }).toEqual(['complete visible']);
    // Loaded in the active tab: the panel is told, asks again, and still names the web page's item a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await titles(opened, 'section.page-matches .item-title a')).toEqual([linked?.title]);
  });

  it('shows in the panel the popup’s 全部标为已读, and in the popup an item opened in the panel', async () => {
    const opened = panel;
    if (!opened) throw new Error('the panel of the test before is not open');
    const popup = await session.openPopup();
    // The news item of the page visited in the test before is read: nine unread in both.
    for (const reader of [popup, opened])
      await expect.poll(() => unreadCount(reader), { timeout: 15_000 }).toBe('9 条未读');
    await popup.click('.day-read-bar .mark-day-read');
    await expect.poll(() => unreadCount(opened), { timeout: 10_000 }).toBe('全部已读');
    expect(await titles(opened, '.digest .item[data-read] .read-tag')).toHaveLength(10);

    const showTools = (reader: Page) => reader.click('[role="tab"][data-section="tools"]');
    await showTools(popup);
    await showTools(opened);
    await expect.poll(() => unreadCount(popup)).toBe('10 条未读');
    await opened.click('.digest .item-title a');
    await expect.poll(() => unreadCount(popup), { timeout: 10_000 }).toBe('9 条未读');
  });
});
