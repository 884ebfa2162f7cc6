/**
 * Installed while the tabs are open (Chromium runs a manifest content script on new loads only): a user who had a
 * tweet a digest item links to and X's timeline open installs Digest Lens (through the DevTools protocol, as "Load
 * unpacked" does: the real install, with its onInstalled) and, without reloading either tab, the tweet gets its card
 * with the item's summary and the timeline its mark, one copy each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, untilStored } from './harness';
import { serveOpenXTabs, TIMELINE, TWEET_PAGE, tweetItem } from './open-x-tabs';
import { cardText, markLabels } from './shadow-nodes';
import { sitePagesDigest } from './site-pages';
import { cardHosts } from './tabs';

const today = shanghaiDate(0);
const digest = sitePagesDigest(today);
const TWEET_ITEM = tweetItem(digest);

describe('tabs open on the served sites when the extension is installed', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  const tabs: Record<string, Page> = {};

  beforeAll(async () => {
    server = await new FixtureServer().start();
    serveOpenXTabs(server, digest);
    session = await launchExtension({
      server,
      async beforeInstall(context) {
        for (const url of [TWEET_PAGE, TIMELINE]) {
          const tab = await context.newPage();
          await tab.goto(url);
          // Gone if the tab loads again: the card must come without a reload.
          await tab.evaluate(() => Object.assign(window, { loadedBeforeInstall: true }));
          tabs[url] = tab;
        }
      },
    });
    await untilStored(session, [today]);
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('the open tweet shows its item’s card, without a reload, one card', async () => {
    const page = tabs[TWEET_PAGE] as Page;
    await expect.poll(() => cardText(page), { timeout: 15_000 }).toContain(TWEET_ITEM?.summary);
    expect(await page.evaluate(() => 'loadedBeforeInstall' in window)).toBe(true);
    expect(await cardHosts(page)).toBe(1);
  });

  it('the open timeline marks the tweet an item links to, and no other', async () => {
    const page = tabs[TIMELINE] as Page;
    await expect.poll(() => markLabels(page), { timeout: 15_000 }).toHaveLength(1);
    expect(await page.evaluate(() => 'loadedBeforeInstall' in window)).toBe(true);
  });
});
