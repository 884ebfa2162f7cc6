import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { DIGEST_LIMITS } from '../../../lib/digest/limits';
import { joinSummary } from '../../../lib/digest/summary';

const TWO_MB = 2 * 1024 * 1024;

function generatedDigest(size: number): string {
  const parts = [
    '\uFEFF## AINews - 2026-01-02\r\n',
    '> [原文链接](https://news.smol.ai/issues/26-01-01-big/)\r\n',
  ];
  let length = 0;
  let rank = 0;
  for (const [index, section] of ['## 📰 十大AI新闻要点', '## 🛠️ 十大工具产品要点'].entries()) {
    parts.push(`${section}\r\n\r\n`);
    rank = 0;
    while (length < (size * (index + 1)) / 2) {
      rank++;
      const item = [
        `### ${rank}. [第 ${rank} 条 [测试] **标题**](https://x.com/user${rank}/status/${1e15 + rank})`,
        `> 这是第 ${rank} 条的摘要，包含 **加粗**、\`代码\`、<b>HTML</b> 和[内联链接](https://en.wikipedia.org/wiki/A_(${rank}))。`,
        ...Array.from(
          { length: 12 },
          () =>
            `> 后续段落，说明 **要点** 与 [参考](https://example.com/p_(${rank})) 及 \`命令\`，继续描述。`,
        ),
        `> 来源：https://github.com/org/repo${rank}, [@who](https://x.com/who/status/${rank})，来源：文章内容`,
        `- [标签](https://huggingface.co/org/model-${rank})`,
        '',
        '---',
        '',
      ].join('\r\n');
      parts.push(item);
      length += item.length;
    }
  }
  return parts.join('');
}

/** The fastest of three runs of `work`, in milliseconds. */
function fastest(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const LINEAR_GROWTH_BOUND = 10;
/** Below this a time is mostly noise: a smaller one counts as this much. */
const MEASURABLE_MS = 2;
/** A quadratic path fails on its growth, or on this time-out before it ends. */
const SHAPE_TIMEOUT_MS = 60_000;

/**
 * How much longer the work on an input four times as large takes: about 4 when linear, 16 when quadratic. Compared
 * with 10, a bound that a quadratic path always exceeds; a growth over it is measured again (three times at most, the
 * lowest counts), as a busy machine slows one measure now and then. No absolute time is asserted.
 */
function growthOnQuadrupling(workOn: (size: number) => () => unknown, size: number): number {
  const small = workOn(size);
  const large = workOn(4 * size);
  fastest(small); // warm up the JIT, so the first measure is not the slow one
  let growth = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && growth >= LINEAR_GROWTH_BOUND; attempt++) {
    growth = Math.min(growth, fastest(large) / Math.max(fastest(small), MEASURABLE_MS));
  }
  return growth;
}

/** Asserts that the work on an input of `size` scales linearly to `4 * size`, and prints the growth seen. */
function expectLinearWork(name: string, workOn: (size: number) => () => unknown, size: number): void {
  const growth = growthOnQuadrupling(workOn, size);
  console.log(`${name}: ${growth.toFixed(1)}× the time for 4× the input`);
  expect(growth).toBeLessThan(LINEAR_GROWTH_BOUND);
}

/** Asserts that parsing `shape(size)` scales linearly to `shape(4 * size)`. */
function expectLinear(name: string, shape: (size: number) => string, size: number): void {
  expectLinearWork(
    name,
    (inputSize) => {
      const text = shape(inputSize);
      return () => parseDigest(text);
    },
    size,
  );
}

/** `unit` repeated to about `width` characters. */
const repeated = (unit: string) => (width: number) => unit.repeat(Math.floor(width / unit.length));

