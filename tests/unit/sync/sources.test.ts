import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { planArchive, planSync } from '../../../lib/sync/sources';

const settings = structuredClone(DEFAULT_SETTINGS);

describe('planSync', () => {
  it('asks the dated source for the last 14 Shanghai days, today first, and the homepage', () => {
    const planned = planSync(settings, Date.parse('2026-11-29T04:00:00Z'));
    const dated = planned.filter((doc) => doc.sourceId === 'dated');
    expect(dated).toHaveLength(14);
    expect(dated[0]).toEqual({
      sourceId: 'dated',
      url: 'https://static.zou8944.com/newsletter/2026-11-29/ai_news_summary_2026-11-29.md',
      date: '2026-11-29',
      alwaysAsk: true,
      kind: 'ainews',
    });
    expect(dated.at(-1)?.date).toBe('2026-11-16');
    expect(dated.filter((doc) => doc.alwaysAsk).map((doc) => doc.date)).toEqual(['2026-11-29', '2026-11-28']);
    expect(planned.filter((doc) => doc.sourceId === 'homepage')).toEqual([
      {
        sourceId: 'homepage',
        url: 'https://raw.githubusercontent.com/zou8944/my-words/main/newsletters/homepage.md',
        date: null,
        alwaysAsk: true,
        kind: 'ainews',
      },
    ]);
  });

  it('asks GitHub 热门 for the same 14 days at its own dated URL, today and yesterday always', () => {
    const planned = planSync(settings, Date.parse('2026-11-29T04:00:00Z'));
    const trending = planned.filter((doc) => doc.sourceId === 'trending');
    expect(trending).toHaveLength(14);
    expect(trending[0]).toEqual({
      sourceId: 'trending',
      url: 'https://static.zou8944.com/newsletter/2026-11-29/github_trending_2026-11-29.md',
      date: '2026-11-29',
      alwaysAsk: true,
      kind: 'github-trending',
    });
    expect(trending.at(-1)?.url).toBe(
      'https://static.zou8944.com/newsletter/2026-11-16/github_trending_2026-11-16.md',
    );
    expect(trending.filter((doc) => doc.alwaysAsk).map((doc) => doc.date)).toEqual([
      '2026-11-29',
      '2026-11-28',
    ]);
  });

  it('leaves GitHub 热门 out when it is switched off, and keeps the AI digest', () => {
    const planned = planSync(
      { ...settings, sources: { ...settings.sources, trending: false } },
      Date.parse('2026-11-29T04:00:00Z'),
    );
    expect(new Set(planned.map((doc) => doc.sourceId))).toEqual(new Set(['dated', 'homepage']));
  });

  it('counts days in Asia/Shanghai: 16:30 UTC is already the next day', () => {
    const planned = planSync(settings, Date.parse('2026-11-28T16:30:00Z'));
    expect(planned[0]?.date).toBe('2026-11-29');
  });

  it('leaves out switched-off sources and adds enabled custom ones', () => {
    const planned = planSync(
      {
        ...settings,
        sources: { dated: false, homepage: false, trending: false },
        customSources: [
          { id: 'mirror', url: 'https://mirror.example/{date}.md', enabled: true, addedAt: 1 },
          { id: 'one', url: 'https://one.example/today.md', enabled: true, addedAt: 2 },
          { id: 'off', url: 'https://off.example/{date}.md', enabled: false, addedAt: 3 },
        ],
      },
      Date.parse('2026-11-29T04:00:00Z'),
    );
    expect(new Set(planned.map((doc) => doc.sourceId))).toEqual(new Set(['custom:mirror', 'custom:one']));
    expect(planned.filter((doc) => doc.sourceId === 'custom:mirror')).toHaveLength(14);
    expect(planned.find((doc) => doc.sourceId === 'custom:mirror')?.url).toBe(
      'https://mirror.example/2026-11-29.md',
    );
    expect(planned.find((doc) => doc.sourceId === 'custom:one')).toMatchObject({
      date: null,
      alwaysAsk: true,
    });
  });
});

describe('planArchive', () => {
  const COMMIT_URL =
    'https://raw.githubusercontent.com/zou8944/my-words/01b5b6ae296f65de0ee6fe261ee4561045bddd2a/newsletters';

  it('covers 2025-06-22 to 2026-06-03 at the pinned commit, newest first, each day both kinds', () => {
    const planned = planArchive(settings);
    expect(planned).toHaveLength(2 * 347);
    expect(planned[0]?.date).toBe('2026-06-03');
    expect(planned.slice(-2)).toEqual([
      {
        sourceId: 'archive',
        url: `${COMMIT_URL}/2025-06-22/ai_news_summary_2025-06-22.md`,
        date: '2025-06-22',
        alwaysAsk: false,
        kind: 'ainews',
      },
      {
        sourceId: 'archive',
        url: `${COMMIT_URL}/2025-06-22/github_trending_2025-06-22.md`,
        date: '2025-06-22',
        alwaysAsk: false,
        kind: 'github-trending',
      },
    ]);
  });

  it('asks only for the AI digests when GitHub 热门 is switched off', () => {
    const planned = planArchive({ sources: { ...settings.sources, trending: false } });
    expect(planned).toHaveLength(347);
    expect(planned.every((doc) => doc.kind === 'ainews')).toBe(true);
  });
});
