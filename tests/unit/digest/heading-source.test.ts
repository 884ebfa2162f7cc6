import { expect, it } from 'vitest';
import { splitTrailingSource } from '../../../lib/digest/heading-source';

it.each([
  ['标题（来源：文章内容）', { title: '标题', source: '来源：文章内容' }],
  ['标题（https://x.com/a/status/1）', { title: '标题', source: 'https://x.com/a/status/1' }],
  ['标题 (https://a.example.com/b_(c))', { title: '标题 ', source: 'https://a.example.com/b_(c)' }],
  ['[标题](https://a.example.com)', { title: '[标题](https://a.example.com)', source: null }],
  ['模型（开源）', { title: '模型（开源）', source: null }],
  ['没有括号', { title: '没有括号', source: null }],
  ['不成对）', { title: '不成对）', source: null }],
])('splitTrailingSource(%j)', (heading, expected) => {
  expect(splitTrailingSource(heading)).toEqual(expected);
});
