/**
 * The pages and the digest the all-sites tests share (Chromium: tests/e2e/all-sites.e2e.test.ts, Firefox:
 * tests/e2e/firefox/all-sites.firefox.test.ts): an arXiv abstract page whose item links the paper's v2, a Wikipedia
 * article an item links to, a Hacker News thread an item links to, a Hacker News–like list linking two items among
 * other links, an unrelated site, and the repository an item links to (on GitHub, a served site).
 * Their hosts are in the fixture server's MAPPED_HOSTS.
 */
import { type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import type { FixtureServer } from './fixture-server';

export const today = shanghaiDate(0);
const PAPER_ID = '2611.04321';
export const ARXIV_PAGE = `https://arxiv.org/abs/${PAPER_ID}`;
export const WIKI_PAGE = 'https://en.wikipedia.org/wiki/Mixture_of_experts';
export const UNRELATED_PAGE = 'https://unrelated.example/blog/a-post';
export const PAPER_TITLE = '稀疏专家模型的新训练方法';
export const WIKI_TITLE = '维基百科：混合专家模型综述';
export const REPO_TITLE = 'Sparse Kit：稀疏专家训练工具';
/** The item's repository: a page of a served site, where the extension's own content script runs. */
export const REPO_PAGE = 'https://github.com/lens-org/sparse-kit';
export const LIST_PAGE = 'https://news.ycombinator.com/news';
/** A Hacker News thread, a page named by its query alone. */
export const THREAD_PAGE = 'https://news.ycombinator.com/item?id=4242';
export const THREAD_TITLE = 'HN 讨论：稀疏专家到底值不值';

const digest: FixtureDigest = {
  date: today,
  news: [
    {
      title: PAPER_TITLE,
      url: `https://arxiv.org/abs/${PAPER_ID}v2`,
      summary: '一篇论文提出了稀疏专家模型的新训练方法，在同等算力下效果更好。',
    },
    { title: WIKI_TITLE, url: WIKI_PAGE, summary: '一篇介绍混合专家模型历史和做法的百科条目。' },
    { title: THREAD_TITLE, url: THREAD_PAGE, summary: '一场关于稀疏专家模型得失的社区讨论。' },
  ],
  tools: [{ title: REPO_TITLE, url: REPO_PAGE, summary: '一个训练稀疏专家模型的开源工具包。' }],
};

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
export const PAGES: Record<string, string> = {
  [ARXIV_PAGE]: page(`[${PAPER_ID}] Sparse experts`, 'Abstract: a new way to train sparse experts.'),
  [WIKI_PAGE]: page('Mixture of experts - Wikipedia', 'Mixture of experts is a machine learning technique.'),
  [UNRELATED_PAGE]: page('A post', 'Nothing any digest links to.'),
  [THREAD_PAGE]: page('Are sparse experts worth it? | Hacker News', '128 comments.'),
  [REPO_PAGE]: page('GitHub - lens-org/sparse-kit', 'Train sparse experts.'),
  [LIST_PAGE]: `<!doctype html><html><head><title>Hacker News</title></head><body><table>${[
    [`https://arxiv.org/abs/${PAPER_ID}v1`, 'Sparse experts, trained anew (arxiv.org)'],
    ['https://news.ycombinator.com/item?id=41', '12 comments'],
    [REPO_PAGE, 'Show HN: Sparse Kit (github.com)'],
    ['https://github.com/other-org/other-repo', 'Another repository (github.com)'],
    [UNRELATED_PAGE, 'A post nobody summarised (unrelated.example)'],
    [`https://arxiv.org/abs/${PAPER_ID.replace(/1$/, '2')}`, 'A different paper (arxiv.org)'],
  ]
    .map(([href, text]) => `<tr><td><a href="${href}">${text}</a></td></tr>`)
    .join('')}</table></body></html>`,
};

/** Publish the digest and serve the three pages. */
export function serveAllSitesFixtures(server: FixtureServer): void {
  server.publish([digest]);
  for (const [url, html] of Object.entries(PAGES)) server.page(url, html);
}
