import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { cutText, DIGEST_LIMITS, formatCount } from '../../../lib/digest/limits';

const lines = (...text: string[]) => text.join('\n');
const news = (...body: string[]) =>
  lines(
    '## AINews - 2026-05-01',
    '## 📰 十大AI新闻要点',
    ...body,
    '## 🛠️ 十大工具产品要点',
    '### 1. 工具',
    '> 工具摘要',
  );
const messages = (text: string) => parseDigest(text).problems.map((problem) => problem.message);

describe('a digest is bounded, and what is cut is said', () => {
  it('keeps the first 200 items and counts the rest', () => {
    const items = Array.from({ length: 250 }, (_, index) => `### ${index + 1}. 标题 ${index + 1}\n> 摘要`);
    const result = parseDigest(news(...items));
    expect(result.digest?.items).toHaveLength(DIGEST_LIMITS.items);
    expect(result.digest?.items.at(-1)).toMatchObject({ section: 'news', rank: 200, title: '标题 200' });
    expect(result.problems).toEqual([
      { line: 3 + 2 * 200, message: 'the digest was cut at 200 items (51 more left out)' },
    ]);
  });

  it('keeps the first 50 links of an item', () => {
    const links = Array.from({ length: 50_001 }, (_, index) => `> [l](https://a.example.com/${index})`);
    const result = parseDigest(news('### 1. 链接很多', '> 摘要', ...links));
    const item = result.digest?.items[0];
    expect(item?.links).toHaveLength(DIGEST_LIMITS.linksPerItem);
    expect(item?.links.at(-1)).toBe('https://a.example.com/49');
    expect(result.problems).toEqual([
      { line: 3, message: '十大AI新闻要点 1: the links were cut at 50 (49,951 more left out)' },
    ]);
  });

  it('counts a link once before cutting', () => {
    const links = Array.from({ length: 1000 }, () => '> [l](https://a.example.com/same)');
    expect(messages(news('### 1. 重复链接', '> 摘要', ...links))).toEqual([]);
  });

  it('cuts a long title and a long summary, and says so in words', () => {
    const title = '长'.repeat(DIGEST_LIMITS.titleLength + 1);
    const summary = '摘要很长。'.repeat(DIGEST_LIMITS.summaryLength);
    const result = parseDigest(news(`### 1. ${title}`, `> ${summary}`));
    const item = result.digest?.items[0];
    expect(item?.title).toHaveLength(DIGEST_LIMITS.titleLength);
    expect(item?.title.endsWith('长…')).toBe(true);
    expect(item?.summary).toHaveLength(DIGEST_LIMITS.summaryLength);
    expect(item?.summary.endsWith('…')).toBe(true);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      '十大AI新闻要点 1: the title was cut at 1,000 characters',
      '十大AI新闻要点 1: the summary was cut at 5,000 characters',
    ]);
  });

  it('still reads the links of the lines after a summary it has cut', () => {
    const longSummary = Array.from({ length: 2_000 }, () => '> 很长的摘要。');
    const result = parseDigest(
      news('### 1. 标题', ...longSummary, '> 更多：[报告](https://a.example.com/r)'),
    );
    expect(result.digest?.items[0]?.links).toEqual(['https://a.example.com/r']);
    expect(result.digest?.items[0]?.summary).toHaveLength(DIGEST_LIMITS.summaryLength);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      '十大AI新闻要点 1: the summary was cut at 5,000 characters',
    ]);
  });

  it('counts the summary without its bidi controls, so they cannot make it look cut', () => {
    const summary = `> ${'\u202E'.repeat(DIGEST_LIMITS.summaryLength)}摘要`;
    const result = parseDigest(news('### 1. 标题', summary));
    expect(result.digest?.items[0]?.summary).toBe('摘要');
    expect(result.problems).toEqual([]);
  });

  it('keeps a title and a summary at exactly the limit whole', () => {
    const title = '长'.repeat(DIGEST_LIMITS.titleLength);
    const summary = '要'.repeat(DIGEST_LIMITS.summaryLength);
    const item = parseDigest(news(`### 1. ${title}`, `> ${summary}`)).digest?.items[0];
    expect(item).toMatchObject({ title, summary });
  });

  it('lists at most 100 problems, the last one saying how many more there were', () => {
    const result = parseDigest(news(...Array.from({ length: 150 }, () => '### 0. 零号')));
    expect(result.problems).toHaveLength(DIGEST_LIMITS.problems);
    expect(result.problems.at(-2)?.message).toBe('十大AI新闻要点: item number 0 is not a rank');
    // The first problem is the section's (line 2: it has no items), then one per heading from line 3 on.
    expect(result.problems.at(-1)).toEqual({
      line: 101,
      message: '52 more problems from here on are not listed',
    });
  });
});

describe('cutText', () => {
  it.each([
    ['fits', 'abc', 3, null],
    ['cut with an ellipsis', 'abcdef', 4, 'abc…'],
    ['no space before the ellipsis', 'ab  cdef', 4, 'ab…'],
    ['never half a surrogate pair', 'a😀bc', 3, 'a…'],
  ])('%s', (_case, text, maxLength, cut) => {
    expect(cutText(text, maxLength)).toBe(cut);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [49_951, '49,951'],
    [1_234_567, '1,234,567'],
  ])('%d → %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });
});
