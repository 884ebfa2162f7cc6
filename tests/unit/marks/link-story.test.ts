import { describe, expect, it } from 'vitest';
import { identityKeys } from '../../../lib/links';
import { linkStory, markViews } from '../../../lib/marks/link-story';
import { storyKey } from '../../../lib/story';
import { LATE_REPO_KEY, latePull as pull, lateRepo as repo } from './late-repo';

describe('linkStory: the story of the thing a mark’s key names', () => {
  it.each([
    'https://github.com/Late-Org/Late-Repo',
    'https://x.com/lab/status/1861234567890123456',
    'https://huggingface.co/lens-org/sparse-7b',
    'https://huggingface.co/datasets/lens-org/corpus',
    'https://arxiv.org/abs/2401.01234',
  ])('is the story of a page at %s', (link) => {
    const [key = ''] = identityKeys(link);
    expect(linkStory(key)).toBe(storyKey(link));
  });

  it('is not the story of a pull request of the repository the key names', () => {
    expect(linkStory('gh:repo:late-org/late-repo')).not.toBe(
      storyKey('https://github.com/late-org/late-repo/pull/5'),
    );
  });
});

describe('markViews: a mark’s cards', () => {
  it('lead with the item about the linked repository, whatever its section, then the others (QA)', () => {
    const views = markViews(LATE_REPO_KEY, [pull, repo]);
    expect(views.map(({ title }) => title)).toEqual(['仓库本身', '修复 PR']);
  });

  it('keep the linked address among the item’s sources, and mark nothing 本页 (the user is not there)', () => {
    const [first] = markViews(LATE_REPO_KEY, [pull, repo]);
    expect(first?.sources.map(({ label }) => label)).toEqual(['github.com/late-org/late-repo']);
    expect(first?.thisPage).toBe(false);
  });

  it('keep the page card’s order when no item is about the linked thing', () => {
    expect(markViews('gh:repo:other/thing', [repo, pull]).map(({ title }) => title)).toEqual([
      '修复 PR',
      '仓库本身',
    ]);
  });
});
