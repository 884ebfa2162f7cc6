/**
 * The normal flow in Firefox ESR (the .output/firefox-mv2 package), one Firefox for the file: a fresh install syncs
 * from the fixture feeds, the popup shows the day's top ten, a tweet / a GitHub deep link / an HF dataset get the
 * card (read through WebDriver BiDi, as its shadow root is closed) and a count on the toolbar badge, and an
 * unrelated page gets neither.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { datedUrl, type FixtureDigest, sampleDigest, shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import { FirefoxCard, type FirefoxSession, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const older = shanghaiDate(-2);
const TWEET_ID = '1863000000000000042';

const newest: FixtureDigest = sampleDigest(today, {
  news: sampleDigest(today).news.map((item, index) =>
    index === 2
      ? {
          title: '研究员公布浏览器扩展的端到端评测',
          url: `https://x.com/lens_lab/status/${TWEET_ID}`,
          summary: '这条推文介绍了在 Firefox 里端到端测试浏览器扩展的做法，覆盖同步、弹窗与页面卡片。',
        }
      : item,
  ),
  tools: sampleDigest(today).tools.map((item, index) =>
    index === 0
      ? {
          title: 'Fox Repo：在两个浏览器里跑同一套测试',
          url: 'https://github.com/fox-org/fox-repo',
          summary: '一个让同一套端到端测试在 Chromium 与 Firefox 中运行的开源工具。',
        }
      : index === 1
        ? {
            title: 'Fox Set：浏览器操作轨迹数据集',
            url: 'https://huggingface.co/datasets/fox-org/fox-set',
            summary: '收集了上万条真实浏览器操作轨迹的数据集，附带中文任务描述。',
          }
        : item,
  ),
});

/** Two pages linking each other, cacheable as GitHub serves its pages, so Firefox keeps them in its back-forward cache. */
const BFCACHE = {
  linked: 'https://github.com/fox-org/fox-repo/issues',
  other: 'https://github.com/someone/back-and-forth',
};
const cacheablePage = (title: string, link: string) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><a id="go" href="${link}">${link}</a>
<script>window.restored = false; addEventListener('pageshow', (event) => { if (event.persisted) window.restored = true; });</script></body></html>`,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'max-age=0, private, must-revalidate',
  },
});

const URLS = {
  tweet: `https://x.com/Lens_Lab/status/${TWEET_ID}`,
  repoDeepLink: 'https://github.com/fox-org/fox-repo/blob/main/README.md',
  dataset: 'https://huggingface.co/datasets/fox-org/fox-set',
  unrelated: 'https://github.com/someone/not-in-any-digest',
};

