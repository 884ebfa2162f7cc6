/**
 * The card covers nothing in Firefox too (issue 11, item 1): on the pages laid out like GitHub, X and Hugging Face
 * (tests/e2e/site-pages), at 1280 and 1920 px, the centre of every visible control hits that control with the card in
 * its default presentation (beside the page, or the bar above X's columns), and the card's summary is there.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { SITE_PAGES, sitePagesDigest } from '../site-pages';
import { pageCoverage } from '../site-pages/coverage';
import { FirefoxCard, type FirefoxSession, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const PAGES = SITE_PAGES.filter((fixture) => ['github-pull', 'x-tweet', 'hf-model'].includes(fixture.name));

describe('the card covers nothing in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = (await new FixtureServer().start()).publish([sitePagesDigest(today)]);
    for (const fixture of SITE_PAGES) server.page(fixture.url, fixture.html('light'));
    session = await launchFirefox({ server });
    await vi.waitFor(async () => expect((await session.send('listDigests')).digests).toHaveLength(1), {
      timeout: 30_000,
      interval: 250,
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  for (const width of [1280, 1920]) {
    it.each(PAGES.map((fixture) => [fixture.name, fixture] as const))(
      `at ${width} px on %s`,
      async (name, fixture) => {
        const page: Page = await session.openSite('about:blank');
        await page.setViewport({ width, height: 800 });
        await page.goto(fixture.url, { waitUntil: 'load' });
        const card = new FirefoxCard(session.browser, page);
        await expect.poll(() => card.count('.dl-summary'), { timeout: 15_000 }).toBeGreaterThan(0);
        const layout = () => card.eval((root) => root.querySelector('.dl-root')?.getAttribute('data-layout'));
        await expect.poll(layout).toBe(name === 'x-tweet' && width < 1625 ? 'top' : 'right');
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const result = await page.evaluate(pageCoverage);
        expect(result.checked).toBeGreaterThan(20);
        expect(result.covered).toEqual([]);
        expect(result.horizontalOverflow).toBe(0);
        await page.close();
      },
    );
  }
});
