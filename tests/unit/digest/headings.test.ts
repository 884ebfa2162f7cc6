import { describe, expect, it } from 'vitest';
import { classifyHeading, findDate } from '../../../lib/digest/headings';

const classify = (text: string) => classifyHeading({ level: 2, text });

describe('classifyHeading', () => {
  it.each([
    ['AINews - 2025-07-02', { kind: 'header', date: '2025-07-02', notADate: null }],
    ['AINews 总结 - 2025-06-23', { kind: 'header', date: '2025-06-23', notADate: null }],
    ['AINews - 未知', { kind: 'header', date: null, notADate: null }],
    ['AINews - 2026-13-45', { kind: 'header', date: null, notADate: '2026-13-45' }],
    ['📰 十大AI新闻要点', { kind: 'section', section: 'news' }],
    ['📰 十大新闻要点', { kind: 'section', section: 'news' }],
    ['🛠️ 十大工具产品要点', { kind: 'section', section: 'tools' }],
    ['🛠️ 十大工具产品要点（如适用）', { kind: 'section', section: 'tools' }],
    ['1. [标题](https://a.example.com)', { kind: 'item', rank: 1, rest: '[标题](https://a.example.com)' }],
    ['10. **粗体标题**', { kind: 'item', rank: 10, rest: '**粗体标题**' }],
    ['**2. 整行加粗**', { kind: 'item', rank: 2, rest: '整行加粗' }],
    ['3、顿号编号', { kind: 'item', rank: 3, rest: '顿号编号' }],
    ['2026年展望', { kind: 'other' }],
    ['12345. 太大的编号', { kind: 'other' }],
    ['AI 动态速览', { kind: 'other' }],
    ['推荐阅读', { kind: 'other' }],
  ])('%j', (text, kind) => {
    expect(classify(text)).toEqual(kind);
  });
});

describe('findDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['0000-00-00', null],
    ['2026-02-30 或 2026-03-01', '2026-03-01'],
    ['生成于 2026-08-12 21:49', '2026-08-12'],
    ['20260812', null],
  ])('%j → %j', (text, date) => {
    expect(findDate(text)).toBe(date);
  });
});
