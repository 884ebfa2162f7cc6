import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { parseResultSchema } from '../../../lib/schema';

const lines = (...text: string[]) => text.join('\n');

describe('documents that hold no digest', () => {
  it.each([
    ['empty text', ''],
    ['prose', '今天天气不错。\n没有任何摘要。'],
    ['a 404 page', '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>'],
    ['binary noise', '\u0000\u0001\uFFFD\uD800 ### 1. [x](https://a.b) \u0000'],
    [
      'numbered headings outside any digest section',
      lines('## 往期', '### 1. [旧文](https://old.example.com/1)', '> 旧摘要'),
    ],
  ])('%s gives digest null and a problem on line 1', (_case, text) => {
    expect(parseDigest(text)).toEqual({
      digest: null,
      problems: [{ line: 1, message: 'no digest found: no 十大AI新闻要点 or 十大工具产品要点 section' }],
    });
  });

  it('never throws, even when given something that is not a string', () => {
    expect(parseDigest(null as unknown as string).digest).toBeNull();
    expect(parseDigest(42 as unknown as string).digest).toBeNull();
  });
});

describe('partial digests keep what they could read and name the lines', () => {
  it('reports a missing section at the last line', () => {
    const result = parseDigest(
      lines('## AINews - 2026-05-01', '## 📰 十大AI新闻要点', '### 1. 标题', '> 摘要'),
    );
    expect(result.digest?.items).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 4, message: 'the section 十大工具产品要点 is missing' }]);
  });

  it('reports ranks out of order, a rank 0, a missing title and a missing summary', () => {
    const result = parseDigest(
      lines(
        '## 🛠️ 十大工具产品要点',
        '### 1. 第一条',
        '> 摘要一',
        '### 3. 第三条',
        '> 摘要三',
        '### 0. 零号',
        '> 不是条目',
        '### 4. ',
        '> 没有标题',
        '### 5. 没有摘要',
        '---',
        '## 📰 十大AI新闻要点',
        '### 1. 新闻',
        '> 新闻摘要',
      ),
    );
    expect(result.digest?.items.map((item) => `${item.section} ${item.rank} ${item.title}`)).toEqual([
      'tools 1 第一条',
      'tools 3 第三条',
      'tools 4 ',
      'tools 5 没有摘要',
      'news 1 新闻',
    ]);
    expect(result.problems).toEqual([
      { line: 4, message: '十大工具产品要点: item 3 follows item 1 (expected 2)' },
      { line: 6, message: '十大工具产品要点: item number 0 is not a rank' },
      { line: 8, message: '十大工具产品要点 4: the item has no title' },
      { line: 10, message: '十大工具产品要点 5: the item has no summary' },
    ]);
  });

  it('reports a header without a date and a section that appears twice', () => {
    const result = parseDigest(
      lines(
        '## AINews - 某天',
        '## 📰 十大AI新闻要点',
        '### 1. 甲',
        '> 甲摘要',
        '## 📰 十大AI新闻要点',
        '### 2. 乙',
        '> 乙摘要',
      ),
    );
    expect(result.digest?.date).toBeNull();
    expect(result.problems).toEqual([
      { line: 1, message: 'the AINews header has no YYYY-MM-DD date' },
      { line: 5, message: 'the section 十大AI新闻要点 appears twice' },
      { line: 7, message: 'the section 十大工具产品要点 is missing' },
    ]);
  });

  it.each(['2026-02-30', '2026-13-45', '0000-00-00'])('rejects the impossible calendar date %s', (date) => {
    const result = parseDigest(lines(`## AINews - ${date}`, '## 📰 十大AI新闻要点', '### 1. 甲', '> 甲'));
    expect(result.digest?.date).toBeNull();
    expect(result.problems[0]).toEqual({
      line: 1,
      message: `the AINews header date ${date} is not a calendar date`,
    });
  });

  it('still says when the header has no date at all', () => {
    const result = parseDigest(lines('## AINews - 今天', '## 📰 十大AI新闻要点', '### 1. 甲', '> 甲'));
    expect(result.digest?.date).toBeNull();
    expect(result.problems[0]).toEqual({ line: 1, message: 'the AINews header has no YYYY-MM-DD date' });
  });

  it('reports a cut-off link inside a summary line', () => {
    const result = parseDigest(
      lines(
        '## 📰 十大AI新闻要点',
        '### 1. 甲',
        '> 甲摘要，见[这里](https://a.example.com',
        '## 🛠️ 十大工具产品要点',
        '### 1. 乙',
        '> 乙摘要',
      ),
    );
    expect(result.problems).toEqual([
      { line: 3, message: '十大AI新闻要点 1: a link is cut off (no closing parenthesis)' },
    ]);
    expect(result.digest?.items[0]?.links).toEqual([]);
  });

  it('reports a section without items at its heading: a document cut off after it is not complete', () => {
    const result = parseDigest(
      lines(
        '## AINews - 2026-05-01',
        '## 📰 十大AI新闻要点',
        '### 1. 甲',
        '> 甲摘要',
        '---',
        '## 🛠️ 十大工具产品要点',
        '',
      ),
    );
    expect(result.digest?.items).toHaveLength(1);
    expect(result.problems).toEqual([{ line: 6, message: 'the section 十大工具产品要点 has no items' }]);
  });

  it('names the first heading of an empty section that appears twice', () => {
    const result = parseDigest(
      lines(
        '## 📰 十大AI新闻要点',
        '    ### 1. 缩进四格是代码，不是条目',
        '## 📰 十大AI新闻要点',
        '## 🛠️ 十大工具产品要点',
        '### 1. 乙',
        '> 乙摘要',
      ),
    );
    expect(result.digest?.items).toHaveLength(1);
    expect(result.problems).toEqual([
      { line: 1, message: 'the section 十大AI新闻要点 has no items' },
      { line: 3, message: 'the section 十大AI新闻要点 appears twice' },
    ]);
  });
});

describe('garbage never throws and always fits the schema', () => {
  const tokens = [
    '### ',
    '## ',
    '1. ',
    '[',
    ']',
    '(',
    ')',
    '**',
    '*',
    '`',
    '> ',
    '- ',
    '---',
    '\n',
    '\r\n',
    ' ',
    '来源：',
  ];
  const words = [
    'https://x.com/a',
    'javascript:',
    '十大AI新闻要点',
    '十大工具产品要点',
    'AINews - 2026-01-02',
    '文',
  ];

  it('parses 300 random documents of markdown fragments', () => {
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    const vocabulary = [...tokens, ...words];
    for (let run = 0; run < 300; run++) {
      const parts = Array.from({ length: 1 + random(200) }, () => vocabulary[random(vocabulary.length)]);
      const result = parseDigest(parts.join(''));
      expect(parseResultSchema.safeParse(result).success).toBe(true);
      for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
    }
  });
});
