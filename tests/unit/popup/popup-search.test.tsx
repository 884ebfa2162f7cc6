// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SEARCH_QUERY_MAX } from '../../../lib/protocol';
import type { SearchHit } from '../../../lib/schema';
import { item, storedDigest } from '../ui/fake-client';
import { interact, press, textOf, typeInto } from '../ui/render';
import { mountPopup, type PopupKit, until } from './popup-test-kit';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const older = storedDigest('2026-01-08', {
  items: [
    item('news', 1),
    item('tools', 1),
    item('tools', 7, { title: '开源推理框架', summary: '一个支持多模型的推理框架，速度很快。' }),
  ],
});
const digests = [storedDigest('2026-01-10'), storedDigest('2026-01-09'), older];

const titleHit: SearchHit = {
  date: '2026-01-08',
  item: older.items[2] as SearchHit['item'],
  field: 'title',
  start: 2,
  end: 4,
};

function searchInput(): HTMLInputElement {
  const input = kit?.container.querySelector<HTMLInputElement>('input.search');
  if (!input) throw new Error('no search box');
  return input;
}

describe('the popup’s search', () => {
  it('debounces typing into one search for the last text', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    typeInto(searchInput(), '推');
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    const searches = kit.fake.calls.filter((call) => call.type === 'search');
    expect(searches).toEqual([{ type: 'search', payload: { query: '推理', limit: 50 } }]);
  });

  it('searches a pasted passage longer than the background takes by its first 200 characters, not an error', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    expect(searchInput().maxLength).toBe(SEARCH_QUERY_MAX);
    typeInto(searchInput(), `推理${'a'.repeat(300)}`);
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    const searches = kit.fake.calls.filter((call) => call.type === 'search');
    expect(searches).toEqual([{ type: 'search', payload: { query: `推理${'a'.repeat(198)}`, limit: 50 } }]);
    expect(kit.container.querySelector('.notice.error')).toBeNull();
  });

  it('shows more hits on request, up to what the background has', async () => {
    const many = Array.from({ length: 70 }, (_, index) => ({
      ...titleHit,
      item: { ...titleHit.item, rank: index + 1 },
    }));
    kit = await mountPopup({
      digests,
      handlers: { search: (payload) => ({ hits: many.slice(0, payload.limit), total: many.length }) },
    });
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(50));
    expect(textOf(kit.container.querySelector('.result-count'))).toBe('共 70 条，显示前 50 条');
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.more-results')?.click());
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(70));
    expect(kit.container.querySelector('.more-results')).toBeNull();
  });

  it('shows each hit’s date, section and rank, with the match in <mark>', async () => {
    const summaryHit: SearchHit = { ...titleHit, field: 'summary', start: 4, end: 8 };
    kit = await mountPopup({
      digests,
      handlers: { search: () => ({ hits: [titleHit, summaryHit], total: 2 }) },
    });
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(2));
    const [first, second] = kit.container.querySelectorAll('.result');
    expect(textOf(first?.querySelector('.result-meta'))).toBe('2026-01-08 · 工具 · 第 7 条');
    expect(textOf(first?.querySelector('.result-title mark'))).toBe('推理');
    expect(textOf(first?.querySelector('.result-title'))).toBe('开源推理框架');
    expect(textOf(second?.querySelector('.result-snippet mark'))).toBe('多模型的');
    expect(second?.querySelector('.result-title mark')).toBeNull();
    expect(textOf(kit.container.querySelector('.result-count'))).toBe('共 2 条');
  });

  it('says in how many other digests a story also matched, and where a link name or an alias was found', async () => {
    const linkHit: SearchHit = {
      ...titleHit,
      field: 'link',
      link: 'github.com/ggerganov/llama.cpp',
      start: 11,
      end: 20,
      alsoIn: 2,
    };
    const aliasHit: SearchHit = {
      date: '2026-01-09',
      item: item('news', 2, { title: 'NVIDIA 发布新芯片' }),
      field: 'title',
      start: 0,
      end: 6,
      alias: true,
    };
    kit = await mountPopup({
      digests,
      handlers: { search: () => ({ hits: [linkHit, aliasHit], total: 2 }) },
    });
    typeInto(searchInput(), 'ggerganov');
    await until(() => expect(kit?.container.querySelectorAll('.result')).toHaveLength(2));
    const [first, second] = kit.container.querySelectorAll('.result');
    expect(textOf(first?.querySelector('.result-meta'))).toBe('2026-01-08 · 工具 · 第 7 条 · 另见 2 期');
    expect(textOf(first?.querySelector('.result-link'))).toBe('链接：github.com/ggerganov/llama.cpp');
    expect(textOf(first?.querySelector('.result-link mark'))).toBe('ggerganov');
    expect(first?.querySelector('.result-title mark, .result-alias')).toBeNull();
    expect(textOf(second?.querySelector('.result-meta'))).not.toContain('另见');
    expect(textOf(second?.querySelector('.result-title mark'))).toBe('NVIDIA');
    expect(textOf(second?.querySelector('.result-alias'))).toBe('按“NVIDIA”找到');
  });

  it('keeps hostile text in a hit as text, the highlight included', async () => {
    const hostile = '<img src=x onerror=alert(1)>漏洞<b>粗</b>';
    const hit: SearchHit = {
      date: '2026-01-10',
      item: item('news', 1, { title: hostile }),
      field: 'title',
      start: 0,
      end: hostile.length,
    };
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [hit], total: 1 }) } });
    typeInto(searchInput(), 'img');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    expect(kit.container.querySelector('.result img, .result b')).toBeNull();
    expect(textOf(kit.container.querySelector('.result-title'))).toBe(hostile);
    expect(textOf(kit.container.querySelector('.result-title mark'))).toBe(hostile);
  });

  it('says so when nothing matches, and when the search fails', async () => {
    let fail = false;
    kit = await mountPopup({
      digests,
      handlers: {
        search: () => {
          if (fail) throw new Error('数据库不可用');
          return { hits: [], total: 0 };
        },
      },
    });
    typeInto(searchInput(), '不存在');
    await until(() => expect(textOf(kit?.container.querySelector('.content'))).toBe('没有找到“不存在”'));
    fail = true;
    typeInto(searchInput(), '再试');
    await until(() =>
      expect(textOf(kit?.container.querySelector('.content'))).toBe('搜索失败：数据库不可用'),
    );
  });

  it('says the outcome, not the hits, in one polite live region that is in the page before any search', async () => {
    let answer: { hits: SearchHit[]; total: number } = { hits: [titleHit], total: 1 };
    // The background answers once the gate opens.
    let gate = Promise.resolve();
    let open = () => {};
    // 本页相关 above the day: taken away while searching, and back after.
    const match = { date: '2026-01-08', issueUrl: null, item: titleHit.item, alsoIn: 0, story: null };
    const page = { matches: [match], total: 1 };
    kit = await mountPopup({
      digests,
      activeTab: async () => 7,
      handlers: { search: () => gate.then(() => answer), pageMatches: () => page },
    });
    await until(() => expect(kit?.container.querySelector('.page-matches')).not.toBeNull());
    const region = kit.container.querySelector('main [role="status"]');
    expect(textOf(region)).toBe('');
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    expect(kit.container.querySelector('main [role="status"]')).toBe(region);
    expect(textOf(region)).toBe('共 1 条');
    expect(region?.querySelector('.result')).toBeNull();
    answer = { hits: [], total: 0 };
    typeInto(searchInput(), '不存在');
    await until(() => expect(textOf(region)).toBe('没有找到“不存在”'));
    // Typed on: nothing new is said until the search answers, then once.
    gate = new Promise((resolve) => {
      open = resolve;
    });
    typeInto(searchInput(), '不存在的');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(textOf(region)).toBe('没有找到“不存在”');
    open();
    await until(() => expect(textOf(region)).toBe('没有找到“不存在的”'));
    // Cleared: nothing is said, and the region stays for the next search.
    await interact(() => press(searchInput(), 'Escape'));
    expect(kit.container.querySelector('.page-matches')).not.toBeNull();
    expect(kit.container.querySelector('main [role="status"]')).toBe(region);
    expect(textOf(region)).toBe('');
  });

  it('comes back to where the day’s list was scrolled when the search is cleared, not to its top', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    const main = kit.container.querySelector('main') as HTMLElement;
    const scrolled = (top: number) => {
      main.scrollTop = top;
      main.dispatchEvent(new Event('scroll'));
    };
    scrolled(320);
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    // The browser takes the scroll back to the shorter results (happy-dom lays nothing out), or the reader scrolls them.
    scrolled(0);
    await interact(() => press(searchInput(), 'Escape'));
    expect(kit.container.querySelector('.digest')).not.toBeNull();
    expect(main.scrollTop).toBe(320);
    // An opened hit is scrolled to instead (ItemList): the day's place is not put back over it.
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    scrolled(0);
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.result')?.click());
    await until(() => expect((document.activeElement as HTMLElement | null)?.dataset.rank).toBe('7'));
    expect(main.scrollTop).toBe(0);
  });

  it('opens a hit in its digest: switches date and tab, focuses the item, clears the search', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    await interact(() => kit?.container.querySelector<HTMLButtonElement>('.result')?.click());
    await until(() =>
      expect(kit?.container.querySelector<HTMLElement>('.digest')?.dataset.date).toBe('2026-01-08'),
    );
    const selected = kit.container.querySelector('[role="tab"][aria-selected="true"]');
    expect(textOf(selected)).toContain('工具');
    await until(() => expect((document.activeElement as HTMLElement | null)?.dataset.rank).toBe('7'));
    expect(textOf(document.activeElement?.querySelector('.item-title'))).toBe('开源推理框架');
    expect(searchInput().value).toBe('');
  });

  it('opens a hit with the keyboard: arrow down from the box, then Enter', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    searchInput().focus();
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    press(searchInput(), 'ArrowDown');
    expect(document.activeElement?.classList.contains('result')).toBe(true);
    // Enter on a focused <button> activates it, as a browser does.
    await interact(() => (document.activeElement as HTMLButtonElement).click());
    await until(() => expect((document.activeElement as HTMLElement | null)?.dataset.rank).toBe('7'));
  });

  it('clears the results with Escape', async () => {
    kit = await mountPopup({ digests, handlers: { search: () => ({ hits: [titleHit], total: 1 }) } });
    typeInto(searchInput(), '推理');
    await until(() => expect(kit?.container.querySelector('.result')).not.toBeNull());
    await interact(() => press(searchInput(), 'Escape'));
    expect(kit.container.querySelector('.result')).toBeNull();
    expect(kit.container.querySelector('.digest')).not.toBeNull();
  });
});
