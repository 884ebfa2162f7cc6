/**
 * The pages and the digest the all-sites tests share (Chromium: tests/e2e/all-sites.e2e.test.ts, Firefox:
 * tests/e2e/firefox/all-sites.firefox.test.ts): an arXiv abstract page whose item links the paper's v2, a Wikipedia
 * article an item links to, and an unrelated site. All three hosts are in the fixture server's MAPPED_HOSTS.
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

const digest: FixtureDigest = {
  date: today,
  news: [
    {
      title: PAPER_TITLE,
      url: `https://arxiv.org/abs/${PAPER_ID}v2`,
      summary: '一篇论文提出了稀疏专家模型的新训练方法，在同等算力下效果更好。',
    },
    { title: WIKI_TITLE, url: WIKI_PAGE, summary: '一篇介绍混合专家模型历史和做法的百科条目。' },
  ],
  tools: [],
};

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
export const PAGES: Record<string, string> = {
  [ARXIV_PAGE]: page(`[${PAPER_ID}] Sparse experts`, 'Abstract: a new way to train sparse experts.'),
  [WIKI_PAGE]: page('Mixture of experts - Wikipedia', 'Mixture of experts is a machine learning technique.'),
  [UNRELATED_PAGE]: page('A post', 'Nothing any digest links to.'),
};

/** Publish the digest and serve the three pages. */
export function serveAllSitesFixtures(server: FixtureServer): void {
  server.publish([digest]);
  for (const [url, html] of Object.entries(PAGES)) server.page(url, html);
}
