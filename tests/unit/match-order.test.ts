import { describe, expect, it } from 'vitest';
import { onePerStory } from '../../lib/match-order';

describe('one hit per story', () => {
  it('keeps the first (best) version and counts the story’s other dates', () => {
    const { hits, otherDates } = onePerStory([
      { date: '2026-01-03', story: 'x:1' },
      { date: '2026-01-03', story: null },
      { date: '2026-01-02', story: 'x:1' },
      { date: '2026-01-01', story: 'x:1' },
      { date: '2026-01-01', story: 'x:1' },
      { date: '2026-01-01', story: null },
    ]);
    expect(hits.map((hit) => [hit.date, hit.story, otherDates.get(hit.story ?? '')?.size ?? 0])).toEqual([
      ['2026-01-03', 'x:1', 2],
      ['2026-01-03', null, 0],
      ['2026-01-01', null, 0],
    ]);
  });

  it('keeps every item of the shown digest, as the page card does', () => {
    const { hits } = onePerStory([
      { date: '2026-01-03', story: 'gh:a/b' },
      { date: '2026-01-03', story: 'gh:a/b' },
    ]);
    expect(hits).toHaveLength(2);
  });
});
