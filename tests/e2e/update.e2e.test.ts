/**
 * Updated or reloaded while the tabs are open (Chromium injects no content script into open tabs then, and the old
 * version's copy in each is orphaned: its `runtime` gone, its card and marks dead): a user with a tweet a digest item
 * links to and X's timeline open gets a new version of Digest Lens (its folder loaded again with a new version, as
 * an update does: onInstalled says `update`), then reloads it (the same folder and version, as Chrome's ↻ does: an
 * `update` too) and, without reloading either tab, each ends with one working card and one mark, drawn by the new
 * worker's copy, and nothing thrown in the page. A tab the all-sites grant reached gets the new copy too (Chromium
 * drops the registration at an update, and the new worker's registers it again and reaches the open tabs).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../fixtures/digest-builder';
import { ARXIV_PAGE, PAPER_TITLE, serveAllSitesFixtures } from './all-sites-fixtures';
import { grantedExtensionDir, setAllSites } from './all-sites-granted';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, extensionDir, launchExtension, untilStored } from './harness';
import { serveOpenXTabs, TIMELINE, TWEET_PAGE, tweetItem } from './open-x-tabs';
import { cardText, markLabels } from './shadow-nodes';
import { sitePagesDigest, TWEET_ID } from './site-pages';
import { badges, cardHosts } from './tabs';

const today = shanghaiDate(0);
const TWEET_LINK = `a[href="https://x.com/lens_lab/status/${TWEET_ID}"]`;
const digest = sitePagesDigest(today);
const TWEET_ITEM = tweetItem(digest);

interface OpenTab {
  page: Page;
  tabId: number;
  /** The names of the extension's hosts in the page before the update (each copy names its own anew). */
  hostsBefore: string[];
  /** What the page's worlds threw or logged as errors (the page's own, the extension's, old and new). */
  errors: string[];
}

/** The names of the extension's host elements under <html> (the card's, the marks' layer). */
const hostNames = (page: Page) =>
  page.evaluate(() =>
    [...document.documentElement.children]
      .map((node) => node.localName)
      .filter((name) => /^digest-lens-[0-9a-z]{16}$/.test(name)),
  );

/** Every exception and console error of every world in `page` (Playwright's events tell the page's world only). */
async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  const cdp: CDPSession = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    errors.push(exceptionDetails.exception?.description ?? exceptionDetails.text),
  );
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error') errors.push(args.map((arg) => arg.description ?? arg.value).join(' '));
  });
  await cdp.send('Runtime.enable');
  return errors;
}

