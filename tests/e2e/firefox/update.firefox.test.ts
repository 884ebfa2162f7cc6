/**
 * Updated or reloaded in Firefox while the tabs are open: Firefox runs the manifest's content scripts in the open tabs
 * itself (the background gives them nothing: lib/background/reach-on-install.ts), so each tab gets the new copy beside
 * the old one's leftovers. The tweet and the timeline end with one card and one marks layer each, the new copy's,
 * without a reload: never two copies.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { serveOpenXTabs, TIMELINE, TWEET_PAGE, tweetItem } from '../open-x-tabs';
import { sitePagesDigest } from '../site-pages';
import { FirefoxCard, type FirefoxSession, firefoxExtensionDir, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const digest = sitePagesDigest(today);
const TWEET_ITEM = tweetItem(digest);

describe('tabs open on the served sites when the add-on is installed again (Firefox)', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  const tabs: Record<string, Page> = {};
  const namesBefore: Record<string, string[]> = {};
  const hostNames = async (url: string) =>
    (await new FirefoxCard(session.browser, tabs[url] as Page).hosts()).map(({ name }) => name);

  beforeAll(async () => {
    server = await new FixtureServer().start();
    serveOpenXTabs(server, digest);
    session = await launchFirefox({ server });
    const deadline = Date.now() + 30_000;
    while ((await session.send('listDigests')).digests.length === 0) {
      if (Date.now() > deadline) throw new Error('The install sync stored nothing');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const url of [TWEET_PAGE, TIMELINE]) {
      tabs[url] = await session.openSite(url);
      await (tabs[url] as Page).evaluate(() => Object.assign(window, { loadedBeforeUpdate: true }));
    }
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('before: the tweet has its card, the timeline its marks', async () => {
    for (const url of [TWEET_PAGE, TIMELINE])
      await expect.poll(() => hostNames(url), { timeout: 15_000 }).toHaveLength(1);
    const card = new FirefoxCard(session.browser, tabs[TWEET_PAGE] as Page);
    expect(await card.eval((root) => root.textContent)).toContain(TWEET_ITEM?.summary);
    for (const url of [TWEET_PAGE, TIMELINE]) namesBefore[url] = await hostNames(url);
  });

  it('installed again, each tab ends with one host, the new copy’s, without a reload', async () => {
    await session.browser.installExtension(firefoxExtensionDir());
    for (const url of [TWEET_PAGE, TIMELINE]) {
      const before = namesBefore[url] ?? [];
      await expect
        .poll(async () => (await hostNames(url)).filter((name) => !before.includes(name)), {
          timeout: 15_000,
        })
        .toHaveLength(1);
    }
    // Given time to draw a second one, neither does.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const url of [TWEET_PAGE, TIMELINE]) {
      expect(await hostNames(url)).toHaveLength(1);
      expect(await (tabs[url] as Page).evaluate(() => 'loadedBeforeUpdate' in window)).toBe(true);
    }
    const card = new FirefoxCard(session.browser, tabs[TWEET_PAGE] as Page);
    expect(await card.eval((root) => root.textContent)).toContain(TWEET_ITEM?.summary);
  });
});
