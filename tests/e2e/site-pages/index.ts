/** Fixture pages laid out like each served site, one per page type the card opens on (tests/e2e/layout). */
import type { FixtureDigest } from '../../fixtures/digest-builder';
import { githubPullPage, githubRepoPage } from './github';
import { huggingfacePaperPage, huggingfaceRepoPage } from './huggingface';
import type { PageTheme } from './page';
import { xTweetPage } from './x';

export type { PageTheme } from './page';

export interface SitePageFixture {
  name: string;
  url: string;
  html: (theme: PageTheme) => string;
}

export const TWEET_ID = '1862000000000000042';
export const PAPER_ID = '2611.04242';

export const SITE_PAGES: SitePageFixture[] = [
  {
    name: 'github-repo',
    url: 'https://github.com/lens-org/lens-index',
    html: (theme) => githubRepoPage('lens-org', 'lens-index', theme),
  },
  {
    name: 'github-pull',
    url: 'https://github.com/lens-org/lens-index/pull/7',
    html: (theme) => githubPullPage('lens-org', 'lens-index', 7, theme),
  },
  {
    name: 'x-tweet',
    url: `https://x.com/lens_lab/status/${TWEET_ID}`,
    html: (theme) => xTweetPage('lens_lab', TWEET_ID, theme),
  },
  {
    name: 'hf-model',
    url: 'https://huggingface.co/lens-org/coder-7b',
    html: (theme) => huggingfaceRepoPage('model', 'lens-org', 'coder-7b', theme),
  },
  {
    name: 'hf-dataset',
    url: 'https://huggingface.co/datasets/lens-org/cjk-set',
    html: (theme) => huggingfaceRepoPage('dataset', 'lens-org', 'cjk-set', theme),
  },
  {
    name: 'hf-space',
    url: 'https://huggingface.co/spaces/lens-org/demo',
    html: (theme) => huggingfaceRepoPage('space', 'lens-org', 'demo', theme),
  },
  {
    name: 'hf-paper',
    url: `https://huggingface.co/papers/${PAPER_ID}`,
    html: (theme) => huggingfacePaperPage(PAPER_ID, theme),
  },
];

const item = (title: string, url: string) => ({
  title,
  url,
  summary: `${title}：这一条摘要的第一句说明它是什么，第二句说明为什么值得一看，足够长，能排满一行以上的文字。`,
});

/** A digest with an item about each page above (the pull request's beside its repo's). */
export function sitePagesDigest(date: string): FixtureDigest {
  return {
    date,
    news: [
      item('拉取请求把索引写成新格式', 'https://github.com/lens-org/lens-index/pull/7'),
      item('实验室发布会写代码的小模型', `https://x.com/lens_lab/status/${TWEET_ID}`),
      item('智能体互相纠错的评测', `https://arxiv.org/abs/${PAPER_ID}`),
      item('七十亿参数的代码模型开放下载', 'https://huggingface.co/lens-org/coder-7b'),
    ],
    tools: [
      item('Lens Index：给仓库建语义索引', 'https://github.com/lens-org/lens-index'),
      item('中日韩混合语料数据集', 'https://huggingface.co/datasets/lens-org/cjk-set'),
      item('在浏览器里试用的演示 Space', 'https://huggingface.co/spaces/lens-org/demo'),
    ],
  };
}
