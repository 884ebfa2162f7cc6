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
  ['_斜体_ 标题', '斜体 标题'],
  ['__粗体__：说明', '粗体：说明'],
  ['___粗斜体___', '粗斜体'],
  ['a _b c_ d', 'a b c d'],
  ['（_注_）', '（注）'],
  ['_斜体_标题', '_斜体_标题'],
  ['数据_集_合', '数据_集_合'],
  ['@fleetwood___的推文', '@fleetwood___的推文'],
  ['_v2_ 与 __call__', '_v2_ 与 __call__'],
])('stripEmphasis(%j) → %j', (text, expected) => {
  expect(stripEmphasis(text)).toBe(expected);
});

it('leaves the * and _ of bare URLs (given as start, end pairs) alone', () => {
  const text = '_强调_ https://a.example.com/_x_/y 与 https://a.example.com/**b';
  const urlStart = text.indexOf('https://a.example.com/_');
  const secondStart = text.lastIndexOf('https://');
  expect(
    stripEmphasis(text, [
      urlStart,
      urlStart + 'https://a.example.com/_x_/y'.length,
      secondStart,
      text.length,
    ]),
  ).toBe('强调 https://a.example.com/_x_/y 与 https://a.example.com/**b');
});
