/**
 * GitHub 热门 on a repository's page, in real Chromium (issue 16): with trending documents served at the
 * publisher's dated URLs beside the day's AI digest, a trending repository's page shows its card labelled
 * GitHub 热门 — one card of the newest day, 上榜 N 次 — and a repository in both digests shows the AI digest's item
 * first. The card's shadow root is closed: it is read through the DevTools protocol, as the page cannot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  sampleDigest,
  sampleTrending,
  shanghaiDate,
  trendingMarkdown,
  trendingUrl,
} from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension } from './harness';

const today = shanghaiDate(0);
const earlier = shanghaiDate(-3);
const TRENDING_REPO = 'kelp-labs/tide-cache';
const BOTH_REPO = 'fixture-tools/tool-both';
const NEWEST_SUMMARY = '潮汐缓存是一个为边缘设备设计的键值缓存，今天的介绍。';
const OLDER_SUMMARY = '潮汐缓存三天前的介绍，已被更新的摘要取代。';

const repoPage = (repo: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${repo}</title></head><body><main><h1>${repo}</h1><p>A repository.</p></main></body></html>`;

/** The text of every element matching `selector` in the card's closed shadow root (none without a card). */
async function cardTexts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    // The card's host may sit under <html> or <body>: every shadow root of the page's own tree is looked in.
    type DomNode = typeof root;
    const shadows: DomNode[] = [];
    const walk = (node: DomNode) => {
      shadows.push(...(node.shadowRoots ?? []));
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const texts: string[] = [];
    for (const shadow of shadows) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
      for (const nodeId of nodeIds) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        texts.push(
          outerHTML
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      }
    }
    return texts;
  } finally {
    await cdp.detach();
  }
}

describe('GitHub 热门 on a repository page', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    // The day's AI digest links BOTH_REPO (its 10th tool, made up by sampleDigest).
    const digest = sampleDigest(today);
    const both = digest.tools[9];
    if (both) both.url = `https://github.com/${BOTH_REPO}`;
    server.publish([digest]);
    server.set(trendingUrl(today), {
      body: trendingMarkdown(
        sampleTrending(today, [
          { repo: BOTH_REPO, summary: '同时出现在 AI 日报里的仓库。' },
          { repo: TRENDING_REPO, summary: NEWEST_SUMMARY },
        ]),
      ),
    });
    server.set(trendingUrl(earlier), {
      body: trendingMarkdown(sampleTrending(earlier, [{ repo: TRENDING_REPO, summary: OLDER_SUMMARY }])),
    });
    server.page(`https://github.com/${TRENDING_REPO}`, repoPage(TRENDING_REPO));
    server.page(`https://github.com/${BOTH_REPO}`, repoPage(BOTH_REPO));
    session = await launchExtension({ server });
    // The install sync asks the trending source for 14 days: two files answer, the rest are 404 (none that day).
    await vi.waitFor(
      async () => {
        const status = await session.send('status');
        const trending = status.sources.find((source) => source.sourceId === 'trending');
        expect(trending?.counts).toEqual({ stored: 2, unchanged: 0, notFound: 12, failed: 0 });
        expect(status.digestCount).toBe(1);
      },
      { timeout: 30_000, interval: 250 },
    );
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('shows a trending repository’s card labelled GitHub 热门: its newest summary, rank and 上榜 2 次', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://github.com/${TRENDING_REPO}`);
    await expect.poll(() => cardTexts(page, '.dl-digest'), { timeout: 15_000 }).toEqual(['GitHub 热门']);
    expect(await cardTexts(page, '.dl-rank')).toEqual(['第 2 名']);
    expect(await cardTexts(page, '.dl-date')).toEqual([`${today} 上榜`]);
    expect(await cardTexts(page, '.dl-summary')).toEqual([NEWEST_SUMMARY]);
    expect(await cardTexts(page, '.dl-also')).toEqual(['上榜 2 次']);
    await session.screenshot(page, 'trending-card');
    await page.close();
  });

  it('lists the AI digest’s item first on a repository in both digests', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://github.com/${BOTH_REPO}`);
    await expect
      .poll(() => cardTexts(page, '.dl-digest'), { timeout: 15_000 })
      .toEqual(['AI 日报', 'GitHub 热门']);
    expect(await cardTexts(page, '.dl-rank')).toEqual(['工具 #10', '第 1 名']);
    await page.close();
  });
});
