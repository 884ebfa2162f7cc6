/**
 * Marks on links in Firefox (issue 12): on a GitHub search list the linked repository's title link gets one mark, the
 * other entries none, and hovering the mark shows the item's card (the UI chunk injected through tabs.executeScript
 * under MV2), on screen and off its mark on a page zoomed on <html>, and pinned through a list's re-renders; marks
 * close together stay apart; a list bullet's mark goes where its words end; a pinned card stays while the pointer
 * passes over another mark; a right-to-left list's marks go on their links' left; links drawn `display: contents` are
 * marked. The marks' closed shadow root is read through WebDriver BiDi (FirefoxCard).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shanghaiDate } from '../../fixtures/digest-builder';
import { FixtureServer } from '../fixture-server';
import {
  apartPage,
  bulletsPage,
  contentsLinksPage,
  crowdedPage,
  githubSearchPage,
  rerenderingPage,
  rtlListPage,
} from '../marks-pages';
import { FirefoxCard, type FirefoxSession, launchFirefox } from './firefox-harness';

const today = shanghaiDate(0);
const SEARCH = 'https://github.com/search?q=widget&type=repositories';
/** Zoomed twice on <html>: the link's line is at 520 of the window's 800 px. */
const ZOOMED = 'https://github.com/lens-org/zoomed';
/** Three linked links close together in a sentence, text right after each. */
const CROWDED = 'https://github.com/lens-org/crowded';
/** An awesome-list README: the room for each bullet's mark is where its words end. */
const BULLETS = 'https://github.com/lens-org/awesome';
/** Two linked links on one line, far apart: the card below the first mark leaves the second one in view. */
const APART = 'https://github.com/lens-org/apart';
/** A list re-rendered every second: each render replaces its links. */
const RERENDER = 'https://github.com/topics/rerender';
/** An awesome-list in Arabic: right to left, each mark on its link's left. */
const RTL = 'https://github.com/lens-org/awesome-ar';
/** Links drawn `display: contents`: no box of their own. */
const CONTENTS = 'https://github.com/lens-org/contents';

/** The shown marks of the page's layer: each one's text and box. */
async function shownMarks(layer: FirefoxCard) {
  return (
    (await layer.eval((root) =>
      [...root.querySelectorAll<HTMLElement>('.m:not([hidden])')].map((mark) => {
        const { left, top, width, height } = mark.getBoundingClientRect();
        return { text: mark.textContent, x: left, y: top, w: width, h: height };
      }),
    )) ?? []
  );
}

