/**
 * The all-sites option in real Chromium (issue 14). With the access granted (a build made with WXT_GRANT_ALL_SITES=1,
 * test use only): turned on in the options page, the lean page script is registered for every https site; an arXiv
 * abstract page shows the card of an item that links the paper's v2, a Wikipedia article its item's card, an unrelated
 * site is left exactly as served, an excluded site gets nothing, and turning it off unregisters it. Without the access
 * (the ordinary build): its manifest holds no all-sites host permission or content script, and nothing runs there.
 * Turned on while tabs are open, those it now covers get the page script at once, each tab one copy.
 * The grant build is made here (into <EXTENSION_DIR>/../all-sites-granted) unless ALL_SITES_EXTENSION_DIR names one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ARXIV_PAGE,
  LIST_PAGE,
  PAGES,
  PAPER_TITLE,
  REPO_PAGE,
  REPO_TITLE,
  serveAllSitesFixtures,
  THREAD_PAGE,
  THREAD_TITLE,
  today,
  UNRELATED_PAGE,
  WIKI_PAGE,
  WIKI_TITLE,
} from './all-sites-fixtures';
import { grantedExtensionDir, setAllSites } from './all-sites-granted';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, extensionDir, launchExtension } from './harness';
import { cardText, markLabels } from './shadow-nodes';

async function startSession(dir: string): Promise<{ server: FixtureServer; session: ExtensionSession }> {
  const server = await new FixtureServer().start();
  serveAllSitesFixtures(server);
  const previous = process.env.EXTENSION_DIR;
  process.env.EXTENSION_DIR = dir;
  try {
    const session = await launchExtension({ server });
    await vi.waitFor(
      async () =>
        expect((await session.send('listDigests')).digests.map(({ date }) => date)).toEqual([today]),
      { timeout: 30_000, interval: 250 },
    );
    return { server, session };
  } finally {
    if (previous === undefined) delete process.env.EXTENSION_DIR;
    else process.env.EXTENSION_DIR = previous;
  }
}

/** The page's DOM is exactly the served HTML's: no element, attribute or style sheet added. */
const isAsServed = (target: Page, html: string) =>
  target.evaluate(
    (served) =>
      document.documentElement.outerHTML ===
        new DOMParser().parseFromString(served, 'text/html').documentElement.outerHTML &&
      document.adoptedStyleSheets.length === 0,
    html,
  );

async function visit(session: ExtensionSession, url: string): Promise<Page> {
  const tab = await session.context.newPage();
  await tab.goto(url);
  return tab;
}

/** Give the page script time to look up and (on a match) the background time to inject the card's UI. */
const settle = (target: Page) => target.waitForTimeout(1500);

const registeredScripts = (session: ExtensionSession) =>
  session.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );

/** The hosts the manifest asks for to read the digests (wxt.config.ts FEED_HOSTS). */
const FEED_ORIGINS = ['https://static.zou8944.com/*', 'https://raw.githubusercontent.com/*'];

const grantedOrigins = async (page: Page) =>
  (await page.evaluate(() => chrome.permissions.getAll())).origins ?? [];

