import { describe, expect, it } from 'vitest';
import { searchDigests } from '../../../lib/background/search';
import { foldCase, foldInPlace, shownSpan } from '../../../lib/search/fold';
import { highlightParts } from '../../../lib/ui/highlight';
import { storedDigest, testItem } from '../storage/stored-digest';

/** QA round 14 (p4-hostile): shown as "GPT-5 发布 OpenAI", stored with a ZWSP between letters, WJ, BOM and SHY. */
const HOSTILE_TITLE = 'G\u200bP\u200bT\u200b-\u200b5 发\u2060布 \ufeffOpen\u00adAI';
const hostile = storedDigest('2026-12-01', {
  items: [
    {
      ...testItem('news', 1, ['https://github.com/hostile-org/zw-repo']),
      title: HOSTILE_TITLE,
      summary: '零宽字符 G\u200bPT 在摘要里。',
    },
  ],
});

/** What the hits mark, as the title shows it: the marked part with its invisible characters taken out. */
const marked = (query: string) =>
  searchDigests([hostile], query).hits.map(({ item, field, start, end }) => {
    const text = field === 'summary' ? item.summary : item.title;
    const parts = highlightParts(text, start, end);
    return parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');
  });

describe('foldCase', () => {
  it.each([
    ['zero-width space, joiners', 'a\u200bb\u200cc\u200dd', 'abcd'],
    ['word joiner and the invisible operators', '发\u2060布\u2061\u2062\u2063\u2064', '发布'],
    ['BOM, soft hyphen, Mongolian vowel separator', '\ufeffOpen\u00adAI\u180e', 'openai'],
    ['bidi marks and controls', '\u200eA\u200f\u202aB\u202c\u2066C\u2069', 'abc'],
    ['tag characters (outside the BMP)', 'x\u{e0067}\u{e007f}y', 'xy'],
  ])('drops invisible format characters: %s', (_, written, folded) => {
    expect(foldCase(written)).toBe(folded);
  });

  it('keeps visible format characters: the Arabic number sign', () => {
    expect(foldCase('\u0600١٢')).toBe('\u0600١٢');
  });

  it('keeps every offset when folding in place', () => {
    expect(foldInPlace('Open\u00adAI')).toBe('open\u00adai');
  });
});

describe('shownSpan', () => {
  it.each([
    // [folded span, what it covers as written]
    [[0, 5], 'G\u200bP\u200bT\u200b-\u200b5'],
    [[1, 2], 'P'],
    [[6, 8], '发\u2060布'],
    [[9, 15], 'Open\u00adAI'],
    [[13, 15], 'AI'],
    [[0, 15], HOSTILE_TITLE],
  ] as const)('maps folded %j back, its edges on visible characters', ([start, end], shown) => {
    expect(foldCase(HOSTILE_TITLE)).toBe('gpt-5 发布 openai');
    const span = shownSpan(HOSTILE_TITLE, start, end);
    expect(HOSTILE_TITLE.slice(span.start, span.end)).toBe(shown);
  });

  it('leaves a text without invisible characters as it is', () => {
    expect(shownSpan('GPT-5', 1, 3)).toEqual({ start: 1, end: 3 });
  });
});

describe('searching text stored with invisible characters', () => {
  it.each([
    ['GPT-5', '[G\u200bP\u200bT\u200b-\u200b5] 发\u2060布 \ufeffOpen\u00adAI'],
    ['发布', 'G\u200bP\u200bT\u200b-\u200b5 [发\u2060布] \ufeffOpen\u00adAI'],
    ['OpenAI', 'G\u200bP\u200bT\u200b-\u200b5 发\u2060布 \ufeff[Open\u00adAI]'],
    ['gpt-5 发布 openai', '[G\u200bP\u200bT\u200b-\u200b5 发\u2060布 \ufeffOpen\u00adAI]'],
    ['摘要', '零宽字符 G\u200bPT 在[摘要]里。'],
  ])('finds %s and marks its visible characters', (query, shown) => {
    expect(marked(query)).toEqual([shown]);
  });

  it('reads invisible characters typed in the query as absent', () => {
    expect(marked('Open\u00adAI')).toEqual(['G\u200bP\u200bT\u200b-\u200b5 发\u2060布 \ufeff[Open\u00adAI]']);
    expect(marked('发\u200b布')).toHaveLength(1);
  });

  it('finds nothing for a query of invisible characters only', () => {
    expect(searchDigests([hostile], '\u200b')).toEqual({ hits: [], total: 0 });
    expect(searchDigests([hostile], '\u200b\u00ad\ufeff')).toEqual({ hits: [], total: 0 });
  });
});
