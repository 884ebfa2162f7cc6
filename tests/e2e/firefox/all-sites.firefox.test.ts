/**
 * The all-sites option in Firefox ESR with the ordinary package (issue 14): the real `permissions.request` for
 * https://*\/* from a click (the prompt is off by a pref, and answers yes), then `contentScripts.register` runs the page
 * script on an arXiv abstract page (the card of the item linking its v2) and leaves an unrelated site alone; turning it
 * off gives the access back and the page script stops; the access taken away in the browser takes the open page's card
 * at once. Granted while a page is open, that page gets the script at once (no reload), and granted again it keeps one
 * copy.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ARXIV_PAGE, PAPER_TITLE, serveAllSitesFixtures, today, UNRELATED_PAGE } from '../all-sites-fixtures';
import { FixtureServer } from '../fixture-server';
import { FirefoxCard, type FirefoxSession, launchFirefox } from './firefox-harness';

const grantedOrigins = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.permissions.getAll()).origins ?? [];
  });

/** Open `url`, give the page script time to look up, and return how many card hosts the page got. */
async function cardHostsOn(session: FirefoxSession, url: string): Promise<number> {
  const page = await session.openSite(url);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const hosts = await new FirefoxCard(session.browser, page).hosts();
  await page.close();
  return hosts.length;
}

const cardText = async (session: FirefoxSession, page: Page) =>
  (await new FirefoxCard(session.browser, page).eval((root) => root.textContent)) ?? '';

/** A user-added custom source's site (lib/ui/custom-source.ts asks for `<origin>/*`). */
const CUSTOM_ORIGIN = 'https://feeds.example.org/*';

describe('all sites in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  let options: Page;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    serveAllSitesFixtures(server);
    session = await launchFirefox({ server });
    await vi.waitFor(
      async () =>
        expect((await session.send('listDigests')).digests.map(({ date }) => date)).toEqual([today]),
      { timeout: 30_000, interval: 250 },
    );
    options = await session.openOptions();
  }, 90_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  /**
   * What about:addons does: the permission removed outside the options page, which is not asked. The open page's card
   * goes, and the option shows off.
   */
  async function takeAccessAwayInTheBrowser(openPage: Page): Promise<void> {
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      await api.permissions.remove({ origins: ['https://*/*'] });
    });
    await expect
      .poll(async () => (await new FirefoxCard(session.browser, openPage).hosts()).length, {
        timeout: 10_000,
      })
      .toBe(0);
    await expect.poll(() => options.$eval('input[name="all-sites"]', (input) => input.checked)).toBe(false);
  }

  it('runs nowhere else before the access is asked for', async () => {
    expect(await grantedOrigins(options)).not.toContain('https://*/*');
    expect(await cardHostsOn(session, ARXIV_PAGE)).toBe(0);
  });

  it('has a custom source’s host granted by name (asked for in a click, as the custom sources section does)', async () => {
    await options.evaluate((origin) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const button = document.createElement('button');
      button.id = 'grant-custom-host';
      button.addEventListener('click', () => void api.permissions.request({ origins: [origin] }));
      document.body.append(button);
    }, CUSTOM_ORIGIN);
    await options.click('#grant-custom-host');
    await expect.poll(() => grantedOrigins(options)).toContain(CUSTOM_ORIGIN);
  });

  it('asks for all sites for real on the click, then shows the card on an arXiv abstract page', async () => {
    await options.waitForSelector('input[name="all-sites"]');
    await options.click('input[name="all-sites"]');
    await expect.poll(() => grantedOrigins(options)).toContain('https://*/*');
    await expect.poll(() => options.$eval('input[name="all-sites"]', (input) => input.checked)).toBe(true);
    const arxiv = await session.openSite(ARXIV_PAGE);
    await expect.poll(() => cardText(session, arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    await arxiv.close();
    expect(await cardHostsOn(session, UNRELATED_PAGE)).toBe(0);
  });

  it('turned off, gives the access back and stops, keeping the hosts granted by name and the feeds’', async () => {
    await options.click('input[name="all-sites"]');
    await expect.poll(() => grantedOrigins(options)).not.toContain('https://*/*');
    // Firefox's remove takes the named pattern alone (lib/all-sites/release.ts): the custom source keeps its site.
    expect(await grantedOrigins(options)).toEqual(
      expect.arrayContaining([
        CUSTOM_ORIGIN,
        'https://static.zou8944.com/*',
        'https://raw.githubusercontent.com/*',
      ]),
    );
    await expect
      .poll(() => options.$eval('[data-notice="all-sites"]', (notice) => notice.textContent))
      .toBe('已关闭：不再在其他网站上运行，并已交还访问所有网站的权限。');
    expect(await cardHostsOn(session, ARXIV_PAGE)).toBe(0);
  });

  it('taken away in the browser (about:addons), takes the open page’s card at once and shows the option off', async () => {
    await options.click('input[name="all-sites"]');
    await expect.poll(() => grantedOrigins(options)).toContain('https://*/*');
    const arxiv = await session.openSite(ARXIV_PAGE);
    await expect.poll(() => cardText(session, arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    await takeAccessAwayInTheBrowser(arxiv);
    await arxiv.close();
  });

  it('granted while the article is open, shows its card there at once; granted again, one card still', async () => {
    const arxiv = await session.openSite(ARXIV_PAGE);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await new FirefoxCard(session.browser, arxiv).hosts()).toHaveLength(0);
    await options.click('input[name="all-sites"]');
    await expect.poll(() => grantedOrigins(options)).toContain('https://*/*');
    await expect.poll(() => cardText(session, arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    expect(await new FirefoxCard(session.browser, arxiv).hosts()).toHaveLength(1);
    // Taken away in the browser and granted again: the page's running copy looks again, and no second copy comes.
    await takeAccessAwayInTheBrowser(arxiv);
    await options.click('input[name="all-sites"]');
    await expect.poll(() => cardText(session, arxiv), { timeout: 15_000 }).toContain(PAPER_TITLE);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await new FirefoxCard(session.browser, arxiv).hosts()).toHaveLength(1);
    await arxiv.close();
  });
});
