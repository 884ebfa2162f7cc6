import { describe, expect, it } from 'vitest';
import { listedDays } from '../../../lib/background/listed-days';

describe('listedDays (the popup’s date list)', () => {
  it('lists a day with only a GitHub 热门 digest beside the AI days, newest first, once per day', () => {
    const aiNews = [
      { date: '2026-01-10', news: 4, tools: 3 },
      { date: '2026-01-07', news: 2, tools: 1 },
    ];
    const trending = [{ date: '2026-01-11' }, { date: '2026-01-10' }, { date: '2026-01-08' }];
    expect(listedDays(aiNews, trending)).toEqual([
      { date: '2026-01-11', news: 0, tools: 0 },
      { date: '2026-01-10', news: 4, tools: 3 },
      { date: '2026-01-08', news: 0, tools: 0 },
      { date: '2026-01-07', news: 2, tools: 1 },
    ]);
  });
});
