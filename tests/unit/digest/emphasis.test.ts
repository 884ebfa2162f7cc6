import { expect, it } from 'vitest';
import { stripEmphasis } from '../../../lib/digest/emphasis';

it.each([
  ['**加粗**标题', '加粗标题'],
  ['***粗斜体***', '粗斜体'],
  ['*斜体* 标题', '斜体 标题'],
  ['中文*强调*中文', '中文强调中文'],
  ['2*3*4 = 24', '2*3*4 = 24'],
  ['a * b', 'a * b'],
  ['未闭合的 *星号', '未闭合的 *星号'],
  ['__init__ 与 snake_case', '__init__ 与 snake_case'],
  ['没有标记', '没有标记'],
])('stripEmphasis(%j) → %j', (text, expected) => {
  expect(stripEmphasis(text)).toBe(expected);
});