describe('all sites, with the access granted (WXT_GRANT_ALL_SITES=1 build)', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    ({ server, session } = await startSession(grantedExtensionDir()));
    options = await session.openOptions();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('is off until turned on: nothing runs on other sites before', async () => {
    expect(await registeredScripts(session)).toEqual([]);
    const arxiv = await visit(session, ARXIV_PAGE);
    await settle(arxiv);
    expect(await cardText(arxiv)).toBe('');
    expect(await isAsServed(arxiv, PAGES[ARXIV_PAGE] as string)).toBe(true);
    await arxiv.close();
  });

  it('turned on, shows the card on an arXiv abstract page for an item linking the paper’s v2', async () => {
    await setAllSites(options, true);
    await expect.poll(() => registeredScripts(session)).toEqual(['digest-lens-all-sites']);
    const arxiv = await visit(session, ARXIV_PAGE);
    await expect.poll(() => cardText(arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    expect(await cardText(arxiv)).not.toContain(WIKI_TITLE);
    await arxiv.close();
  });

  it('shows the card on a Wikipedia article an item links to', async () => {
    const wiki = await visit(session, WIKI_PAGE);
    await expect.poll(() => cardText(wiki), { timeout: 15_000 }).toContain(WIKI_TITLE);
    await wiki.close();
  });

  it('shows the card on a Hacker News thread an item links to (a page named by its query)', async () => {
    const thread = await visit(session, THREAD_PAGE);
    await expect.poll(() => cardText(thread), { timeout: 15_000 }).toContain(THREAD_TITLE);
    await thread.close();
  });

  it('marks, on a Hacker News–like list, the links to items and nothing else', async () => {
    const list = await visit(session, LIST_PAGE);
    await expect.poll(() => markLabels(list), { timeout: 15_000 }).toHaveLength(2);
    const labels = await markLabels(list);
    expect(labels.filter((label) => label.includes(PAPER_TITLE))).toHaveLength(1);
    expect(labels.filter((label) => label.includes(REPO_TITLE))).toHaveLength(1);
    await list.close();
  });

  it('leaves an unrelated site exactly as served', async () => {
    const unrelated = await visit(session, UNRELATED_PAGE);
    await settle(unrelated);
    expect(await cardText(unrelated)).toBe('');
    expect(await isAsServed(unrelated, PAGES[UNRELATED_PAGE] as string)).toBe(true);
    await unrelated.close();
  });

  it('never runs on an excluded site (its subdomains included), and leaves an open page of it at once', async () => {
    const open = await visit(session, WIKI_PAGE);
    await expect.poll(() => cardText(open), { timeout: 15_000 }).toContain(WIKI_TITLE);
    await options.locator('textarea[name="all-sites-excluded"]').fill('wikipedia.org');
    await options.getByRole('button', { name: '保存排除列表' }).click();
    await expect
      .poll(() => options.locator('[data-notice="all-sites-excluded"]').innerText())
      .toBe('已保存：排除 1 个网站。');
    await expect
      .poll(() =>
        session.worker.evaluate(
          async () => (await chrome.scripting.getRegisteredContentScripts())[0]?.excludeMatches,
        ),
      )
      .toContain('*://*.wikipedia.org/*');
    // The tab opened before: its page script still runs, and the background answers it "off" now.
    await expect.poll(() => cardText(open), { timeout: 15_000 }).toBe('');
    await open.close();
    const wiki = await visit(session, WIKI_PAGE);
    await settle(wiki);
    expect(await cardText(wiki)).toBe('');
    expect(await isAsServed(wiki, PAGES[WIKI_PAGE] as string)).toBe(true);
    await wiki.close();
  });

  it('turned off, unregisters the script and says so, keeping the access (Chrome would take the feeds’ sites with it)', async () => {
    // Pages opened while it was on: their card and marks go at once.
    const openPaper = await visit(session, ARXIV_PAGE);
    const openList = await visit(session, LIST_PAGE);
    await expect.poll(() => cardText(openPaper), { timeout: 15_000 }).toContain(PAPER_TITLE);
    await expect.poll(() => markLabels(openList), { timeout: 15_000 }).toHaveLength(2);
    await setAllSites(options, false);
    await expect.poll(() => cardText(openPaper), { timeout: 15_000 }).toBe('');
    await expect.poll(() => markLabels(openList), { timeout: 15_000 }).toHaveLength(0);
    await openPaper.close();
    await openList.close();
    await expect.poll(() => registeredScripts(session)).toEqual([]);
    const said = await options.locator('[data-notice="all-sites"]').innerText();
    expect(said).toContain('不再在其他网站上运行');
    expect(said).toContain('访问所有网站的权限仍保留但不再使用');
    expect(await grantedOrigins(options)).toEqual(expect.arrayContaining(FEED_ORIGINS));
    const arxiv = await visit(session, ARXIV_PAGE);
    await settle(arxiv);
    expect(await cardText(arxiv)).toBe('');
    await arxiv.close();
  });
});

describe('all sites, turned on while tabs are open (QA: no reload needed)', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let options: Page;
  const tabs: Record<string, Page> = {};

  beforeAll(async () => {
    ({ server, session } = await startSession(grantedExtensionDir()));
    options = await session.openOptions();
    // Counts the lookups each tab sends (a page script sends one for its page whenever it looks again).
    await session.worker.evaluate(() => {
      const lookups: number[] = [];
      Object.assign(globalThis, { lookupsForTest: lookups });
      chrome.runtime.onMessage.addListener((message: { type?: string }, sender) => {
        if (message?.type === 'lookup' && sender.tab?.id !== undefined) lookups.push(sender.tab.id);
      });
    });
    // Open before the option is turned on: the served site's tab runs its own copy, the others none yet.
    for (const url of [REPO_PAGE, ARXIV_PAGE, LIST_PAGE, UNRELATED_PAGE])
      tabs[url] = await visit(session, url);
    await settle(tabs[UNRELATED_PAGE] as Page);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  /** The tab's id, as the worker knows it (the granted access lets it read every https tab's address). */
  const tabId = (url: string) =>
    session.worker.evaluate(async (address) => (await chrome.tabs.query({ url: address }))[0]?.id, url);

  /**
   * How many copies of the page script run in the tab: the background says "look again" and each copy asks once for
   * its page.
   */
  async function copiesIn(url: string): Promise<number> {
    const id = await tabId(url);
    if (id === undefined) throw new Error(`No tab on ${url}`);
    const asked = () =>
      session.worker.evaluate(
        (tab) =>
          (globalThis as unknown as { lookupsForTest: number[] }).lookupsForTest.filter(
            (from) => from === tab,
          ).length,
        id,
      );
    const before = await asked();
    await session.worker.evaluate(
      (tab) => chrome.tabs.sendMessage(tab, { type: 'lookAgain' }).catch(() => {}),
      id,
    );
    // Every copy there has asked by then (a lookup is a message away).
    await (tabs[url] as Page).waitForTimeout(1500);
    return (await asked()) - before;
  }

  /** The extension's host elements under <html> (the card's, the marks' layer), as the page sees them. */
  const hostCount = (url: string) =>
    (tabs[url] as Page).evaluate(
      () =>
        [...document.documentElement.children].filter((element) => /^digest-lens-/.test(element.localName))
          .length,
    );

  it('gives the tabs already open on the sites it now covers the page script at once: the card, the marks', async () => {
    expect(await cardText(tabs[ARXIV_PAGE] as Page)).toBe('');
    await setAllSites(options, true);
    await expect.poll(() => cardText(tabs[ARXIV_PAGE] as Page), { timeout: 15_000 }).toContain(PAPER_TITLE);
    await expect.poll(() => markLabels(tabs[LIST_PAGE] as Page), { timeout: 15_000 }).toHaveLength(2);
    // The unrelated site got the script too, and it left the page as served: nothing there matches.
    expect(await copiesIn(UNRELATED_PAGE)).toBe(1);
    expect(await isAsServed(tabs[UNRELATED_PAGE] as Page, PAGES[UNRELATED_PAGE] as string)).toBe(true);
  });

  it('leaves one copy in each tab: the served site’s own, and the one an earlier grant gave when granted again', async () => {
    expect(await copiesIn(REPO_PAGE)).toBe(1);
    expect(await cardText(tabs[REPO_PAGE] as Page)).toContain(REPO_TITLE);
    expect(await hostCount(REPO_PAGE)).toBe(1);
    expect(await copiesIn(ARXIV_PAGE)).toBe(1);

    // Off (the card goes), then on again: the tab's running copy looks again; the new injection adds none.
    await setAllSites(options, false);
    await expect.poll(() => cardText(tabs[ARXIV_PAGE] as Page), { timeout: 15_000 }).toBe('');
    await setAllSites(options, true);
    await expect.poll(() => cardText(tabs[ARXIV_PAGE] as Page), { timeout: 15_000 }).toContain(PAPER_TITLE);
    expect(await copiesIn(ARXIV_PAGE)).toBe(1);
    expect(await hostCount(ARXIV_PAGE)).toBe(1);
    expect(await copiesIn(REPO_PAGE)).toBe(1);
    expect(await hostCount(REPO_PAGE)).toBe(1);
  });
});

describe('all sites, without the access (the ordinary build)', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    ({ server, session } = await startSession(extensionDir()));
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('asks for no all-sites access at install and declares no content script beyond the served sites', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8'));
    const broad = (pattern: string) => pattern === '<all_urls>' || /^(\*|https?):\/\/\*\//.test(pattern);
    expect((manifest.host_permissions as string[]).filter(broad)).toEqual([]);
    expect((manifest.permissions as string[]).filter(broad)).toEqual([]);
    const scriptMatches = (manifest.content_scripts as { matches: string[] }[]).flatMap(
      ({ matches }) => matches,
    );
    expect(scriptMatches.filter(broad)).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('runs nowhere else even with the setting on: the access was never granted', async () => {
    const options = await session.openOptions();
    await options.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), allSites: { enabled: true, excluded: [] } },
      });
    });
    await expect.poll(() => options.locator('[data-notice="all-sites-access"]').count()).toBe(1);
    expect(await registeredScripts(session)).toEqual([]);
    for (const url of [ARXIV_PAGE, WIKI_PAGE, LIST_PAGE]) {
      const tab = await visit(session, url);
      await settle(tab);
      expect(await cardText(tab)).toBe('');
      expect(await isAsServed(tab, PAGES[url] as string)).toBe(true);
      await tab.close();
    }
  });

  // Why turning the option off keeps the access in Chrome (lib/all-sites/release.ts). Last: it takes this session's
  // feed hosts away for good.
  it('sees Chromium’s remove of all sites take every https host it covers, the feeds’ too', async () => {
    const options = await session.openOptions();
    expect(await grantedOrigins(options)).toEqual(expect.arrayContaining(FEED_ORIGINS));
    await options.evaluate(() => chrome.permissions.remove({ origins: ['https://*/*'] }));
    const left = await grantedOrigins(options);
    expect(left.filter((origin) => FEED_ORIGINS.includes(origin))).toEqual([]);
    const status = await session.send('syncNow');
    const error = status.sources.find(({ sourceId }) => sourceId === 'dated')?.lastError;
    expect(JSON.stringify(error)).toContain('no permission for this site');
  });
});
