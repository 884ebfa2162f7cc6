// @vitest-environment happy-dom
import { effect } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item, SearchHit, StoredDigest } from '../../../lib/schema';
import { storedDigest, syncStatus } from '../ui/fake-client';
import { interact, press, textOf, typeInto } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const repo = (rank: number, name: string): Item => ({
  section: 'trending',
  rank,
  title: name,
  summary: `${name} 是一个开源项目。`,
  links: [`https://github.com/${name}`],
});

function trendingDigest(date: string, names: string[]): StoredDigest {
  return storedDigest(date, {
    kind: 'github-trending',
    issueUrl: null,
    items: names.map((name, index) => repo(index + 1, name)),
    sourceUrl: `https://static.zou8944.com/newsletter/${date}/github_trending_${date}.md`,
  });
}

const digests = [storedDigest('2026-01-10'), storedDigest('2026-01-09')];
const trending = [
  trendingDigest('2026-01-10', ['tide-pool/kelp-db', 'moss-garden/spore', 'owl-post/night-mail']),
  trendingDigest('2026-01-09', ['granite-works/quarry']),
];

const tabs = () => [...(kit?.container.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
const titles = () => [...(kit?.container.querySelectorAll('.item-title') ?? [])].map(textOf);

describe('the popup’s GitHub 热门 tab', () => {
  it('lists the shown day’s trending repositories in rank order, beside 新闻 and 工具', async () => {
    kit = await mountPopup({ digests, trending });
    await until(() => expect(tabs().map(textOf)).toEqual(['新闻 10', '工具 10', 'GitHub 热门 3']));
    await interact(() => tabs()[2]?.click());
    expect(tabs()[2]?.getAttribute('aria-selected')).toBe('true');
    expect(titles()).toEqual(['tide-pool/kelp-db', 'moss-garden/spore', 'owl-post/night-mail']);
    const link = kit.container.querySelector<HTMLAnchorElement>('.item-title a');
    expect(link?.href).toBe('https://github.com/tide-pool/kelp-db');
    expect(textOf(kit.container.querySelector('.summary'))).toBe('tide-pool/kelp-db 是一个开源项目。');
  });

  it('says when the publisher gave a repository no summary', async () => {
    const withoutSummary: StoredDigest = {
      ...trendingDigest('2026-01-10', ['tide-pool/kelp-db']),
      problems: [{ line: 5, message: 'GitHub Trending 1: the item has no summary' }],
    };
    (withoutSummary.items[0] as Item).summary = '';
    kit = await mountPopup({ digests, trending: [withoutSummary] });
    await until(() => expect(textOf(tabs()[2])).toBe('GitHub 热门 1'));
    await interact(() => tabs()[2]?.click());
    expect(textOf(kit.container.querySelector('.item-note'))).toBe('原文没有这一条的摘要');
  });

  it('follows the shown date', async () => {
    kit = await mountPopup({ digests, trending });
    await interact(() => tabs()[2]?.click());
    await interact(() => kit?.store.showDate('2026-01-09'));
    await until(() => expect(titles()).toEqual(['granite-works/quarry']));
    expect(textOf(tabs()[2])).toBe('GitHub 热门 1');
  });

  it('never shows the last day’s list under the new date: the day and its list change together', async () => {
    kit = await mountPopup({ digests, trending });
    await interact(() => tabs()[2]?.click());
    await until(() =>
      expect(titles()).toEqual(['tide-pool/kelp-db', 'moss-garden/spore', 'owl-post/night-mail']),
    );
    const store = kit.store;
    const shown: string[] = [];
    const stop = effect(() => {
      shown.push(`${store.digest.value?.date} ${store.trending.value?.date}`);
    });
    await interact(() => store.showDate('2026-01-09'));
    await until(() => expect(titles()).toEqual(['granite-works/quarry']));
    stop();
    expect(shown).toEqual(['2026-01-10 2026-01-10', '2026-01-09 2026-01-09']);
  });

  it('reads the shown day’s list again when the library is read again (an import replaced it)', async () => {
    const days = [storedDigest('2026-01-10'), storedDigest('2026-01-09')];
    const lists = [trendingDigest('2026-01-10', ['old/one'])];
    kit = await mountPopup({
      digests: days,
      trending: lists,
      handlers: {
        // As over messaging: a new object at each answer.
        latestDigest: () => ({ digest: structuredClone(days[0] ?? null) }),
        digest: ({ date, kind }: { date: string; kind?: string }) => ({
          digest: structuredClone(
            (kind === 'github-trending' ? lists : days).find((each) => each.date === date) ?? null,
          ),
        }),
      } as never,
    });
    await until(() => expect(tabs()).toHaveLength(3));
    await interact(() => tabs()[2]?.click());
    await until(() => expect(titles()).toEqual(['old/one']));
    lists[0] = trendingDigest('2026-01-10', ['new/one', 'new/two']);
    await interact(() => kit?.store.reload());
    await until(() => expect(titles()).toEqual(['new/one', 'new/two']));
  });

  it('says there is nothing when the day has no GitHub 热门 digest, or the background answers another kind', async () => {
    kit = await mountPopup({
      digests,
      // A background that knows one kind only answers the AI digest whatever kind is asked for.
      handlers: {
        digest: ({ date }) => ({ digest: digests.find((digest) => digest.date === date) ?? null }),
      },
    });
    await interact(() => tabs()[2]?.click());
    expect(textOf(tabs()[2])).toBe('GitHub 热门 0');
    expect(titles()).toEqual([]);
    expect(kit.container.querySelector('[role="tabpanel"] .notice')).not.toBeNull();
  });

  it('is reached with the arrow keys, round from the last tab to the first', async () => {
    kit = await mountPopup({ digests, trending });
    const [news, tools, trendingTab] = tabs();
    news?.focus();
    await interact(() => press(news as HTMLElement, 'ArrowLeft'));
    expect(kit.store.section.value).toBe('trending');
    expect(document.activeElement).toBe(trendingTab);
    await interact(() => press(trendingTab as HTMLElement, 'ArrowRight'));
    expect(kit.store.section.value).toBe('news');
    await interact(() => press(news as HTMLElement, 'ArrowRight'));
    expect(document.activeElement).toBe(tools);
  });

  it('is where a search hit from GitHub 热门 opens, and the hit says its digest', async () => {
    const hit: SearchHit = {
      date: '2026-01-09',
      item: trending[1]?.items[0] as Item,
      field: 'title',
      start: 0,
      end: 7,
    };
    kit = await mountPopup({ digests, trending, handlers: { search: () => ({ hits: [hit], total: 1 }) } });
    const input = kit.container.querySelector<HTMLInputElement>('input.search') as HTMLInputElement;
    typeInto(input, 'granite');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    expect(textOf(kit.container.querySelector('.result-meta'))).toBe('2026-01-09 · GitHub 热门 · 第 1 名');
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.result')?.click());
    await until(() => expect((document.activeElement as HTMLElement | null)?.dataset.rank).toBe('1'));
    expect(kit.store.section.value).toBe('trending');
    expect(textOf(document.activeElement?.querySelector('.item-title'))).toBe('granite-works/quarry');
  });

  it('shows the newest GitHub 热门 digest on its tab when no AI digest is stored, not an empty library', async () => {
    kit = await mountPopup({ digests: [], trending });
    await until(() =>
      expect(titles()).toEqual(['tide-pool/kelp-db', 'moss-garden/spore', 'owl-post/night-mail']),
    );
    expect(kit.store.section.value).toBe('trending');
    expect(tabs()[2]?.getAttribute('aria-selected')).toBe('true');
    expect(kit.container.querySelector('.empty')).toBeNull();
  });

  describe('a day with a GitHub 热门 digest and no AI digest', () => {
    const onlyTrending = [...trending, trendingDigest('2026-01-08', ['lone-star/tide'])];
    const dateOptions = () =>
      [...(kit?.container.querySelectorAll<HTMLOptionElement>('select.date-picker option') ?? [])]
        .filter((option) => !option.disabled)
        .map((option) => option.value);

    it('is offered by the date list and shown on the GitHub 热门 tab, counted once', async () => {
      kit = await mountPopup({ digests, trending: onlyTrending });
      await until(() => expect(dateOptions()).toEqual(['2026-01-10', '2026-01-09', '2026-01-08']));
      await interact(() => kit?.store.showDate('2026-01-09'));
      await interact(() =>
        kit?.container.querySelector<HTMLButtonElement>('button.nav[aria-disabled="false"]')?.click(),
      );
      await until(() => expect(kit?.store.digest.value?.date).toBe('2026-01-08'));
      await until(() => expect(titles()).toEqual(['lone-star/tide']));
      expect(kit.store.section.value).toBe('trending');
      expect(tabs().map(textOf)).toEqual(['新闻 0', '工具 0', 'GitHub 热门 1']);
      expect(kit.container.querySelector<HTMLSelectElement>('select.date-picker')?.value).toBe('2026-01-08');
    });

    it('leaves the popup following the newest AI digest after a sync, the newer GitHub 热门-only day listed', async () => {
      const aiDigests = [storedDigest('2026-01-09')];
      kit = await mountPopup({
        digests: aiDigests,
        trending: [trendingDigest('2026-01-10', ['lone-star/tide'])],
        handlers: { syncNow: () => syncStatus() },
      });
      await until(() => expect(dateOptions()).toEqual(['2026-01-10', '2026-01-09']));
      expect(kit.store.digest.value?.date).toBe('2026-01-09');
      aiDigests.unshift(storedDigest('2026-01-10'));
      await interact(() => kit?.container.querySelector<HTMLButtonElement>('.sync-button')?.click());
      await until(() => expect(kit?.store.digest.value?.date).toBe('2026-01-10'));
      expect(kit.store.digest.value?.kind).toBe('ainews');
    });

    it('is where a search hit on that day opens', async () => {
      const hit: SearchHit = {
        date: '2026-01-08',
        item: onlyTrending[2]?.items[0] as Item,
        field: 'title',
        start: 0,
        end: 4,
      };
      kit = await mountPopup({
        digests,
        trending: onlyTrending,
        handlers: { search: () => ({ hits: [hit], total: 1 }) },
      });
      typeInto(kit.container.querySelector<HTMLInputElement>('input.search') as HTMLInputElement, 'lone');
      await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
      await interact(() => kit?.container.querySelector<HTMLButtonElement>('.result')?.click());
      await until(() => expect((document.activeElement as HTMLElement | null)?.dataset.rank).toBe('1'));
      expect(kit.store.digest.value?.date).toBe('2026-01-08');
      expect(textOf(document.activeElement?.querySelector('.item-title'))).toBe('lone-star/tide');
    });
  });
});
