/**
 * A digest that comes after the page was loaded (QA 2026-12-02): a repository page and a GitHub search list are open
 * before the day's digest naming the repository is published; once a sync stores it, the repo page gets its card and
 * badge and the list its mark, without a reload. The list's mark names the repository's own item (工具 #1), not the
 * item about one of its pull requests (新闻 #3).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, untilStored } from './harness';
import { githubSearchPage } from './marks-pages';
import { cardText, markLabels } from './shadow-nodes';
import { githubRepoPage } from './site-pages/github';
import { badges, cardHosts, openTab } from './tabs';

const yesterday = shanghaiDate(-1);
const today = shanghaiDate(0);
const REPO_PAGE = 'https://github.com/late-org/late-repo';
const LIST_PAGE = 'https://github.com/search?q=late&type=repositories';
const todays = sampleDigest(today);
todays.news[2] = {
  title: '晚到仓库的修复 PR',
  url: `${REPO_PAGE}/pull/5`,
  summary: '这个拉取请求修复了晚到仓库的索引格式。',
};
todays.tools[0] = { title: '晚到的仓库', url: REPO_PAGE, summary: '晚到的仓库本身：一个稀疏索引工具。' };

describe('pages open before the digest that names them', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let repo: { tab: Page; tabId: number };
  let list: { tab: Page; tabId: number };

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish([sampleDigest(yesterday)]);
    server.page(REPO_PAGE, githubRepoPage('late-org', 'late-repo', 'light'));
    server.page(LIST_PAGE, githubSearchPage(['late-org/late-repo', 'other-org/other-repo'], 'light'));
    session = await launchExtension({ server });
    await untilStored(session, [yesterday]);
    repo = await openTab(session, REPO_PAGE);
    list = await openTab(session, LIST_PAGE);
    // Time for their lookups (the card's, the marks') to be answered: nothing yet.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const { tab } of [repo, list])
      await tab.evaluate(() => Object.assign(window, { loadedBeforeTheDigest: true }));
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('show nothing before the digest is published', async () => {
    expect(await cardHosts(repo.tab)).toBe(0);
    expect(await markLabels(list.tab)).toEqual([]);
    expect((await badges(session)).get(repo.tabId)).toBe('');
    server.publish([sampleDigest(yesterday), todays]);
    await session.send('syncNow');
    await untilStored(session, [today, yesterday]);
  });

  it('the repository page gets its card and badge once the sync stores the digest, without a reload', async () => {
    await expect.poll(() => cardText(repo.tab), { timeout: 15_000 }).toContain(todays.tools[0]?.summary);
    expect(await cardText(repo.tab)).toContain(todays.news[2]?.summary);
    await expect.poll(() => badges(session).then((all) => all.get(repo.tabId))).toBe('2');
    expect(await repo.tab.evaluate(() => 'loadedBeforeTheDigest' in window)).toBe(true);
  });

  it('the list marks the repository’s link, naming the repository’s own item', async () => {
    await expect.poll(() => markLabels(list.tab), { timeout: 15_000 }).toHaveLength(1);
    const [label] = await markLabels(list.tab);
    expect(label).toContain('工具 #1');
    expect(await list.tab.evaluate(() => 'loadedBeforeTheDigest' in window)).toBe(true);
  });
});
