import { describe, expect, it } from 'vitest';
import { highlightParts, snippetAround } from '../../../lib/ui/highlight';

describe('highlightParts', () => {
  it('splits the text around the match', () => {
    expect(highlightParts('开源模型发布', 2, 4)).toEqual([
      { text: '开源', mark: false },
      { text: '模型', mark: true },
      { text: '发布', mark: false },
    ]);
  });

  it.each([
    [
      'a match at the start',
      0,
      2,
      [
        { text: 'ab', mark: true },
        { text: 'cd', mark: false },
      ],
    ],
    [
      'a match at the end',
      2,
      4,
      [
        { text: 'ab', mark: false },
        { text: 'cd', mark: true },
      ],
    ],
    [
      'offsets past the end',
      3,
      99,
      [
        { text: 'abc', mark: false },
        { text: 'd', mark: true },
      ],
    ],
    [
      'negative offsets',
      -5,
      1,
      [
        { text: 'a', mark: true },
        { text: 'bcd', mark: false },
      ],
    ],
    ['end before start', 3, 1, [{ text: 'abcd', mark: false }]],
    ['NaN offsets', Number.NaN, Number.NaN, [{ text: 'abcd', mark: false }]],
  ])('clamps %s', (_name, start, end, expected) => {
    expect(highlightParts('abcd', start, end)).toEqual(expected);
  });
});

describe('snippetAround', () => {
  it('keeps short text whole', () => {
    expect(snippetAround('短摘要', 1, 2, 10)).toEqual({ text: '短摘要', start: 1, end: 2 });
  });

  it('cuts long text around the match with ellipses and shifts the offsets', () => {
    const text = `${'甲'.repeat(50)}关键词${'乙'.repeat(50)}`;
    const snippet = snippetAround(text, 50, 53, 5);
    expect(snippet.text).toBe(`…${'甲'.repeat(5)}关键词${'乙'.repeat(5)}…`);
    expect(snippet.text.slice(snippet.start, snippet.end)).toBe('关键词');
  });
});
