import { describe, expect, it, vi } from 'vitest';
import { foldCase, searchDigests } from '../../../lib/background/search';
import { storedDigest, testItem } from '../storage/stored-digest';

const older = storedDigest('2026-11-27', {
  items: [
    { ...testItem('news', 1, []), title: 'OpenAI ships GPT-6', summary: '新模型在推理基准上大幅领先。' },
    { ...testItem('tools', 1, []), title: 'Tiny tool', summary: '一个开源的推理加速库。' },
  ],
});
const newer = storedDigest('2026-11-28', {
  items: [{ ...testItem('news', 2, []), title: 'gpt-6 pricing', summary: '价格下降。' }],
});

describe('searchDigests', () => {
  it('finds a Chinese substring in summaries, newest digest first, with the offsets', () => {
    const { hits, total } = searchDigests([older, newer], '推理');
    expect(total).toBe(2);
    expect(hits.map((hit) => [hit.date, hit.item.title, hit.field, hit.start, hit.end])).toEqual([
      ['2026-11-27', 'OpenAI ships GPT-6', 'summary', 4, 6],
      ['2026-11-27', 'Tiny tool', 'summary', 5, 7],
    ]);
  });

  it('ignores case, prefers the title, and puts newer digests first', () => {
    const { hits } = searchDigests([older, newer], 'GPT-6');
    expect(hits.map((hit) => [hit.date, hit.field, hit.start])).toEqual([
      ['2026-11-28', 'title', 0],
      ['2026-11-27', 'title', 13],
    ]);
  });

  it('limits the hits but counts them all', () => {
    expect(searchDigests([older, newer], 'gpt', 1)).toMatchObject({
      total: 2,
      hits: [{ date: '2026-11-28' }],
    });
  });

  it('keeps offsets right when a character changes length in lower case', () => {
    expect(foldCase('İstanbul AI')).toHaveLength('İstanbul AI'.length);
    const digest = storedDigest('2026-11-28', {
      items: [{ ...testItem('news', 1, []), title: 'İstanbul AI Lab', summary: '' }],
    });
    const [hit] = searchDigests([digest], 'ai lab').hits;
    expect(hit && digest.items[0]?.title.slice(hit.start, hit.end)).toBe('AI Lab');
  });

  it('finds an item holding every word of a query, each anywhere, and highlights the first word', () => {
    const { hits, total } = searchDigests([older, newer], 'openai  推理');
    expect(total).toBe(1);
    expect(hits.map((hit) => [hit.item.title, hit.field, hit.start, hit.end])).toEqual([
      ['OpenAI ships GPT-6', 'title', 0, 6],
    ]);
    expect(searchDigests([older, newer], 'openai 价格').total).toBe(0);
  });

  it('finds nothing for a blank query', () => {
    expect(searchDigests([older], '  ')).toEqual({ hits: [], total: 0 });
  });

  it('does not find a word split across two items of a digest', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        { ...testItem('news', 1, []), title: 'alpha', summary: 'ends with open' },
        { ...testItem('news', 2, []), title: 'AI starts', summary: '' },
      ],
    });
    expect(searchDigests([digest], 'openai').total).toBe(0);
    expect(searchDigests([digest], 'open ai').total).toBe(0);
  });

  it('finds the new text of a digest replaced under the same date', () => {
    expect(searchDigests([older], 'pricing').total).toBe(0);
    const replaced = { ...older, items: [{ ...testItem('news', 1, []), title: 'New pricing', summary: '' }] };
    expect(searchDigests([replaced], 'pricing').total).toBe(1);
  });

  it('folds five years of titles and summaries once, not again on every search', () => {
    // 1,800 digests of 20 items: 72,000 texts, more than a cache of 50,000 strings cleared when full could hold.
    const library = Array.from({ length: 1_800 }, (_, day) =>
      storedDigest(new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10), {
        items: Array.from({ length: 20 }, (_, rank) => ({
          ...testItem('news', rank + 1, []),
          title: `Title ${day}-${rank}`,
          summary: `摘要 ${day}-${rank}`,
        })),
      }),
    );
    expect(searchDigests(library, 'title 1799-19')).toMatchObject({ total: 1 });
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    for (const query of ['摘要 17', 'title 9', 'nothing']) searchDigests(library, query);
    // The three queries themselves, nothing of the library.
    expect(lowerCase.mock.calls.length).toBeLessThanOrEqual(3);
  });
});