describe('marks in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = (await new FixtureServer().start()).publish([
      {
        date: today,
        news: [],
        tools: [
          {
            title: 'Widget：本地优先的检索工具',
            url: 'https://github.com/acme/widget',
            summary: '一个在本机运行的代码检索工具，支持用中文提问。',
          },
          {
            title: 'Coder 7B：小而强的代码模型',
            url: 'https://huggingface.co/lens-org/coder-7b',
            summary: '七十亿参数的代码模型。',
          },
          {
            title: 'CJK Set：中日韩对话数据集',
            url: 'https://huggingface.co/datasets/lens-org/cjk-set',
            summary: '覆盖中文、日文和韩文的多轮对话数据集。',
          },
        ],
      },
    ]);
    server.page(SEARCH, githubSearchPage(['acme/gadget', 'acme/widget', 'other/tool']));
    server.page(
      ZOOMED,
      '<!doctype html><html lang="en" style="zoom:2"><head><meta charset="utf-8"><title>zoomed</title></head><body style="margin:0;font:15px/18px sans-serif"><div style="height:260px"></div><p style="margin:0 20px"><a href="https://github.com/acme/widget">acme/widget</a></p><div style="height:2000px"></div></body></html>',
    );
    server.page(
      CROWDED,
      crowdedPage([
        'https://github.com/acme/widget',
        'https://huggingface.co/lens-org/coder-7b',
        'https://huggingface.co/datasets/lens-org/cjk-set',
      ]),
    );
    server.page(
      BULLETS,
      bulletsPage(['https://github.com/acme/widget', 'https://huggingface.co/lens-org/coder-7b']),
    );
    server.page(
      APART,
      apartPage('https://github.com/acme/widget', 'https://huggingface.co/lens-org/coder-7b'),
    );
    server.page(RERENDER, rerenderingPage(['acme/gadget', 'acme/widget']));
    const linked: [string, string, string] = [
      'https://github.com/acme/widget',
      'https://huggingface.co/lens-org/coder-7b',
      'https://huggingface.co/datasets/lens-org/cjk-set',
    ];
    server.page(RTL, rtlListPage(linked));
    server.page(CONTENTS, contentsLinksPage([linked[0], linked[2], linked[1]]));
    session = await launchFirefox({ server });
    await vi.waitFor(async () => expect((await session.send('listDigests')).digests.length).toBe(1), {
      timeout: 30_000,
      interval: 250,
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  /** The search list opened, its one mark shown and hovered: its card is up (the card's chunk has the marks). */
  async function hoveredMark() {
    const page = await session.openSite(SEARCH);
    const marks = new FirefoxCard(session.browser, page);
    const shown = () =>
      marks.eval((root) =>
        [...root.querySelectorAll<HTMLElement>('.m:not([hidden])')].map((mark) => {
          const box = mark.getBoundingClientRect();
          return { text: mark.textContent, x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }),
      );
    await expect.poll(async () => (await shown())?.length ?? 0, { timeout: 15_000 }).toBe(1);
    const [mark] = (await shown()) ?? [];
    expect(mark?.text).toBe('日报 · 工具 #1');
    await page.mouse.move(mark?.x ?? 0, mark?.y ?? 0);
    await expect
      .poll(() => marks.text('.dl-mark-card'), { timeout: 15_000 })
      .toContain('一个在本机运行的代码检索工具');
    return { page, marks };
  }

  it('marks the linked result once and shows its card on hover', async () => {
    const { page } = await hoveredMark();
    await page.close();
  });

  it('meets the mark right after its link in the Tab order, both ways', async () => {
    const { page, marks } = await hoveredMark();
    await page.mouse.move(5, 5);
    const focused = async () =>
      (await marks.eval((root) => (root.activeElement ? `mark ${root.activeElement.textContent}` : null))) ??
      (await page.evaluate(() => document.activeElement?.textContent ?? ''));
    await page.focus('h3 a[href="https://github.com/acme/widget"]');
    const steps: string[] = [];
    for (const back of [false, false, true, true]) {
      if (back) await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      if (back) await page.keyboard.up('Shift');
      steps.push(await focused());
    }
    expect(steps).toEqual(['mark 日报 · 工具 #1', '★ 1.2k', 'mark 日报 · 工具 #1', 'acme/widget']);
    await page.close();
  });

  /** `url` opened, once `count` of its marks are shown. */
  async function openWithMarks(url: string, count: number) {
    const page = await session.openSite(url);
    const layer = new FirefoxCard(session.browser, page);
    await expect.poll(async () => (await shownMarks(layer)).length, { timeout: 15_000 }).toBe(count);
    return { page, layer };
  }

  it('never piles marks on each other: three links close together in a sentence get a mark each, apart', async () => {
    const { page, layer } = await openWithMarks(CROWDED, 3);
    const shown = () => shownMarks(layer);
    // Looked at again within a second of the page's changes: they stay apart.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const marks = await shown();
    expect(marks.map(({ text }) => text).sort()).toEqual([
      '日报 · 工具 #1',
      '日报 · 工具 #2',
      '日报 · 工具 #3',
    ]);
    for (const [index, a] of marks.entries())
      for (const b of marks.slice(index + 1))
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    await page.close();
  });

  it('puts a list bullet’s mark where its words end, on its line, not a dot over its link', async () => {
    const { page, layer } = await openWithMarks(BULLETS, 2);
    const shown = () => shownMarks(layer);
    const bullets = await page.$$eval('li', (items) =>
      items.map((item) => {
        const range = document.createRange();
        range.selectNodeContents(item);
        const { top, bottom, right } = range.getBoundingClientRect();
        return { top, bottom, right };
      }),
    );
    const marks = await shown();
    for (const [index, bullet] of bullets.entries()) {
      const mark = marks.find(({ text }) => text === `日报 · 工具 #${index + 1}`);
      expect(mark?.w).toBeGreaterThan(8);
      expect(mark?.x).toBeGreaterThanOrEqual(bullet.right);
      expect((mark?.y ?? 0) + (mark?.h ?? 0) / 2).toBeGreaterThan(bullet.top);
      expect((mark?.y ?? 0) + (mark?.h ?? 0) / 2).toBeLessThan(bullet.bottom);
    }
    await page.close();
  });

  /** Whether `mark` is on `line` (centred on it within 2 px) and after it as its text reads: right, or left (`rtl`). */
  const followsLine = (
    mark: { x: number; y: number; w: number; h: number } | undefined,
    line: DOMRect,
    rtl = false,
  ) =>
    !!mark &&
    mark.w > 8 &&
    (rtl ? mark.x + mark.w <= line.left : mark.x >= line.right) &&
    Math.abs(mark.y + mark.h / 2 - (line.top + line.height / 2)) < 2;

  it('puts the marks of a right-to-left list on their links’ left, the first and last bullet’s too', async () => {
    const { page, layer } = await openWithMarks(RTL, 3);
    // The linked bullets: the first, the last of the links alone, and one with words after its link.
    const lines = await page.$$eval('li', (items) =>
      [0, 9, 10].map((index) => {
        const range = document.createRange();
        range.selectNodeContents(items[index] as HTMLElement);
        return range.getBoundingClientRect().toJSON() as DOMRect;
      }),
    );
    const marks = await shownMarks(layer);
    for (const [index, line] of lines.entries())
      expect(
        followsLine(
          marks.find(({ text }) => text === `日报 · 工具 #${index + 1}`),
          line,
          true,
        ),
      ).toBe(true);
    await page.close();
  });

  it('marks links drawn `display: contents` beside their contents, and one far below once scrolled into view', async () => {
    const { page, layer } = await openWithMarks(CONTENTS, 2);
    const contentsOf = (id: string) =>
      page.$eval(`#${id} a`, (link) => {
        const range = document.createRange();
        range.selectNodeContents(link);
        return range.getBoundingClientRect().toJSON() as DOMRect;
      });
    const marks = await shownMarks(layer);
    expect(
      followsLine(
        marks.find(({ text }) => text === '日报 · 工具 #1'),
        await contentsOf('title'),
      ),
    ).toBe(true);
    expect(
      followsLine(
        marks.find(({ text }) => text === '日报 · 工具 #3'),
        await contentsOf('text'),
      ),
    ).toBe(true);
    await page.evaluate(() => document.getElementById('far')?.scrollIntoView());
    await expect
      .poll(
        async () =>
          followsLine(
            (await shownMarks(layer)).find(({ text }) => text === '日报 · 工具 #2'),
            await contentsOf('far'),
          ),
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.close();
  });

  it('keeps a pinned card while the pointer passes over another mark', async () => {
    const { page, layer } = await openWithMarks(APART, 2);
    const [first, second] = (await shownMarks(layer)).sort((a, b) => a.x - b.x);
    if (!first || !second) throw new Error('two marks were shown, then not');
    await page.mouse.click(first.x + first.w / 2, first.y + first.h / 2);
    await expect
      .poll(() => layer.text('.dl-mark-card'), { timeout: 15_000 })
      .toContain('一个在本机运行的代码检索工具');
    await page.mouse.move(second.x + second.w / 2, second.y + second.h / 2, { steps: 4 });
    await page.mouse.move(700, 500, { steps: 4 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await layer.text('.dl-mark-card')).toContain('一个在本机运行的代码检索工具');
    await page.close();
  });

  it('draws an open card over the other marks it reaches', async () => {
    const { page, layer } = await openWithMarks(CROWDED, 3);
    const [first] = (await shownMarks(layer)).filter(({ text }) => text === '日报 · 工具 #1');
    await page.mouse.click((first?.x ?? 0) + (first?.w ?? 0) / 2, (first?.y ?? 0) + (first?.h ?? 0) / 2);
    await expect
      .poll(() => layer.text('.dl-mark-card'), { timeout: 15_000 })
      .toContain('一个在本机运行的代码检索工具');
    // Each mark the card reaches over, hit-tested at the middle of what they share: the card is there.
    const tops = await layer.eval((root) => {
      const card = root.querySelector('.dl-mark-card')?.getBoundingClientRect();
      if (!card) return [];
      return [...root.querySelectorAll<HTMLElement>('.m:not([hidden])')].flatMap((mark) => {
        const box = mark.getBoundingClientRect();
        const x = (Math.max(box.left, card.left) + Math.min(box.right, card.right)) / 2;
        const y = (Math.max(box.top, card.top) + Math.min(box.bottom, card.bottom)) / 2;
        const reached =
          box.left < card.right && card.left < box.right && box.top < card.bottom && card.top < box.bottom;
        return reached ? [!!root.elementFromPoint(x, y)?.closest('.dl-mark-card')] : [];
      });
    });
    expect(tops?.length).toBeGreaterThan(0);
    expect(tops?.every(Boolean)).toBe(true);
    await page.close();
  });

  it('keeps a pinned card open while the list re-renders every second', async () => {
    const { page, layer } = await openWithMarks(RERENDER, 1);
    const shown = () => shownMarks(layer);
    const [mark] = await shown();
    await page.mouse.click((mark?.x ?? 0) + (mark?.w ?? 0) / 2, (mark?.y ?? 0) + (mark?.h ?? 0) / 2);
    await page.mouse.move(5, 700);
    await expect
      .poll(() => layer.text('.dl-mark-card'), { timeout: 15_000 })
      .toContain('一个在本机运行的代码检索工具');
    const renders = () => page.evaluate(() => (window as unknown as { renders: number }).renders);
    const from = await renders();
    await expect.poll(renders, { timeout: 10_000 }).toBeGreaterThanOrEqual(from + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await layer.text('.dl-mark-card')).toContain('一个在本机运行的代码检索工具');
    await page.close();
  });

  it('keeps the card on screen and off its mark on a page zoomed on <html>', async () => {
    const page = await session.openSite(ZOOMED);
    const layer = new FirefoxCard(session.browser, page);
    /** The shown mark's box and the open card's, read at once (null for what is not shown). */
    const boxes = async () =>
      (await layer.eval((root) => {
        const box = (element: Element | null) => {
          if (!element || element.closest('[hidden]')) return null;
          const { left, top, width, height } = element.getBoundingClientRect();
          return { x: left, y: top, w: width, h: height };
        };
        return { mark: box(root.querySelector('.m')), card: box(root.querySelector('.dl-mark-card')) };
      })) ?? { mark: null, card: null };
    // Undefined until the layer is there, null while its mark is hidden.
    await expect.poll(async () => (await boxes()).mark?.w ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const { mark } = await boxes();
    if (!mark) throw new Error('no mark');
    expect(mark.y).toBeGreaterThan(400);
    await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2);
    await expect
      .poll(() => layer.text('.dl-mark-card'), { timeout: 15_000 })
      .toContain('一个在本机运行的代码检索工具');
    const shown = await boxes();
    if (!shown.card || !shown.mark) throw new Error('no card');
    const { card } = shown;
    expect(card.y + card.h <= shown.mark.y || shown.mark.y + shown.mark.h <= card.y).toBe(true);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.y + card.h).toBeLessThanOrEqual(800);
    await page.close();
  });
});
