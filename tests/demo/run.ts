/**
 * `npm run demo`: the built extension in headless Chromium against the demo's own digests and sample pages, served
 * at the real hosts by the fixture server. Writes what a user sees to assets/screenshots/: the sidebar on X, GitHub
 * and Hugging Face, the popup and the options page, each in light and dark (and X's Dim). Exits 1 when a view did
 * not appear.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FixtureServer } from '../e2e/fixture-server';
import { type ExtensionSession, launchExtension, projectRoot } from '../e2e/harness';
import { datedUrl, digestMarkdown, HOMEPAGE_URL, shanghaiDate } from '../fixtures/digest-builder';
import { DEMO_MODEL_URL, DEMO_REPO_URL, DEMO_TWEET_URL, demoDigests } from './sample-digests';
import { modelPage, type PageTheme, repoPage, type TweetTheme, tweetPage } from './sample-pages';

/** Where the pictures go: the README's, or elsewhere to look at them first (DEMO_SCREENSHOTS_DIR). */
const screenshotsDir = process.env.DEMO_SCREENSHOTS_DIR ?? join(projectRoot, 'assets/screenshots');
const SITES = [
  { name: 'x', url: DEMO_TWEET_URL, html: tweetPage },
  { name: 'github', url: DEMO_REPO_URL, html: repoPage },
  { name: 'huggingface', url: DEMO_MODEL_URL, html: modelPage },
] as const;

const problems: string[] = [];
const written: string[] = [];

async function save(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  written.push(path);
}

/** Wait for the first sync of a fresh install to store the demo digests. */
async function waitForDigests(session: ExtensionSession, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const status = await session.send('status');
      last = `${status.digestCount} digests, running: ${status.running}`;
      if (status.digestCount >= count && !status.running) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  problems.push(`the demo digests were not stored within 30 s (${last})`);
}

async function sidebarShot(session: ExtensionSession, site: (typeof SITES)[number], theme: TweetTheme) {
  const page = await session.context.newPage();
  try {
    await page.goto(site.url);
    // The card's host (its shadow root is closed): a child of <html> named `digest-lens-` and 16 random characters.
    const host = () =>
      [...document.documentElement.children].some((node) =>
        /^digest-lens-[0-9a-z]{16}$/.test(node.localName),
      );
    await page.waitForFunction(host, undefined, { timeout: 10_000 }).catch(() => {
      problems.push(`no sidebar on ${site.name} (${theme})`);
    });
    await page.waitForTimeout(300);
    await save(page, `sidebar-${site.name}-${theme}`);
  } finally {
    await page.close();
  }
}

async function popupShot(session: ExtensionSession, theme: PageTheme) {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(session.extensionUrl('popup.html'));
    await page
      .locator('.digest .items li')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => problems.push(`the popup showed no digest items (${theme})`));
    await page.waitForTimeout(300);
    await save(page, `popup-${theme}`);
  } finally {
    await page.close();
  }
}

async function optionsShot(session: ExtensionSession, theme: PageTheme) {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(session.extensionUrl('options.html'));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    if (((await page.locator('body').textContent()) ?? '').trim() === '')
      problems.push(`the options page is empty (${theme})`);
    await save(page, `options-${theme}`, true);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const digests = demoDigests(shanghaiDate(0), shanghaiDate(-1));
  const server = await new FixtureServer().start();
  for (const digest of digests) {
    server.set(datedUrl(digest.date), {
      body: digestMarkdown(digest),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  // The publisher's homepage embeds today's digest among other sections, as the real one does.
  const [today] = digests;
  if (today) {
    server.set(HOMEPAGE_URL, {
      body: `# 我的文字

欢迎来到我的主页。

### AI 动态速览

${digestMarkdown(today)}

### 推荐阅读

1. [一篇旧文](https://example.com/post)
`,
    });
  }
  try {
    for (const theme of ['light', 'dark'] as const) {
      for (const site of SITES) server.page(site.url, site.html(theme));
      const session = await launchExtension({ server, colorScheme: theme, locale: 'zh-CN' });
      try {
        await waitForDigests(session, digests.length);
        for (const site of SITES) await sidebarShot(session, site, theme);
        if (theme === 'dark') {
          // X's third look, Dim, whatever the system's scheme.
          server.page(DEMO_TWEET_URL, tweetPage('dim'));
          await sidebarShot(session, SITES[0], 'dim');
        }
        await popupShot(session, theme);
        await optionsShot(session, theme);
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`screenshots:\n${written.map((path) => `  ${path}`).join('\n')}`);
  if (problems.length > 0) {
    console.error(`problems:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