describe('parsing stays linear', () => {
  it(
    'parses a generated 2 MB digest, its time growing linearly',
    () => {
      const text = generatedDigest(TWO_MB);
      expect(text.length).toBeGreaterThanOrEqual(TWO_MB);
      const start = performance.now();
      const result = parseDigest(text);
      console.log(
        `2 MB digest: ${result.digest?.items.length} items in ${(performance.now() - start).toFixed(0)} ms`,
      );
      expect(result.problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(/^the digest was cut at 200 items \([\d,]+ more left out\)$/),
      ]);
      expect(result.digest?.items).toHaveLength(DIGEST_LIMITS.items);
      expect(result.digest?.items.at(-1)?.links).toHaveLength(6);
      expectLinear('generated digest', generatedDigest, TWO_MB / 4);
    },
    SHAPE_TIMEOUT_MS,
  );

  const width = 200_000;
  const inDigest = (heading: string, body: string) =>
    `## 📰 十大AI新闻要点\n### 1. ${heading}\n> ${body}\n## 🛠️ 十大工具产品要点\n`;

  it.each([
    ['[', repeated('[')],
    ['(', repeated('(')],
    [')', repeated(')')],
    ['*', repeated('*')],
    ['_', repeated('_')],
    ['_a', repeated('_a')],
    ['中_ ', repeated('中_ ')],
    ['https://a.b/_ ', repeated('https://a.b/_ ')],
    ['* a', repeated('* a')],
    ['`', (size: number) => '`'.repeat(size + 1)],
    ['[a](', repeated('[a](')],
    ['[](', (size: number) => `${'[]('.repeat(size / 4)}${')'.repeat(size / 4)}`],
    ['（）', (size: number) => `${'（'.repeat(size / 2)}${'）'.repeat(size / 2)}`],
    ['http://:', repeated('http://:')],
    ['。来源（', repeated('。来源（')],
    ['https://a.b/ ', repeated('https://a.b/ ')],
  ])(
    '%j repeated in a heading and a summary line',
    (name, run) => {
      expect(parseDigest(inDigest(run(width), run(width))).digest?.items).toHaveLength(1);
      expectLinear(name, (size) => inDigest(run(size), run(size)), width);
    },
    SHAPE_TIMEOUT_MS,
  );

  it(
    'reads a line of 150,000 links',
    () => {
      const line = repeated('[链接](https://a.example.com/x)，');
      const result = parseDigest(inDigest('标题', line(150_000 * 29)));
      expect(result.digest?.items[0]?.links).toEqual(['https://a.example.com/x']);
      expectLinear('a line of links', (size) => inDigest('标题', line(size)), (150_000 * 29) / 4);
    },
    SHAPE_TIMEOUT_MS,
  );

  it.each([
    ['newlines', repeated('\n'), TWO_MB / 4],
    ['# characters', repeated('#'), width],
    ['> markers', repeated('>'), width],
    ['item headings', (size: number) => `## 📰 十大AI新闻要点\n${repeated('### 1. [\n')(size)}`, width],
  ])(
    '%s',
    (name, shape, size) => {
      expect(parseDigest(shape(size)).problems.length).toBeGreaterThan(0);
      expectLinear(name, shape, size);
    },
    SHAPE_TIMEOUT_MS,
  );

  const manyLinks = (links: number) =>
    Array.from({ length: links }, (_, index) => `[l](https://a.example.com/${index})`);

  it.each([
    [
      'one item of 120,000 short lines',
      (lines: number) => inDigest('长条目', Array.from({ length: lines }, () => 'a').join('\n> ')),
      30_000,
    ],
    [
      'one item of 120,000 short Chinese lines',
      (lines: number) => inDigest('长条目', Array.from({ length: lines }, () => '中').join('\n> ')),
      30_000,
    ],
    [
      '100,000 items',
      (items: number) =>
        `## 📰 十大AI新闻要点\n${Array.from({ length: items }, (_, index) => `### ${(index % 999) + 1}. 标题\n> 摘要`).join('\n')}\n`,
      25_000,
    ],
    [
      'one item with 50,001 links, one a line',
      (links: number) => inDigest('链接', manyLinks(links).join('\n> ')),
      12_501,
    ],
    ['a heading with 50,001 links', (links: number) => inDigest(manyLinks(links).join(''), '摘要'), 12_501],
    [
      'one item with 100,000 problems',
      (lines: number) =>
        inDigest('问题', Array.from({ length: lines }, () => '[a](https://x.com').join('\n> ')),
      25_000,
    ],
    [
      '100,000 unnumbered GitHub 热门 items',
      (items: number) =>
        `# GitHub 每日趋势\n${Array.from({ length: items }, (_, index) => `## o/r${index}\n摘要`).join('\n')}\n`,
      25_000,
    ],
  ])('%s: time grows linearly', (name, shape, size) => expectLinear(name, shape, size), SHAPE_TIMEOUT_MS);

  it(
    'joins 80,000 summary lines in linear time (the summary limit hides this path from the parse tests)',
    () => {
      expectLinearWork(
        'joinSummary',
        (lines) => {
          const parts = Array.from({ length: lines }, () => ({ text: 'a', bulleted: false }));
          return () => joinSummary(parts);
        },
        20_000,
      );
    },
    SHAPE_TIMEOUT_MS,
  );
});
