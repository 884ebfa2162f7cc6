import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../lib/digest/index';
import { DIGEST_LIMITS } from '../../../../lib/digest/limits';
import { parseResultSchema } from '../../../../lib/schema';
import { readDigestFixture } from '../read-fixture';

function parseTrendingFixture(name: string) {
  const result = parseDigest(readDigestFixture(name));
  expect(parseResultSchema.parse(result)).toEqual(result);
  expect(result.digest?.kind).toBe('github-trending');
  return result;
}

const repoItem = (rank: number, repo: string, summaryStart: string) => ({
  section: 'trending',
  rank,
  title: repo,
  summary: expect.stringMatching(new RegExp(`^${summaryStart}`)),
  links: [`https://github.com/${repo}`],
});

describe('a GitHub 热门 digest', () => {
  it('reads the usual form: numbered headings with the repository link and a quoted summary', () => {
    const { digest, problems } = parseTrendingFixture('trending.md');
    expect(problems).toEqual([]);
    expect(digest).toEqual({
      kind: 'github-trending',
      date: null,
      issueUrl: null,
      items: [
        repoItem(1, 'lanternfish-lab/lumen-cli', 'Lumen CLI 是灯笼鱼实验室的命令行工具'),
        repoItem(2, 'polaris-infer/polaris', '北极星是一个轻量推理服务框架'),
        repoItem(3, 'paper-crane/origami-notes', '纸鹤笔记是一款本地优先的'),
      ],
    });
    expect(digest?.items[2]?.summary.endsWith('文件夹里。')).toBe(true);
  });

  it('reads the first days’ form: unnumbered `## owner/repo`, a plain paragraph and a 项目地址 line', () => {
    const { digest, problems } = parseTrendingFixture('trending-daily-trends.md');
    expect(problems).toEqual([]);
    expect(digest?.items).toEqual([
      repoItem(1, 'tide-pool/kelp-db', '海带数据库是一个嵌入式时序数据库'),
      repoItem(2, 'Moss-Garden/spore', '孢子是一个静态站点生成器'),
    ]);
  });

  it('reads the newer form with a language tag after the link, and takes 无摘要 for no summary', () => {
    const { digest, problems } = parseTrendingFixture('trending-language-tags.md');
    expect(digest?.items.map(({ title, links }) => [title, links])).toEqual([
      ['lanternfish-lab/lumen-cli', ['https://github.com/lanternfish-lab/lumen-cli']],
      ['granite-works/quarry', ['https://github.com/granite-works/quarry']],
      ['owl-post/night-mail', ['https://github.com/owl-post/night-mail']],
    ]);
    expect(digest?.items[2]?.summary).toBe('');
    expect(problems).toEqual([{ line: 12, message: 'GitHub Trending 3: the item has no summary' }]);
  });

  it('takes a date written in the title', () => {
    const { digest } = parseDigest(
      '## GitHub Trending - 2026-07-01\n### 1. [a/b](https://github.com/a/b)\n> 摘要。',
    );
    expect(digest?.date).toBe('2026-07-01');
  });

  it('ends at a heading as high as its title, so what follows is not read as repositories', () => {
    const text =
      '## GitHub Trending\n### 1. [a/b](https://github.com/a/b)\n> 摘要。\n## 往日\n### 2. [c/d](https://github.com/c/d)';
    expect(parseDigest(text).digest?.items.map((item) => item.title)).toEqual(['a/b']);
  });

  it('says when numbers skip, and when there is no item at all', () => {
    const skipped = parseDigest(
      '## GitHub Trending\n### 1. [a/b](https://github.com/a/b)\n> 一。\n### 3. [c/d](https://github.com/c/d)\n> 三。',
    );
    expect(skipped.digest?.items.map((item) => item.rank)).toEqual([1, 3]);
    expect(skipped.problems).toEqual([
      { line: 4, message: 'GitHub Trending: item 3 follows item 1 (expected 2)' },
    ]);
    expect(parseDigest('text\n## GitHub Trending\n\n').problems).toEqual([
      { line: 2, message: 'the digest has no items' },
    ]);
  });

  it('reads a number used twice as the next free one, so each repository keeps a place (and a summary note) of its own', () => {
    const doubled = parseDigest(
      '## GitHub Trending\n### 1. [a/b](https://github.com/a/b)\n> 一。\n### 2. [c/d](https://github.com/c/d)\n> 二。\n### 2. [e/f](https://github.com/e/f)\n> 重复的名次。\n### 3. [g/h](https://github.com/g/h)\n> 三。',
    );
    expect(doubled.digest?.items.map((item) => [item.title, item.rank, item.summary])).toEqual([
      ['a/b', 1, '一。'],
      ['c/d', 2, '二。'],
      ['e/f', 3, '重复的名次。'],
      ['g/h', 4, '三。'],
    ]);
    expect(doubled.problems).toEqual([
      { line: 6, message: 'GitHub Trending: item 2 follows item 2 (expected 3)' },
      { line: 6, message: 'GitHub Trending: item number 2 was already taken: read as item 3' },
      { line: 8, message: 'GitHub Trending: item number 3 was already taken: read as item 4' },
    ]);
  });

  it('says a heading cut inside its link’s label is cut off, and keeps the bracket out of the title', () => {
    const cut = parseDigest(
      '## GitHub Trending\n### 1. [a/b](https://github.com/a/b)\n> 一。\n### 2. [d-owner/cu',
    );
    expect(cut.digest?.items.map((item) => item.title)).toEqual(['a/b', 'd-owner/cu']);
    expect(cut.problems).toContainEqual({
      line: 4,
      message: 'GitHub Trending 2: the heading link is cut off (no closing bracket)',
    });
  });

  it('keeps within the digest limits and says what it cut', () => {
    const count = DIGEST_LIMITS.items + 5;
    const items = Array.from(
      { length: count },
      (_, index) => `### ${index + 1}. [o/r${index}](https://github.com/o/r${index})\n> 摘要。\n---`,
    );
    const { digest, problems } = parseDigest(`## GitHub Trending\n${items.join('\n')}`);
    expect(digest?.items).toHaveLength(DIGEST_LIMITS.items);
    expect(problems).toEqual([
      { line: 2 + DIGEST_LIMITS.items * 3, message: 'the digest was cut at 200 items (5 more left out)' },
    ]);
  });
});
