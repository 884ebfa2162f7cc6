import { describe, expect, it } from 'vitest';
import { compareMatches, onePerStory } from '../../lib/match-order';
import type { Match, Section } from '../../lib/schema';

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

describe('the order of a page’s matches', () => {
  const match = (date: string, section: Section, rank: number): Match => ({
    date,
    issueUrl: null,
    item: { section, rank, title: `${section} ${rank}`, summary: 's', links: [] },
    alsoIn: 0,
    story: null,
  });

  it('puts the AI digest’s items before a GitHub 热门 item of the same day', () => {
    const sorted = [
      match('2026-01-02', 'trending', 1),
      match('2026-01-02', 'tools', 3),
      match('2026-01-02', 'news', 9),
    ]
      .sort(compareMatches)
      .map((m) => m.item.section);
    expect(sorted).toEqual(['news', 'tools', 'trending']);
  });

  it('puts the AI digest’s items before GitHub 热门’s whatever their dates, each newest first', () => {
    const sorted = [
      match('2026-01-05', 'trending', 1),
      match('2026-01-01', 'tools', 3),
      match('2026-01-03', 'trending', 2),
      match('2026-01-02', 'news', 9),
    ]
      .sort(compareMatches)
      .map((m) => `${m.date} ${m.item.section}`);
    expect(sorted).toEqual([
      '2026-01-02 news',
      '2026-01-01 tools',
      '2026-01-05 trending',
      '2026-01-03 trending',
    ]);
  });
});
