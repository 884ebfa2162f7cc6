/** Fixture pages laid out like each served site, one per page type the card opens on (tests/e2e/layout). */
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
