/**
 * The card covers nothing (issue 11, item 1): on pages laid out like GitHub, X and Hugging Face (tests/e2e/site-pages),
 * at 1280, 1366 and 1920 px, the centre of every visible control of the page (links, buttons, inputs, …) hits that
 * control with the card open in its default presentation, the card's summary is on screen, and the page gains no
 * horizontal scroll. The room the page makes is given back exactly when the card goes; the user may show the card
 * over the page instead, and that choice is remembered across a reload.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, untilStored } from './harness';
import { SITE_PAGES, type SitePageFixture, sitePagesDigest } from './site-pages';
import { type Coverage, pageCoverage } from './site-pages/coverage';

const HOST = /^digest-lens-[0-9a-z]{16}$/;
const WIDTHS = [1280, 1366, 1920] as const;
const today = shanghaiDate(0);

const digests = [sitePagesDigest(today)];

/** The card through the DevTools protocol (its shadow root is closed): `fn` runs on that root in the page. */
async function inCard<R>(cdp: CDPSession, fn: string): Promise<R | undefined> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 3, pierce: true });
  const html = root.children?.find((node) => node.nodeName === 'HTML');
  const host = html?.children?.find((node) => HOST.test(node.localName) && node.shadowRoots?.length);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return undefined;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  if (!object.objectId) return undefined;
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () { return (${fn})(this); }`,
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  return result.value as R;
}

interface CardState {
  layout: string;
  /** open or collapsed (the panel's data-state). */
  state: string;
  summary: { x: number; y: number; width: number; height: number } | null;
}

const cardState = (cdp: CDPSession) =>
  inCard<CardState>(
    cdp,
    `(root) => {
      const box = root.querySelector('.dl-summary')?.getBoundingClientRect();
      return { layout: root.querySelector('.dl-root')?.dataset.layout ?? '',
        state: root.querySelector('.dl-root')?.dataset.state ?? '',
        summary: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null };
    }`,
  );

/** A real click (the card ignores synthetic ones) at the centre of `selector` in the card. */
async function clickInCard(page: Page, cdp: CDPSession, selector: string): Promise<void> {
  const box = await inCard<{ x: number; y: number } | null>(
    cdp,
    `(root) => { const r = root.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null; }`,
  );
  if (!box) throw new Error(`no ${selector} in the card`);
  await page.mouse.click(box.x, box.y);
}

/** Every visible control of the page whose centre does not hit it (tests/e2e/site-pages/coverage). */
const coverage = (page: Page): Promise<Coverage> => page.evaluate(pageCoverage);

/** The page's DOM as served, less the card's host: the room the page made is given back exactly. */
function domAsServed(page: Page, html: string): Promise<boolean> {
  return page.evaluate(
    ({ served, host }) => {
      const live = document.documentElement.cloneNode(true) as HTMLElement;
      for (const element of [...live.children])
        if (new RegExp(host).test(element.localName)) element.remove();
      return (
        live.outerHTML === new DOMParser().parseFromString(served, 'text/html').documentElement.outerHTML
      );
    },
    { served: html, host: HOST.source },
  );
}

/** `selector`'s element ends where the card's strip starts (at 1280 px), and its `controls` links and buttons are reachable. */
async function expectBesideTheCard(page: Page, selector: string, controls: number): Promise<void> {
  await expect
    .poll(
      () => page.evaluate((css) => document.querySelector(css)?.getBoundingClientRect().right, selector),
      {
        timeout: 5_000,
      },
    )
    .toBe(1280 - 360);
  const hits = await page.evaluate(
    (css) =>
      [...document.querySelectorAll(`${css} a, ${css} button`)].map((control) => {
        const box = control.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === control;
      }),
    selector,
  );
  expect(hits).toEqual(Array.from({ length: controls }, () => true));
}

// One retry: a card missing once in a CI run of this file (see openCard) must not sink the build, and still shows.
describe('the card covers nothing by default', { retry: 1 }, () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    server = (await new FixtureServer().start()).publish(digests);
    for (const fixture of SITE_PAGES) server.page(fixture.url, fixture.html('light'));
    session = await launchExtension({ server });
    await untilStored(session, [today]);
    page = await session.context.newPage();
    cdp = await session.context.newCDPSession(page);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  async function openCard(fixture: SitePageFixture): Promise<CardState> {
    await page.goto(fixture.url);
    await expect
      .poll(async () => (await cardState(cdp))?.summary?.height ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0)
      .catch(async (error: Error) => {
        // Seen once in CI (2026-11-30, hf-paper at 1366 px), never again in 16 runs: say what the page had.
        const seen = await page.evaluate(() => ({
          readyState: document.readyState,
          innerWidth,
          children: [...document.documentElement.children].map((element) => element.localName),
        }));
        const said = `${error.message}; card: ${JSON.stringify(await cardState(cdp))}; page: ${JSON.stringify(seen)}`;
        // Printed as well as thrown: the retry below would otherwise leave no trace of it in CI's log.
        console.warn(`[layout] no card summary on ${fixture.name}: ${said}`);
        throw new Error(said);
      });
    // Two frames: the room is made before the first paint, the page's fixed elements moved at DOMContentLoaded.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return (await cardState(cdp)) as CardState;
  }

  for (const width of WIDTHS) {
    it.each(SITE_PAGES.map((fixture) => [fixture.name, fixture] as const))(
      `at ${width} px on %s: every control reachable, the summary on screen`,
      async (_name, fixture) => {
        await page.setViewportSize({ width, height: 800 });
        const card = await openCard(fixture);
        const { summary } = card;
        expect(summary && summary.x >= 0 && summary.y >= 0 && summary.x < width && summary.y < 800).toBe(
          true,
        );
        const result = await coverage(page);
        expect(result.checked).toBeGreaterThan(20);
        expect(result.covered).toEqual([]);
        expect(result.horizontalOverflow).toBe(0);
        // X's columns can't get narrower: the bar above it below 1625 px, the side panel beside the others.
        expect(card.layout).toBe(fixture.name === 'x-tweet' && width < 1625 ? 'top' : 'right');
      },
    );
  }

  it('moves out from under the card what the page shows later: a drawer the user opens, a button shown on scrolling', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const repo = SITE_PAGES[0] as SitePageFixture;
    expect((await openCard(repo)).layout).toBe('right');
    // As GitHub's user menu: a drawer sliding in from the window's right edge. And a "back to top" button that a
    // page shows once scrolled, fixed at the bottom right.
    await page.evaluate(() => {
      document.querySelector('[aria-label="Open user navigation"]')?.addEventListener('click', () => {
        const drawer = document.createElement('div');
        drawer.id = 'drawer';
        drawer.style.cssText =
          'position:fixed;top:0;right:0;width:320px;height:100vh;background:#eef;transform:translateX(100%);transition:transform .2s';
        drawer.innerHTML = '<a href="/settings">Settings</a> <button type="button">Sign out</button>';
        document.body.append(drawer);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            drawer.style.transform = 'none';
          }),
        );
      });
      document.body.insertAdjacentHTML('beforeend', '<div style="height:2000px"></div>');
      addEventListener('scroll', () => {
        if (scrollY < 200 || document.getElementById('top')) return;
        document.body.insertAdjacentHTML(
          'beforeend',
          '<button id="top" type="button" style="position:fixed;right:16px;bottom:16px">Back to top</button>',
        );
      });
    });
    await page.click('[aria-label="Open user navigation"]');
    // Slid in, it ends where the card's strip starts, its controls reachable. (The open drawer covers the page under
    // it, as GitHub's does: only its own controls are counted.)
    await expectBesideTheCard(page, '#drawer', 2);
    await page.evaluate(() => document.getElementById('drawer')?.remove());
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => document.getElementById('top') !== null)).toBe(true);
    await expect.poll(async () => (await coverage(page)).covered, { timeout: 5_000 }).toEqual([]);
  });

  it('docks as the bar above a page too wide to sit beside the panel, and the page stays responsive', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const repo = SITE_PAGES[0] as SitePageFixture;
    // A page of that repo whose content is 1,000 px wide: beside the 360 px panel it overflows, and at the bar the
    // window alone says the panel fits. The card took turns between the two for ever, freezing the tab.
    const wide = `${repo.url}/blob/main/WIDE.md`;
    server.page(
      wide,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>wide</title></head><body><div style="width:1000px;height:60px;background:#eee">A 1,000 px wide block</div></body></html>',
    );
    const state = await openCard({ ...repo, url: wide });
    expect(state.layout).toBe('top');
    const started = Date.now();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.title)).toBe('wide');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await cardState(cdp))?.layout).toBe('top');
  });

  it('moves out from under the card a menu placed absolute against the window (no positioned ancestor)', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const repo = SITE_PAGES[0] as SitePageFixture;
    expect((await openCard(repo)).layout).toBe('right');
    // A menu a page opens at the window's right edge, placed against the initial containing block, which the room's
    // padding on <html> does not narrow.
    await page.evaluate(() => {
      document.querySelector('[aria-label="Open user navigation"]')?.addEventListener('click', () => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<div id="menu" style="position:absolute;top:72px;right:0;width:200px;padding:8px;background:#eef"><a href="/profile">Profile</a><br><a href="/stars">Stars</a><br><a href="/settings">Settings</a></div>',
        );
      });
    });
    await page.click('[aria-label="Open user navigation"]');
    await expectBesideTheCard(page, '#menu', 3);
  });

  it('follows a resized window, and gives the page back exactly what it had when the card is closed', async () => {
    await page.setViewportSize({ width: 1920, height: 800 });
    const tweet = SITE_PAGES.find((fixture) => fixture.name === 'x-tweet') as SitePageFixture;
    await openCard(tweet);
    // The Messages drawer, fixed to the window's right edge, was moved out of the card's strip.
    expect(await domAsServed(page, tweet.html('light'))).toBe(false);
    expect((await coverage(page)).covered).toEqual([]);
    // Narrower than X's columns and the panel: the bar above the page instead, and back.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('top');
    expect((await coverage(page)).covered).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 800 });
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('right');
    await clickInCard(page, cdp, '.dl-header .dl-button:last-child');
    await expect.poll(() => inCard(cdp, '(root) => root.querySelector(".dl-root") !== null')).not.toBe(true);
    expect(await domAsServed(page, tweet.html('light'))).toBe(true);
  });

  it('shows the card over the page when the user asks, and remembers it across a reload', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const repo = SITE_PAGES[0] as SitePageFixture;
    expect((await openCard(repo)).layout).toBe('right');
    await clickInCard(page, cdp, '.dl-layout');
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('over');
    expect(await domAsServed(page, repo.html('light'))).toBe(true);
    expect((await openCard(repo)).layout).toBe('over');
    // From the compact bar on X too: "open" shows every card over the page.
    await clickInCard(page, cdp, '.dl-layout');
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('right');
    const tweet = SITE_PAGES.find((fixture) => fixture.name === 'x-tweet') as SitePageFixture;
    expect((await openCard(tweet)).layout).toBe('top');
    await clickInCard(page, cdp, '.dl-bar-open');
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('over');
    expect((await openCard(repo)).layout).toBe('over');
    await clickInCard(page, cdp, '.dl-layout');
    await expect.poll(async () => (await cardState(cdp))?.layout).toBe('right');
    expect((await openCard(repo)).layout).toBe('right');
  });
});
