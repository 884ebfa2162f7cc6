import { describe, expect, it } from 'vitest';
import { cutTrailingSource, isSourceLabelled } from '../../../lib/digest/source-label';

describe('isSourceLabelled', () => {
  it.each([
    ['来源：https://a.example.com', true],
    ['来源: 文章内容', true],
    ['**来源**：x', true],
    ['**来源：** x', true],
    ['[来源](https://a.example.com)', true],
    ['[来源：X @a](https://a.example.com)', true],
    ['来源（硬件）：文章内容', true],
    ['来源(demo): x', true],
    ['来源：', true],
    ['来源于社区', false],
    ['来源说明：所有链接……', false],
    ['数据来源：x', false],
    [`来源（${'很长的限定语'.repeat(10)}）：x`, false],
  ])('%j → %s', (text, expected) => {
    expect(isSourceLabelled(text)).toBe(expected);
  });
});

describe('cutTrailingSource', () => {
  it.each([
    ['摘要一句。来源：官方博客。', '摘要一句。'],
    ['Summary. 来源：blog', 'Summary.'],
    ['摘要。**来源**：官方博客', '摘要。'],
    ['解释了提升的来源：更好的数据。', '解释了提升的来源：更好的数据。'],
    ['来源：开头不算', '来源：开头不算'],
    ['来源于社区。来源：博客', '来源于社区。'],
    ['没有来源标签。', '没有来源标签。'],
  ])('%j → %j', (text, expected) => {
    expect(cutTrailingSource(text)).toBe(expected);
  });
});
