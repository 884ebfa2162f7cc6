import { describe, expect, it } from 'vitest';
import { digestKindOf } from '../../../lib/digest/digest-kind';
import { parseDigest } from '../../../lib/digest/index';
import { splitLines } from '../../../lib/digest/lines';
import { storedDigestSchema } from '../../../lib/schema';
import { readDigestFixture } from './read-fixture';

describe('the digest kind', () => {
  it('calls the AI digest `ainews`', () => {
    expect(parseDigest(readDigestFixture('standard.md')).digest?.kind).toBe('ainews');
  });

  it('reads a digest stored before there were kinds back as an AI digest', () => {
    const before = {
      date: '2026-01-02',
      issueUrl: null,
      items: [{ section: 'news', rank: 1, title: 't', summary: 's', links: [] }],
      sourceId: 'dated',
      sourceUrl: 'https://example.com/d.md',
      fetchedAt: 0,
      contentHash: 'h',
      problems: [],
    };
    expect(storedDigestSchema.parse(before).kind).toBe('ainews');
    expect(storedDigestSchema.parse({ ...before, kind: 'github-trending' }).kind).toBe('github-trending');
    expect(storedDigestSchema.safeParse({ ...before, kind: 'weekly' }).success).toBe(false);
  });
});

describe('telling the kinds apart', () => {
  it.each([
    ['## GitHub Trending\n### 1. [a/b](https://github.com/a/b)', 'github-trending'],
    ['# GitHub 每日趋势 - 前10个项目摘要\n## a/b', 'github-trending'],
    ['```\n## GitHub Trending\n```', 'github-trending'],
    ['intro\n## **GitHub 热门**', 'github-trending'],
    ['## AINews - 2026-01-02\n## GitHub Trending', 'ainews'],
    ['## 📰 十大AI新闻要点\n### 1. [GitHub Trending](https://github.com/trending)', 'ainews'],
    ['nothing here', 'ainews'],
  ])('%j is %s', (text, kind) => {
    expect(digestKindOf(splitLines(text))).toBe(kind);
  });
});
