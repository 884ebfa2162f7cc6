import { describe, expect, it } from 'vitest';
import {
  isFence,
  isThematicBreak,
  readHeading,
  splitLines,
  stripBulletMarker,
  stripQuoteMarkers,
} from '../../../lib/digest/lines';

describe('splitLines', () => {
  it('accepts LF, CRLF and CR line endings and drops a BOM', () => {
    expect(splitLines('\uFEFFa\r\nb\rc\nd\r\n')).toEqual(['a', 'b', 'c', 'd', '']);
    expect(splitLines('')).toEqual(['']);
  });
});

describe('readHeading', () => {
  it.each([
    ['## AINews - 2026-01-01', { level: 2, text: 'AINews - 2026-01-01' }],
    ['### 1. 标题 ###', { level: 3, text: '1. 标题' }],
    ['   # 缩进标题', { level: 1, text: '缩进标题' }],
    ['## 🛠️ 十大工具产品要点  ', { level: 2, text: '🛠️ 十大工具产品要点' }],
    ['#', { level: 1, text: '' }],
    ['#没有空格', null],
    ['####### 七级', null],
    ['    # 代码缩进', null],
    ['> ## 引用里的', null],
  ])('%j', (line, heading) => {
    expect(readHeading(line)).toEqual(heading);
  });
});

describe('line kinds', () => {
  it.each([['---'], ['--- '], ['***'], ['- - -'], ['___']])('%j is a rule', (line) => {
    expect(isThematicBreak(line)).toBe(true);
  });
  it.each([['--'], ['-- x'], ['- 条目'], ['**粗体**']])('%j is not a rule', (line) => {
    expect(isThematicBreak(line)).toBe(false);
  });
  it.each([
    ['```', true],
    ['```markdown', true],
    ['  ~~~', true],
    ['`code`', false],
  ])('isFence(%j) → %s', (line, expected) => {
    expect(isFence(line)).toBe(expected);
  });
  it('strips quote and bullet markers', () => {
    expect(stripQuoteMarkers('> > 文本')).toEqual({ text: '文本', quoted: true });
    expect(stripQuoteMarkers('文本')).toEqual({ text: '文本', quoted: false });
    expect(stripBulletMarker('- [a](https://a.example.com)')).toEqual({
      text: '[a](https://a.example.com)',
      bulleted: true,
    });
    expect(stripBulletMarker('**来源**：x')).toEqual({ text: '**来源**：x', bulleted: false });
  });
});