describe('tabs open on the served sites when the extension is updated or reloaded', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  /** The folder the extension is installed from: a copy of the build whose version the update raises. */
  const folder = mkdtempSync(join(tmpdir(), 'digest-lens-update-'));
  const tabs: Record<string, OpenTab> = {};

  beforeAll(async () => {
    cpSync(extensionDir(), folder, { recursive: true });
    server = await new FixtureServer().start();
    serveOpenXTabs(server, digest);
    // Installed through the DevTools protocol, as "Load unpacked" does, so that it can be loaded again.
    session = await launchExtension({ server, extensionDir: folder, beforeInstall: async () => {} });
    await untilStored(session, [today]);
    for (const url of [TWEET_PAGE, TIMELINE]) {
      const before = new Set((await badges(session)).keys());
      const page = await session.context.newPage();
      await page.goto(url);
      const [tabId] = [...(await badges(session)).keys()].filter((id) => !before.has(id));
      // Gone if the tab loads again: the new version must come without a reload.
      await page.evaluate(() => Object.assign(window, { loadedBeforeUpdate: true }));
      tabs[url] = { page, tabId: tabId as number, hostsBefore: [], errors: await watchErrors(page) };
    }
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('before any update, the tweet shows its card and the timeline its mark', async () => {
    await expect
      .poll(() => cardText((tabs[TWEET_PAGE] as OpenTab).page), { timeout: 15_000 })
      .toContain(TWEET_ITEM?.summary);
    await expect
      .poll(() => markLabels((tabs[TIMELINE] as OpenTab).page), { timeout: 15_000 })
      .toHaveLength(1);
  });

  describe.each([
    ['a new version loaded into the same folder', true],
    ['the same version loaded again (↻ in chrome://extensions)', false],
  ])('%s', (_round, newVersion) => {
    it('runs (onInstalled said update)', async () => {
      for (const tab of Object.values(tabs)) tab.hostsBefore = await hostNames(tab.page);
      const manifestFile = join(folder, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
      const version = newVersion ? `${manifest.version}.1` : manifest.version;
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, version }));
      await session.loadAgain();
      expect(await session.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
    });

    it('the open tweet shows one card, looked up by the new worker, without a reload', async () => {
      const { page, tabId, hostsBefore } = tabs[TWEET_PAGE] as OpenTab;
      // The new worker's badge for the tab: only a lookup the new worker answered sets it.
      await expect.poll(async () => (await badges(session)).get(tabId), { timeout: 15_000 }).toBeTruthy();
      await expect.poll(() => cardText(page), { timeout: 15_000 }).toContain(TWEET_ITEM?.summary);
      expect(await cardHosts(page)).toBe(1);
      expect(hostsBefore).toHaveLength(1);
      expect(await hostNames(page)).not.toEqual(hostsBefore);
      expect(await page.evaluate(() => 'loadedBeforeUpdate' in window)).toBe(true);
    });

    it('the open timeline keeps one mark, the new copy’s: it answers the keyboard with the item’s card', async () => {
      const { page, hostsBefore } = tabs[TIMELINE] as OpenTab;
      // One layer, the new copy's: the orphan took its own away.
      await expect
        .poll(async () => (await hostNames(page)).filter((name) => !hostsBefore.includes(name)), {
          timeout: 15_000,
        })
        .toHaveLength(1);
      expect(await cardHosts(page)).toBe(1);
      expect(await markLabels(page)).toHaveLength(1);
      await page.focus(TWEET_LINK);
      await page.keyboard.press('Tab');
      await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain(TWEET_ITEM?.summary);
      expect(await page.evaluate(() => 'loadedBeforeUpdate' in window)).toBe(true);
    });
  });

  it('nothing was thrown or logged as an error in either page, by the old copy or the new', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const { errors } of Object.values(tabs)) expect(errors).toEqual([]);
  });
});

describe('a tab the all-sites grant reached, when the extension is updated', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let arxiv: Page;
  let hostsBefore: string[] = [];
  /** A copy of the build that has the access at install, loaded from a folder of its own. */
  const folder = mkdtempSync(join(tmpdir(), 'digest-lens-update-granted-'));

  beforeAll(async () => {
    cpSync(grantedExtensionDir(), folder, { recursive: true });
    server = await new FixtureServer().start();
    serveAllSitesFixtures(server);
    session = await launchExtension({ server, extensionDir: folder, beforeInstall: async () => {} });
    await untilStored(session, [today]);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('before: all sites switched on, the arXiv page opened shows its item’s card', async () => {
    await setAllSites(await session.openOptions(), true);
    arxiv = await session.context.newPage();
    await arxiv.goto(ARXIV_PAGE);
    await arxiv.evaluate(() => Object.assign(window, { loadedBeforeUpdate: true }));
    await expect.poll(() => cardText(arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    hostsBefore = await hostNames(arxiv);
    expect(hostsBefore).toHaveLength(1);
  });

  it('loaded again, the page shows one card, the new copy’s, without a reload, and the script stays registered', async () => {
    await session.loadAgain();
    await expect
      .poll(async () => (await hostNames(arxiv)).filter((name) => !hostsBefore.includes(name)), {
        timeout: 15_000,
      })
      .toHaveLength(1);
    expect(await cardHosts(arxiv)).toBe(1);
    expect(await cardText(arxiv)).toContain(PAPER_TITLE);
    expect(await arxiv.evaluate(() => 'loadedBeforeUpdate' in window)).toBe(true);
    expect(
      await session.worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
      ),
    ).toEqual(['digest-lens-all-sites']);
  });
});
