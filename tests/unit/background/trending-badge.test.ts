import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedDigest, testItem, trendingDigest } from '../storage/stored-digest';
import { backgroundSetup, fromOurContentScript, OUR_TAB } from './background-setup';

describe('the badge with GitHub 热门', () => {
  it('counts a trending repository as the one card it shows, however many days it trended', async () => {
    const { background, store } = await backgroundSetup();
    await store.writeMany(
      [
        storedDigest('2026-11-26', { items: [testItem('tools', 2, ['https://github.com/acme/rocket'])] }),
        trendingDigest('2026-11-27', ['acme/rocket']),
        trendingDigest('2026-11-28', ['acme/rocket']),
      ],
      () => false,
    );
    const reply = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/rocket'], site: 'github' } },
      fromOurContentScript(),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: {
        total: 2,
        matches: [
          { item: { section: 'tools' } },
          { date: '2026-11-28', item: { section: 'trending' }, alsoIn: 1 },
        ],
      },
    });
    await expect.poll(() => fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('2');
  });
});
