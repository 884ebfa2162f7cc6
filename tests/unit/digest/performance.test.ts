import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';

const TWO_MB = 2 * 1024 * 1024;
/** "Well under a second" on the author's machine is ~0.3 s; the bound leaves room for a busy shared CI runner. */
const BUDGET_MS = 1000;

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

/**
 * The parse result and its time. A run over the budget is repeated (up to three runs, the fastest counts): a
 * catastrophic regex or a quadratic loop is slow every time, a busy machine only now and then.
 */
function timed(text: string) {
  let best = Number.POSITIVE_INFINITY;
  let result = parseDigest('');
  for (let run = 0; run < 3 && best >= BUDGET_MS / 2; run++) {
    const start = performance.now();
    result = parseDigest(text);
    best = Math.min(best, performance.now() - start);
  }
  return { result, milliseconds: best };
}

describe('parsing stays linear', () => {
  it(`parses a generated 2 MB digest in well under a second`, () => {
    const text = generatedDigest(TWO_MB);
    expect(text.length).toBeGreaterThanOrEqual(TWO_MB);
    const { result, milliseconds } = timed(text);
    console.log(`2 MB digest: ${result.digest?.items.length} items in ${milliseconds.toFixed(0)} ms`);
    expect(result.problems).toEqual([]);
    expect(result.digest?.items.at(-1)?.links).toHaveLength(6);
    expect(milliseconds).toBeLessThan(BUDGET_MS);
  });

  const width = 200_000;
  const inDigest = (heading: string, body: string) =>
    `## 📰 十大AI新闻要点\n### 1. ${heading}\n> ${body}\n## 🛠️ 十大工具产品要点\n`;

  it.each([
    ['[', '['.repeat(width)],
    ['(', '('.repeat(width)],
    [')', ')'.repeat(width)],
    ['*', '*'.repeat(width)],
    ['_', '_'.repeat(width)],
    ['_a', '_a'.repeat(width / 2)],
    ['中_ ', '中_ '.repeat(width / 3)],
    ['https://a.b/_ ', 'https://a.b/_ '.repeat(width / 14)],
    ['* a', '* a'.repeat(width / 3)],
    ['`', '`'.repeat(width + 1)],
    ['[a](', '[a]('.repeat(width / 4)],
    ['[](', `${'[]('.repeat(width / 4)}${')'.repeat(width / 4)}`],
    ['（）', `${'（'.repeat(width / 2)}${'）'.repeat(width / 2)}`],
    ['http://:', 'http://:'.repeat(width / 8)],
    ['。来源（', '。来源（'.repeat(width / 4)],
    ['https://a.b/ ', 'https://a.b/ '.repeat(width / 13)],
  ])('%j repeated in a heading and a summary line', (_name, run) => {
    const { result, milliseconds } = timed(inDigest(run, run));
    expect(result.digest?.items).toHaveLength(1);
    expect(milliseconds).toBeLessThan(BUDGET_MS);
  });

  it('reads a line of 150,000 links', () => {
    const { result, milliseconds } = timed(
      inDigest('标题', '[链接](https://a.example.com/x)，'.repeat(150_000)),
    );
    expect(result.digest?.items[0]?.links).toEqual(['https://a.example.com/x']);
    expect(milliseconds).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['newlines', '\n'.repeat(TWO_MB)],
    ['# characters', '#'.repeat(width)],
    ['> markers', '>'.repeat(width)],
    ['item headings', `## 📰 十大AI新闻要点\n${'### 1. [\n'.repeat(width / 10)}`],
  ])('%s', (_name, text) => {
    const { result, milliseconds } = timed(text);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(milliseconds).toBeLessThan(BUDGET_MS);
  });
});