/** A page with in-app links handled the way X and GitHub do: a real click on `a[data-spa]` is a pushState. */
const sitePage = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>The page's own content.</p>
<script>document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  link.remove();
  history.pushState({}, '', link.getAttribute('href'));
});</script></body></html>`;

/** A real click (trusted input over BiDi) on an in-app link to `path`, as a user follows one on X or GitHub. */
async function clickLink(page: Page, path: string): Promise<void> {
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement('a'), { href, textContent: `go to ${href}` });
    link.dataset.spa = '';
    document.body.prepend(link);
  }, path);
  await page.click('a[data-spa]');
}

/** The card hosts as the page's own scripts see them (the element, not what is inside it). */
const hostsSeenByPage = (page: Page) =>
  page.evaluate(
    () =>
      [...document.documentElement.children].filter((node) =>
        /^digest-lens-[0-9a-z]{16}$/.test(node.localName),
      ).length,
  );

describe('Digest Lens in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([newest, sampleDigest(older)]);
    for (const [name, url] of Object.entries(URLS)) server.page(url, sitePage(name));
    server.set(BFCACHE.linked, cacheablePage('linked', BFCACHE.other));
    server.set(BFCACHE.other, cacheablePage('other', BFCACHE.linked));
    session = await launchFirefox({ server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await session.closeTabs();
  });

  it('syncs by itself after a fresh install, from the fixture feeds', async () => {
    await expect
      .poll(async () => (await session.send('listDigests')).digests.map((digest) => digest.date), {
        timeout: 30_000,
        interval: 300,
      })
      .toEqual([today, older]);
    await expect
      .poll(async () => (await session.send('status')).lastSyncAt, { timeout: 20_000 })
      .not.toBeNull();
    const status = await session.send('status');
    expect(status.sources.map((source) => [source.sourceId, source.lastError])).toEqual([
      ['dated', null],
      ['homepage', null],
      ['trending', null],
    ]);
    expect(server.requested(datedUrl(today)).length).toBeGreaterThan(0);
  });

  it('shows the day’s top ten news in the popup, in Chinese, and the tools on their tab', async () => {
    const page = await session.openPopup();
    await page.setViewport({ width: 400, height: 600 });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.digest')?.getAttribute('data-date')), {
        timeout: 20_000,
      })
      .toBe(today);
    const titles = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.item-title')].map((node) => node.innerText),
      );
    expect(await titles()).toEqual(newest.news.map((item) => item.title));
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('.issue-link')?.innerText)).toBe(
      '原文链接',
    );
    await session.screenshot(page, 'firefox-popup');
    await page.click('[role="tab"][data-section="tools"]');
    await expect.poll(titles).toEqual(newest.tools.map((item) => item.title));
  });

  it('opens the card on a tweet, with the item’s summary, and counts it on the badge', async () => {
    const page = await session.openSite(URLS.tweet);
    const card = new FirefoxCard(session.browser, page);
    await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
    const hosts = await card.hosts();
    expect(hosts.map((host) => host.mode)).toEqual(['closed']);
    const text = (await card.text('aside')) ?? '';
    expect(text).toContain('新闻 #3');
    // The digest named once (AI 日报), its date alone.
    expect(text).toContain(today);
    expect(text).not.toContain(`${today} 日报`);
    expect(text).toContain('研究员公布浏览器扩展的端到端评测');
    expect(text).toContain('覆盖同步、弹窗与页面卡片');
    // The page sees the host element, never what is inside it.
    expect(await hostsSeenByPage(page)).toBe(1);
    expect(
      await page.evaluate(
        () =>
          [...document.documentElement.children].find((node) => node.localName.startsWith('digest-lens-'))
            ?.shadowRoot ?? null,
      ),
    ).toBeNull();
    await expect.poll(async () => Object.values(await session.badges())).toContain('1');
    await session.screenshot(page, 'firefox-card-tweet');
  });

  it('gives the focus back to the page’s control it came from when the card is closed by the keyboard', async () => {
    const page = await session.openSite(URLS.tweet);
    const card = new FirefoxCard(session.browser, page);
    await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
    await page.evaluate(() => {
      const own = Object.assign(document.createElement('button'), { id: 'own', textContent: 'Own control' });
      document.body.append(own);
      own.focus();
    });
    let inCard = false;
    for (let presses = 0; presses < 6 && !inCard; presses++) {
      await page.keyboard.press('Tab');
      inCard = await page.evaluate(
        () => document.activeElement?.localName.startsWith('digest-lens-') ?? false,
      );
    }
    expect(inCard).toBe(true);
    await card.eval((root) =>
      root.querySelector<HTMLElement>('button[aria-label="在本页关闭摘要卡片"]')?.focus(),
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => hostsSeenByPage(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('own');
    await page.close();
  });

  it('opens the card on a GitHub deep link and on a Hugging Face dataset', async () => {
    for (const [url, title] of [
      [URLS.repoDeepLink, 'Fox Repo：在两个浏览器里跑同一套测试'],
      [URLS.dataset, 'Fox Set：浏览器操作轨迹数据集'],
    ] as const) {
      const page = await session.openSite(url);
      const card = new FirefoxCard(session.browser, page);
      await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
      expect(await card.text('aside')).toContain(title);
      await page.close();
    }
  });

  it('leaves an unrelated page alone: no element, no badge', async () => {
    const page = await session.openSite(URLS.unrelated);
    // Long enough for a look-up that would show the card to have shown it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await hostsSeenByPage(page)).toBe(0);
    expect(await new FirefoxCard(session.browser, page).hosts()).toEqual([]);
    expect(Object.values(await session.badges()).filter((badge) => badge !== '')).toEqual([]);
  });

  it('follows in-app links: unrelated → linked (the card appears, the badge counts) → out again (both go)', async () => {
    const page = await session.openSite(URLS.unrelated);
    const card = new FirefoxCard(session.browser, page);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await card.hosts()).toEqual([]);

    await clickLink(page, new URL(URLS.repoDeepLink).pathname);
    await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
    expect(await card.text('aside')).toContain('Fox Repo');
    await expect.poll(async () => Object.values(await session.badges())).toContain('1');

    await clickLink(page, '/someone/elsewhere');
    expect(await page.evaluate(() => location.pathname)).toBe('/someone/elsewhere');
    await expect.poll(() => card.hosts(), { timeout: 15_000 }).toEqual([]);
    await expect
      .poll(async () => Object.values(await session.badges()).filter((badge) => badge !== ''))
      .toEqual([]);
    expect(await hostsSeenByPage(page)).toBe(0);
  });
  it('looks a page up again when Back restores it from the back-forward cache: its badge comes back with its card', async () => {
    const page = await session.openSite(BFCACHE.linked);
    const card = new FirefoxCard(session.browser, page);
    await expect.poll(() => card.count('.dl-card'), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => Object.values(await session.badges())).toContain('1');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#go')]);
    await expect
      .poll(async () => Object.values(await session.badges()).filter((badge) => badge !== ''))
      .toEqual([]);
    void page.goBack({ timeout: 5_000 }).catch(() => undefined);
    await expect.poll(() => page.evaluate(() => location.href), { timeout: 10_000 }).toBe(BFCACHE.linked);
    // Restored, not loaded again: the page's own script saw a persisted pageshow.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { restored: boolean }).restored))
      .toBe(true);
    expect(await card.count('.dl-card')).toBe(1);
    await expect.poll(async () => Object.values(await session.badges()), { timeout: 10_000 }).toContain('1');
  });
});
