import { makeMatch } from '../sidebar/fixtures';

/** QA's case (2026-12-02): one digest with a news item about a pull request of a repository and a tools item about it. */
export const LATE_REPO_KEY = 'gh:repo:late-org/late-repo';
export const latePull = makeMatch({
  item: {
    section: 'news',
    rank: 3,
    title: '修复 PR',
    links: ['https://github.com/late-org/late-repo/pull/5'],
  },
});
export const lateRepo = makeMatch({
  item: { section: 'tools', rank: 1, title: '仓库本身', links: ['https://github.com/late-org/late-repo'] },
});
