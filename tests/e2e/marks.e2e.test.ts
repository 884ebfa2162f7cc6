/**
 * Marks in real Chromium (issue 12), on list pages shaped like the served sites (tests/e2e/marks-pages.ts): every
 * entry a digest item links gets one mark, no other entry does; hover shows the item's card, a click pins it, Esc
 * closes it; tweets appended after load are marked; a list re-rendering every second keeps its marks and throws
 * nothing; a list linking no item is left as served. The marks' shadow root is closed: the test reads it through
 * the DevTools protocol, as the page cannot.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FixtureDigest, shanghaiDate } from '../fixtures/digest-builder';
import { FixtureServer } from './fixture-server';
import { type ExtensionSession, launchExtension, stopWorker } from './harness';
import {
  apartPage,
  bulletsPage,
  contentsLinksPage,
  crowdedPage,
  githubSearchPage,
  githubTrendingPage,
  huggingfaceListPage,
  type ListTheme,
  rerenderingPage,
  roomPage,
  rtlListPage,
  stickyHeaderPage,
  type TweetFixture,
  xHomePage,
} from './marks-pages';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const today = shanghaiDate(0);
const older = shanghaiDate(-3);
const TWEET = '1863000000000000001';
const QUOTED = '1863000000000000002';
const LATER = '1863000000000000003';

const digests: FixtureDigest[] = [
  {
    date: today,
    news: [
      {
        title: '实验室开源长上下文推理模型',
        url: `https://x.com/lens_lab/status/${TWEET}`,
        summary: '实验室开源了一个支持百万上下文的推理模型，并公布了训练数据的构成。',
      },
      {
        title: '研究员解读新的智能体评测',
        url: `https://x.com/bench_fan/status/${QUOTED}`,
        summary: '这条被引用的推文解读了一个新的智能体评测，指出现有模型在长任务上容易偏离目标。',
      },
      {
        title: '滚动后才出现的推文',
        url: `https://x.com/late_poster/status/${LATER}`,
        summary: '这条推文在时间线加载后才被追加进来，也应当带上标记。',
      },
    ],
    tools: [
      {
        title: 'Widget：本地优先的检索工具',
        url: 'https://github.com/acme/widget',
        summary: '一个在本机运行的代码检索工具，支持用中文提问。',
      },
      {
        title: 'Coder 7B：小而强的代码模型',
        url: 'https://huggingface.co/lens-org/coder-7b',
        summary: '七十亿参数的代码模型，在多文件修改任务上接近更大的模型。',
      },
      {
        title: 'CJK Set：中日韩对话数据集',
        url: 'https://huggingface.co/datasets/lens-org/cjk-set',
        summary: '覆盖中文、日文和韩文的多轮对话数据集。',
      },
    ],
  },
  {
    date: older,
    news: [],
    tools: [
      {
        title: 'Widget 首次发布',
        url: 'https://github.com/acme/widget',
        summary: 'Widget 的第一个版本。',
      },
    ],
  },
];

const first: TweetFixture[] = [
  { handle: 'lens_lab', id: TWEET, text: 'We open-sourced a long-context reasoning model.' },
  { handle: 'someone', id: '1863000000000000009', text: 'Unrelated tweet.' },
  {
    handle: 'quoter',
    id: '1863000000000000010',
    text: 'Worth reading:',
    quote: { handle: 'bench_fan', id: QUOTED, text: 'A new agent benchmark.' },
  },
];
const later: TweetFixture[] = [
  { handle: 'late_poster', id: LATER, text: 'Appended after load.' },
  { handle: 'another', id: '1863000000000000011', text: 'Also appended, unrelated.' },
];

const URLS = {
  home: 'https://x.com/home',
  search: 'https://github.com/search?q=widget&type=repositories',
  trending: 'https://github.com/trending',
  models: 'https://huggingface.co/models?sort=trending',
  collection: 'https://huggingface.co/collections/lens-org/picks-0123',
  rerender: 'https://github.com/topics/rerender',
  nothing: 'https://github.com/search?q=nothing&type=repositories',
  scroller: 'https://github.com/search?q=scroller&type=repositories',
  room: 'https://github.com/lens-org/room',
  late: 'https://github.com/lens-org/late',
  edge: 'https://github.com/lens-org/edge',
  zoomed: 'https://github.com/lens-org/zoomed',
  crowded: 'https://github.com/lens-org/crowded',
  bullets: 'https://github.com/lens-org/awesome',
  apart: 'https://github.com/lens-org/apart',
  sticky: 'https://github.com/lens-org/sticky',
  rtl: 'https://github.com/lens-org/awesome-ar',
  contents: 'https://github.com/lens-org/contents',
  homeDark: 'https://x.com/home?theme=dark',
  searchDark: 'https://github.com/search?q=widget&type=repositories&theme=dark',
};

function pages(theme: ListTheme): [string, string][] {
  const dark = theme === 'dark';
  return [
    [dark ? URLS.homeDark : URLS.home, xHomePage(first, later, theme)],
    [
      dark ? URLS.searchDark : URLS.search,
      githubSearchPage(['acme/gadget', 'acme/widget', 'other/tool'], theme),
    ],
  ];
}

/** Two linked results in a box that scrolls on its own (as a site's side list or dialog does), below a header. */
const scrollerPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scroller</title></head><body style="margin:16px;font:14px sans-serif"><main><header style="height:200px">Results</header><div id="box" style="height:300px;width:400px;overflow:auto;border:1px solid #888"><ul style="margin:0;padding:8px 24px"><li style="height:80px"><h3><a href="https://github.com/acme/widget">acme/widget</a></h3></li><li style="height:80px"><h3><a href="https://huggingface.co/lens-org/coder-7b">lens-org/coder-7b</a></h3></li></ul><div style="height:1200px"></div></div><p><a href="https://github.com/about">after the list</a></p></main></body></html>`;

/** The marks' closed shadow root, reached through the DevTools protocol. */
class MarkLayer {
  constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /** Children of <html> that hold a shadow root: the extension's hosts (the page sees only their element). */
  async hostIds(): Promise<number[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 2, pierce: true });
    const html = root.children?.find((node) => node.nodeName === 'HTML');
    return (html?.children ?? []).flatMap(
      (node) => node.shadowRoots?.map((shadow) => shadow.backendNodeId) ?? [],
    );
  }

  async eval<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | undefined> {
    for (const backendNodeId of await this.hostIds()) {
      const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId });
      const { result } = await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId as string,
        functionDeclaration: `function (arg) { return this.querySelector('.m') ? (${fn.toString()})(this, arg) : undefined; }`,
        arguments: [{ value: arg }],
        returnByValue: true,
      });
      if (result.value !== undefined) return result.value as R;
    }
    return undefined;
  }

  /** Each shown mark: its text, and the href of the link it stands beside (the nearest link on its left). */
  async marks(): Promise<
    { text: string; near: string | null; box: { x: number; y: number; w: number; h: number } }[]
  > {
    return (
      (await this.eval((root) =>
        [...root.querySelectorAll<HTMLElement>('.m:not([hidden])')].map((mark) => {
          const box = mark.getBoundingClientRect();
          const probe = document.elementFromPoint(box.left - 8, box.top + box.height / 2);
          return {
            text: mark.textContent ?? '',
            near: probe?.closest('a')?.getAttribute('href') ?? null,
            box: { x: box.left, y: box.top, w: box.width, h: box.height },
          };
        }),
      )) ?? []
    );
  }

  async cardText(): Promise<string | undefined> {
    return this.eval((root) => {
      const card = root.querySelector<HTMLElement>('.dl-mark-card');
      return card && !card.closest('[hidden]') ? card.innerText : '';
    });
  }

  async cardBox(): Promise<{ x: number; y: number; w: number; h: number } | undefined> {
    return this.eval((root) => {
      const card = root.querySelector('.dl-mark-card');
      const box = card?.getBoundingClientRect();
      return box && { x: box.left, y: box.top, w: box.width, h: box.height };
    });
  }

  async hover(index: number): Promise<void> {
    const { box } = (await this.marks())[index] ?? {};
    if (!box) throw new Error(`no mark ${index}`);
    await this.page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
  }
}

async function open(
  session: ExtensionSession,
  url: string,
): Promise<{ page: Page; layer: MarkLayer; errors: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Every error but the page's missing favicon (a 404 the first page of a host logs).
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      !message.location().url.endsWith('/favicon.ico') &&
      errors.push(message.text()),
  );
  await page.goto(url);
  return { page, layer: new MarkLayer(page, await page.context().newCDPSession(page)), errors };
}

/** The page's own boxes: each line of its text, each link and button. */
function pageBoxes(page: Page): Promise<{ what: string; box: Box }[]> {
  return page.evaluate(() => {
    const boxes: { what: string; box: { x: number; y: number; w: number; h: number } }[] = [];
    const add = (what: string, { left, top, width, height }: DOMRect) =>
      boxes.push({ what, box: { x: left, y: top, w: width, h: height } });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest('style,script')) continue;
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) add(node.textContent.trim().slice(0, 16), line);
    }
    for (const element of document.querySelectorAll('a,button'))
      add(element.getAttribute('href') ?? element.localName, element.getBoundingClientRect());
    return boxes;
  });
}

/** The box of the page's first element matching `selector`. */
const boxOf = (page: Page, selector: string): Promise<Box> =>
  page.$eval(selector, (element) => {
    const { left, top, width, height } = element.getBoundingClientRect();
    return { x: left, y: top, w: width, h: height };
  });

/** Whether `mark` is just after `line` (a link's), on it: centred on it within 2 px. */
const justAfter = (mark: Box | undefined, line: Box) =>
  !!mark && mark.x > line.x + line.w && Math.abs(mark.y + mark.h / 2 - (line.y + line.h / 2)) < 2;

const nearLinks = async (layer: MarkLayer) => (await layer.marks()).map(({ near }) => near);

/** Switch marks on GitHub on or off from an extension page (`options`), as the options page's box does. */
const marksOnGitHub = (options: Page, on: boolean) =>
  options.evaluate(async (value) => {
    const { settings } = await chrome.storage.local.get('settings');
    const current = (settings ?? {}) as { marks?: Record<string, boolean> };
    await chrome.storage.local.set({
      settings: { ...current, marks: { x: true, huggingface: true, ...current.marks, github: value } },
    });
  }, on);

describe('marks on the links to digest items', () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await new FixtureServer().start();
    server.publish(digests);
    for (const theme of ['light', 'dark'] as const)
      for (const [url, html] of pages(theme)) server.page(url, html);
    server.page(URLS.trending, githubTrendingPage(['big/thing', 'acme/widget']));
    server.page(
      URLS.models,
      huggingfaceListPage('Models - Hugging Face', [
        'lens-org/coder-7b',
        'other/model-x',
        'lens-org/coder-7b-instruct',
      ]),
    );
    server.page(
      URLS.collection,
      huggingfaceListPage('Picks - a collection', [
        'datasets/lens-org/cjk-set',
        'lens-org/coder-7b',
        'datasets/other/set',
      ]),
    );
    server.page(URLS.rerender, rerenderingPage(['acme/gadget', 'acme/widget']));
    server.page(URLS.nothing, githubSearchPage(['acme/gadget', 'other/tool']));
    server.page(URLS.scroller, scrollerPage);
    server.page(
      URLS.late,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title></head><body style="margin:40px;font:15px sans-serif"><h3><a href="https://github.com/acme/widget">acme/widget</a><span id="slot"></span></h3></body></html>',
    );
    // The linked link's line starts 12 px above the window's bottom: the spot after it is partly off the screen.
    server.page(
      URLS.edge,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>edge</title></head><body style="margin:0;font:15px/18px sans-serif"><div id="spacer"></div><script>document.getElementById("spacer").style.height = innerHeight - 12 + "px"</script><p style="margin:0 40px"><a href="https://github.com/acme/widget">acme/widget</a></p><div style="height:2000px"></div></body></html>',
    );
    // Zoomed twice on <html>: the link's line is at 520 of the window's 800 px, past <html>'s own height (400 CSS px).
    server.page(
      URLS.zoomed,
      '<!doctype html><html lang="en" style="zoom:2"><head><meta charset="utf-8"><title>zoomed</title></head><body style="margin:0;font:15px/18px sans-serif"><div style="height:260px"></div><p style="margin:0 20px"><a href="https://github.com/acme/widget">acme/widget</a></p><div style="height:2000px"></div></body></html>',
    );
    server.page(
      URLS.apart,
      apartPage('https://github.com/acme/widget', 'https://huggingface.co/lens-org/coder-7b'),
    );
    server.page(URLS.sticky, stickyHeaderPage('https://github.com/acme/widget'));
    server.page(
      URLS.contents,
      contentsLinksPage([
        'https://github.com/acme/widget',
        'https://huggingface.co/datasets/lens-org/cjk-set',
        'https://huggingface.co/lens-org/coder-7b',
      ]),
    );
    server.page(
      URLS.rtl,
      rtlListPage([
        'https://github.com/acme/widget',
        'https://huggingface.co/lens-org/coder-7b',
        'https://huggingface.co/datasets/lens-org/cjk-set',
      ]),
    );
    server.page(
      URLS.bullets,
      bulletsPage(['https://github.com/acme/widget', 'https://huggingface.co/lens-org/coder-7b']),
    );
    server.page(
      URLS.crowded,
      crowdedPage([
        'https://github.com/acme/widget',
        'https://huggingface.co/lens-org/coder-7b',
        'https://huggingface.co/datasets/lens-org/cjk-set',
      ]),
    );
    server.page(
      URLS.room,
      roomPage(
        'https://github.com/acme/widget',
        'https://huggingface.co/lens-org/coder-7b',
        'https://huggingface.co/datasets/lens-org/cjk-set',
      ),
    );
    session = await launchExtension({ server });
    await vi.waitFor(
      async () =>
        expect((await session.send('listDigests')).digests.map(({ date }) => date)).toEqual([today, older]),
      { timeout: 30_000, interval: 250 },
    );
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('marks each linked tweet of the home timeline once, on its time link, the quoted one and those appended later', async () => {
    const { page, layer } = await open(session, URLS.home);
    await expect
      .poll(async () => (await nearLinks(layer)).sort(), { timeout: 20_000 })
      .toEqual(
        [
          `https://x.com/lens_lab/status/${TWEET}`,
          `https://x.com/bench_fan/status/${QUOTED}`,
          `https://x.com/late_poster/status/${LATER}`,
        ].sort(),
      );
    expect((await layer.marks()).map(({ text }) => text).sort()).toEqual([
      '日报 · 新闻 #1',
      '日报 · 新闻 #2',
      '日报 · 新闻 #3',
    ]);
    await session.screenshot(page, 'marks-x-light');
    await page.close();
  });

  it('refreshes its answers after a sync: a tweet on the page that a newly synced item links gets its mark', async () => {
    const { page, layer } = await open(session, URLS.home);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    const [current, ...rest] = digests as [FixtureDigest, ...FixtureDigest[]];
    const added = {
      title: '同一时间线上的另一条推文',
      url: 'https://x.com/someone/status/1863000000000000009',
      summary: '同步之后才收录的推文，页面上已有它的链接。',
    };
    server.publish([{ ...current, news: [...current.news, added] }, ...rest]);
    await session.send('syncNow');
    // The next links the page shows carry the new stamp with their answer: every kept answer is asked again.
    await page.evaluate(() =>
      document
        .querySelector('main')
        ?.insertAdjacentHTML('beforeend', '<p><a href="https://x.com/x/status/1">new</a></p>'),
    );
    await expect
      .poll(async () => (await layer.marks()).map(({ text }) => text).sort(), { timeout: 10_000 })
      .toEqual(['日报 · 新闻 #1', '日报 · 新闻 #2', '日报 · 新闻 #3', '日报 · 新闻 #4']);
    server.publish(digests);
    await session.send('syncNow');
    await page.close();
  });

  it('shows the item’s card on hover, beside the mark and never over it; a click pins it and Esc closes it', async () => {
    const { page, layer } = await open(session, URLS.home);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    await layer.hover(0);
    await expect
      .poll(() => layer.cardText(), { timeout: 10_000 })
      .toContain('实验室开源了一个支持百万上下文的推理模型');
    const card = await layer.cardBox();
    const [mark] = await layer.marks();
    if (!card || !mark) throw new Error('no card');
    expect(overlaps(card, mark.box)).toBe(false);
    expect(card.x + card.w).toBeLessThanOrEqual(1280);
    // Leaving closes it; a click pins it (leaving no longer does), Esc closes it.
    await page.mouse.move(5, 700);
    await expect.poll(() => layer.cardText()).toBe('');
    await layer.hover(0);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.move(5, 700);
    await page.waitForTimeout(500);
    expect(await layer.cardText()).toContain('实验室开源');
    await page.keyboard.press('Escape');
    await expect.poll(() => layer.cardText()).toBe('');
    await page.close();
  });

  it('marks GitHub search results and trending by their title link, and nothing else', async () => {
    for (const url of [URLS.search, URLS.trending]) {
      const { page, layer } = await open(session, url);
      await expect
        .poll(() => nearLinks(layer), { timeout: 10_000 })
        .toEqual(['https://github.com/acme/widget']);
      // One card per story: the newest summary, and the older one counted.
      await layer.hover(0);
      await expect
        .poll(() => layer.cardText(), { timeout: 10_000 })
        .toContain('一个在本机运行的代码检索工具');
      expect(await layer.cardText()).toContain('另见于其他 1 期日报');
      await page.close();
    }
  });

  it('keeps a pinned card while the pointer passes over another mark; a click on that one pins its card instead', async () => {
    const { page, layer } = await open(session, URLS.apart);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(2);
    const [first, second] = (await layer.marks()).sort((a, b) => a.box.x - b.box.x);
    if (!first || !second) throw new Error('two marks were shown, then not');
    const centre = ({ box }: typeof first) => [box.x + box.w / 2, box.y + box.h / 2] as const;
    await page.mouse.click(...centre(first));
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    await page.mouse.move(...centre(second), { steps: 4 });
    await page.mouse.move(700, 500, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await layer.cardText()).toContain('一个在本机运行的代码检索工具');
    await page.mouse.click(...centre(second));
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('七十亿参数的代码模型');
    await page.mouse.move(700, 500, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await layer.cardText()).toContain('七十亿参数的代码模型');
    await page.close();
  });

  it('draws an open card over the other marks it reaches: a click there stays in the card', async () => {
    const { page, layer } = await open(session, URLS.crowded);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    const marks = await layer.marks();
    const first = marks.find(({ text }) => text === '日报 · 工具 #1');
    if (!first) throw new Error('no mark for the first link');
    await page.mouse.click(first.box.x + first.box.w / 2, first.box.y + first.box.h / 2);
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    const card = await layer.cardBox();
    if (!card) throw new Error('no card box');
    // Where the card reaches over another mark, the card is what is there.
    const under = marks
      .filter((mark) => mark !== first && overlaps(mark.box, card))
      .map(({ box }) => ({
        x: (Math.max(box.x, card.x) + Math.min(box.x + box.w, card.x + card.w)) / 2,
        y: (Math.max(box.y, card.y) + Math.min(box.y + box.h, card.y + card.h)) / 2,
      }));
    expect(under.length).toBeGreaterThan(0);
    for (const point of under)
      expect(
        await layer.eval((root, { x, y }) => !!root.elementFromPoint(x, y)?.closest('.dl-mark-card'), point),
      ).toBe(true);
    const [point] = under;
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await page.waitForTimeout(300);
    expect(await layer.cardText()).toContain('一个在本机运行的代码检索工具');
    await page.close();
  });

  it('shows the card when a mark gets the keyboard focus; Esc closes it and the focus stays on the mark', async () => {
    const { page, layer } = await open(session, URLS.search);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://github.com/acme/widget']);
    await layer.eval((root) => root.querySelector<HTMLElement>('.m')?.focus());
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    await page.keyboard.press('Escape');
    await expect.poll(() => layer.cardText()).toBe('');
    expect(await layer.eval((root) => root.activeElement?.className)).toBe('m');
    await page.close();
  });

  it('keeps a pinned card beside its mark when the page’s own box scrolls, and on screen when the window narrows', async () => {
    const { page, layer } = await open(session, URLS.scroller);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(2);
    await layer.hover(0);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    const gap = async () => {
      const [mark] = await layer.marks();
      const card = await layer.cardBox();
      return mark && card ? Math.round(card.y - mark.box.y) : undefined;
    };
    const before = await gap();
    const markY = (await layer.marks())[0]?.box.y ?? Number.NaN;
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => {
      (document.getElementById('box') as HTMLElement).scrollTop = 12;
    });
    await expect.poll(async () => (await layer.marks())[0]?.box.y, { timeout: 5_000 }).toBe(markY - 12);
    await expect.poll(gap, { timeout: 5_000 }).toBe(before);
    await page.setViewportSize({ width: 420, height: 700 });
    await expect
      .poll(
        async () => {
          const card = await layer.cardBox();
          return card && card.x >= 0 && card.x + card.w <= 420;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    // Its link scrolled out of the box (under the header): the mark is hidden, and so is its pinned card, which
    // comes back with it.
    await page.evaluate(() => {
      (document.getElementById('box') as HTMLElement).scrollTop = 100;
    });
    await expect.poll(() => layer.cardText(), { timeout: 5_000 }).toBe('');
    await page.evaluate(() => {
      (document.getElementById('box') as HTMLElement).scrollTop = 0;
    });
    await expect.poll(() => layer.cardText(), { timeout: 5_000 }).toContain('一个在本机运行的代码检索工具');
    await page.close();
  });

  it('lets the keyboard into a pinned card: Tab from its mark, Shift+Tab back, and on past its last control', async () => {
    const { page, layer } = await open(session, URLS.scroller);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(2);
    const focused = () =>
      layer.eval((root) => {
        const active = root.activeElement as HTMLElement | null;
        if (!active) return 'outside';
        return active.classList.contains('m') ? `mark ${active.textContent}` : `card ${active.localName}`;
      });
    await layer.eval((root) => root.querySelector<HTMLElement>('.m')?.focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^card /);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('mark 日报 · 工具 #1');
    // Through the card's controls (its sources, copy, the digest, close), then on to what follows its link: the
    // next result's link, and from there its mark.
    await page.keyboard.press('Tab');
    let steps = 0;
    while ((await focused())?.startsWith('card ') && steps < 20) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(steps).toBeGreaterThan(0);
    expect(await focused()).toBe('outside');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('lens-org/coder-7b');
    // Shift+Tab from that link comes back into the pinned card, at its last control; Tab leaves it again.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatch(/^card /);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('lens-org/coder-7b');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('mark 日报 · 工具 #2');
    await expect.poll(() => layer.cardText()).toContain('七十亿参数的代码模型');
    await page.close();
  });

  it('meets each mark right after its link in the page’s Tab order, both ways, and never after the page’s end', async () => {
    const { page, layer } = await open(session, URLS.scroller);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(2);
    const focused = async () => {
      const mark = await layer.eval(
        (root) => (root.activeElement as HTMLElement | null)?.textContent ?? null,
      );
      return mark
        ? `mark ${mark}`
        : await page.evaluate(() =>
            document.activeElement === document.body ? '' : (document.activeElement?.textContent ?? ''),
          );
    };
    // The card's chunk has taken the marks (it answers the keyboard on them) once a mark shows its card.
    await layer.hover(0);
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    await page.mouse.move(5, 5);
    await page.focus('a[href="https://github.com/acme/widget"]');
    const forward: string[] = [];
    for (let step = 0; step < 5; step++) {
      await page.keyboard.press('Tab');
      forward.push(await focused());
    }
    expect(forward).toEqual([
      'mark 日报 · 工具 #1',
      'lens-org/coder-7b',
      'mark 日报 · 工具 #2',
      'after the list',
      // Past the page's last link the browser leaves the page: no mark is met there again.
      '',
    ]);
    await page.focus('a[href="https://github.com/about"]');
    const back: string[] = [];
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press('Shift+Tab');
      back.push(await focused());
    }
    expect(back).toEqual(['mark 日报 · 工具 #2', 'lens-org/coder-7b', 'mark 日报 · 工具 #1', 'acme/widget']);
    // The focused mark shows its card, as hovering does.
    await page.keyboard.press('Tab');
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    // A page that keeps Tab to itself (a dialog's focus trap) keeps it: the focus is not taken to the mark.
    await page.evaluate(() =>
      document.addEventListener('keydown', (event) => event.key === 'Tab' && event.preventDefault()),
    );
    await page.focus('a[href="https://github.com/acme/widget"]');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('acme/widget');
    await page.close();
  });

  it('follows an in-app navigation: the new list is marked, the old marks go', async () => {
    const { page, layer, errors } = await open(session, URLS.search);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://github.com/acme/widget']);
    // As Turbo does: a new URL pushed, the list replaced.
    await page.evaluate(() => {
      history.pushState({}, '', '/search?q=coder&type=repositories');
      const main = document.querySelector('main');
      if (main)
        main.innerHTML =
          '<ul><li><h3><a href="https://github.com/acme/gadget">acme/gadget</a></h3></li><li><h3><a href="https://huggingface.co/lens-org/coder-7b">lens-org/coder-7b</a></h3></li></ul>';
    });
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://huggingface.co/lens-org/coder-7b']);
    expect((await layer.marks()).map(({ text }) => text)).toEqual(['日报 · 工具 #2']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a Hugging Face model list and a collection, model and dataset alike', async () => {
    const { page, layer } = await open(session, URLS.models);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://huggingface.co/lens-org/coder-7b']);
    // A card that is all link: its mark inside its own card, never on the card beside it.
    const [{ box }] = (await layer.marks()) as [{ box: Box }, ...unknown[]];
    const cards = await page.$$eval('a.card', (links: HTMLAnchorElement[]) =>
      links.map((link) => {
        const card = link.getBoundingClientRect();
        return { href: link.href, box: { x: card.left, y: card.top, w: card.width, h: card.height } };
      }),
    );
    expect(cards.filter((card) => overlaps(card.box, box)).map(({ href }) => href)).toEqual([
      'https://huggingface.co/lens-org/coder-7b',
    ]);
    expect(box.x + box.w).toBeLessThanOrEqual((cards[0]?.box.x ?? 0) + (cards[0]?.box.w ?? 0));
    await page.close();
    const collection = await open(session, URLS.collection);
    await expect
      .poll(() => nearLinks(collection.layer), { timeout: 10_000 })
      .toEqual([
        'https://huggingface.co/datasets/lens-org/cjk-set',
        'https://huggingface.co/lens-org/coder-7b',
      ]);
    await collection.layer.hover(0);
    await expect
      .poll(() => collection.layer.cardText(), { timeout: 10_000 })
      .toContain('覆盖中文、日文和韩文');
    await collection.page.close();
  });

  it('puts each mark where the page shows nothing: no text, link or button under it, else a dot at its link’s end', async () => {
    const { page, layer } = await open(session, URLS.room);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    const marks = await layer.marks();
    const shown = await pageBoxes(page);
    // The link in dense text that fills the page's width has no room around it: its mark is a dot over its own end.
    // (Told by their text: a mark above or below its link has no link on its left.)
    const dot = marks.find(({ text }) => text === '日报 · 工具 #2');
    const own = (what: string) => what === 'the model' || what === 'https://huggingface.co/lens-org/coder-7b';
    for (const mark of marks)
      expect(
        shown.filter(({ what, box }) => overlaps(box, mark.box) && !(mark === dot && own(what))),
      ).toEqual([]);
    expect(dot?.box).toMatchObject({ w: 8, h: 8 });
    expect(
      marks
        .filter(({ box }) => box.w > 8)
        .map(({ text }) => text)
        .sort(),
    ).toEqual(['日报 · 工具 #1', '日报 · 工具 #3']);
    // Its card still opens from it.
    await layer.hover(marks.indexOf(dot as (typeof marks)[number]));
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('七十亿参数的代码模型');
    await page.close();
  });

  it('puts a list bullet’s mark where its words end, on its line, when the lines around leave no room nearer', async () => {
    const { page, layer } = await open(session, URLS.bullets);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(2);
    const marks = await layer.marks();
    const bullets = await page.$$eval('li', (items) =>
      items.map((item) => {
        const { left, top, width, height } = item.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(item);
        const words = range.getBoundingClientRect();
        return { box: { x: left, y: top, w: width, h: height }, wordsEnd: words.right };
      }),
    );
    for (const [index, bullet] of bullets.entries()) {
      const mark = marks.find(({ text }) => text === `日报 · 工具 #${index + 1}`);
      // A chip, not a dot over the link's last character; centred on its bullet's line, after its words.
      expect(mark?.box.w).toBeGreaterThan(8);
      const middle = (mark?.box.y ?? 0) + (mark?.box.h ?? 0) / 2;
      expect(middle).toBeGreaterThan(bullet.box.y);
      expect(middle).toBeLessThan(bullet.box.y + bullet.box.h);
      expect(mark?.box.x).toBeGreaterThanOrEqual(bullet.wordsEnd);
    }
    const shown = await pageBoxes(page);
    for (const mark of marks) expect(shown.filter(({ box }) => overlaps(box, mark.box))).toEqual([]);
    await page.close();
  });

  it('puts the marks of a right-to-left list after each link as it reads, on its left: the first and last bullet’s too, and past the words that follow one', async () => {
    const { page, layer } = await open(session, URLS.rtl);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    await page.waitForTimeout(600);
    const marks = await layer.marks();
    const bullets = await page.$$eval('li', (items) =>
      items.map((item) => {
        const link = item.querySelector('a') as HTMLAnchorElement;
        const { left, top, height } = link.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(item);
        return {
          href: link.href,
          left,
          middle: top + height / 2,
          wordsLeft: range.getBoundingClientRect().left,
        };
      }),
    );
    const linked = [bullets[0], bullets[9], bullets[10]];
    for (const [index, bullet] of linked.entries()) {
      const mark = marks.find(({ text }) => text === `日报 · 工具 #${index + 1}`)?.box;
      // A chip on its link's line, left of the link and of the words after it.
      expect(mark?.w, bullet?.href).toBeGreaterThan(8);
      expect(
        Math.abs((mark?.y ?? 0) + (mark?.h ?? 0) / 2 - (bullet?.middle ?? 0)),
        bullet?.href,
      ).toBeLessThan(2);
      expect((mark?.x ?? 0) + (mark?.w ?? 0), bullet?.href).toBeLessThanOrEqual(bullet?.wordsLeft ?? 0);
    }
    const shown = await pageBoxes(page);
    for (const mark of marks) expect(shown.filter(({ box }) => overlaps(box, mark.box))).toEqual([]);
    await page.close();
  });

  it('marks links drawn `display: contents` beside their contents, and one far below once scrolled into view', async () => {
    const { page, layer } = await open(session, URLS.contents);
    /** The boxes of the contents of the link in `#id` (the link has none of its own). */
    const contentsOf = (id: string) =>
      page.$eval(`#${id} a`, (link) => {
        const range = document.createRange();
        range.selectNodeContents(link);
        const { left, top, width, height } = range.getBoundingClientRect();
        return { x: left, y: top, w: width, h: height };
      });
    // A chip just after the contents, on their line.
    const besideIts = async (text: string, id: string) => {
      const mark = (await layer.marks()).find((each) => each.text === text)?.box;
      return (mark?.w ?? 0) > 8 && justAfter(mark, await contentsOf(id));
    };
    await expect.poll(() => besideIts('日报 · 工具 #1', 'title'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => besideIts('日报 · 工具 #3', 'text'), { timeout: 5_000 }).toBe(true);
    expect((await layer.marks()).map(({ text }) => text).sort()).toEqual([
      '日报 · 工具 #1',
      '日报 · 工具 #3',
    ]);
    await page.evaluate(() => document.getElementById('far')?.scrollIntoView());
    await expect.poll(() => besideIts('日报 · 工具 #2', 'far'), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('never piles marks on each other: three links close together in a sentence get a mark each, apart', async () => {
    const { page, layer } = await open(session, URLS.crowded);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(3);
    // Placed again with each look: they stay apart however often the page is looked at.
    await page.waitForTimeout(600);
    const marks = await layer.marks();
    expect(marks.map(({ text }) => text).sort()).toEqual([
      '日报 · 工具 #1',
      '日报 · 工具 #2',
      '日报 · 工具 #3',
    ]);
    for (const [index, mark] of marks.entries())
      for (const other of marks.slice(index + 1)) expect(overlaps(mark.box, other.box)).toBe(false);
    // No chip over the page's text or links; a link left no room at all gets the dot, over its own end.
    const shown = await pageBoxes(page);
    for (const mark of marks.filter(({ box }) => box.w > 8))
      expect(shown.filter(({ box }) => overlaps(box, mark.box))).toEqual([]);
    const links = shown.filter(({ what }) => what.startsWith('https://'));
    for (const { box } of marks.filter(({ box }) => box.w <= 8))
      expect(
        links.some(
          ({ box: link }) =>
            box.x >= link.x - 1 &&
            box.x + box.w <= link.x + link.w + 1 &&
            box.y >= link.y - 1 &&
            box.y + box.h <= link.y + link.h + 1,
        ),
      ).toBe(true);
    await page.close();
  });

  it('moves a mark off what the page puts beside its link later (a label), the link unmoved', async () => {
    const { page, layer } = await open(session, URLS.late);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(1);
    await page.evaluate(() => {
      (document.getElementById('slot') as HTMLElement).innerHTML =
        ' <span id="label" style="border:1px solid #888;padding:0 6px">Public archive</span>';
    });
    const label = await page.$eval('#label', (element) => {
      const { left, top, width, height } = element.getBoundingClientRect();
      return { x: left, y: top, w: width, h: height };
    });
    await expect
      .poll(async () => overlaps((await layer.marks())[0]?.box ?? label, label), { timeout: 5_000 })
      .toBe(false);
    await page.close();
  });

  it('finds a mark better room once its link, first met at the window’s edge, is scrolled into view', async () => {
    const { page, layer } = await open(session, URLS.edge);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(1);
    await page.mouse.wheel(0, 300);
    // Just after the link, on its line: the spot it could not have at the edge.
    await expect
      .poll(async () => justAfter((await layer.marks())[0]?.box, await boxOf(page, 'a')), { timeout: 5_000 })
      .toBe(true);
    await page.close();
  });

  it('never draws a mark over the page’s sticky header: its link scrolled half under it, the mark is hidden or clear of it', async () => {
    const { page, layer } = await open(session, URLS.sticky);
    const line = () => boxOf(page, '#linked a');
    // Scrolled so the link's line starts 8 px under the header's bottom (its middle clear of it), as a reader stops.
    const scrollPage = (top: number) => page.evaluate((y) => window.scrollTo(0, y), top);
    const start = await line();
    await scrollPage(start.y - 100);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(1);
    await scrollPage(start.y - 52);
    const header = { x: 0, y: 0, w: 1280, h: 60 };
    // The passes after the scroll and the look after them (a quarter second): at rest now.
    await page.waitForTimeout(1000);
    for (const { box } of await layer.marks()) expect(overlaps(box, header)).toBe(false);
    // Scrolled clear: the mark just after its link, on its line.
    await scrollPage(start.y - 200);
    await expect
      .poll(async () => justAfter((await layer.marks())[0]?.box, await line()), { timeout: 5_000 })
      .toBe(true);
    await page.close();
  });

  it('places marks and their card in the window’s pixels on a page zoomed on <html>: a chip after the link, the card on screen and off it', async () => {
    const { page, layer } = await open(session, URLS.zoomed);
    await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBe(1);
    const link = await page.$eval('a', (element) => {
      const { left, top, width, height } = element.getBoundingClientRect();
      return { x: left, y: top, w: width, h: height };
    });
    expect(link.y).toBeGreaterThan(400);
    // Its chip just after the link, on its line, not a dot for want of a window.
    await expect
      .poll(
        async () => {
          const [mark] = await layer.marks();
          return (
            mark &&
            mark.box.w > 40 &&
            mark.box.x > link.x + link.w &&
            Math.abs(mark.box.y + mark.box.h / 2 - (link.y + link.h / 2)) < 3
          );
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    await layer.hover(0);
    await expect.poll(() => layer.cardText(), { timeout: 10_000 }).toContain('一个在本机运行的代码检索工具');
    const [mark] = await layer.marks();
    const card = await layer.cardBox();
    if (!card || !mark) throw new Error('no card');
    expect(overlaps(card, mark.box)).toBe(false);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.y + card.h).toBeLessThanOrEqual(800);
    expect(card.x + card.w).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('follows links a class hides or moves, with no node added: a closed menu’s mark goes, a moved link’s follows', async () => {
    const { page, layer } = await open(session, URLS.room);
    const menuMark = async () => (await layer.marks()).find(({ text }) => text === '日报 · 工具 #3');
    await expect.poll(async () => (await menuMark())?.box.x, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = (await menuMark())?.box.x ?? 0;
    await page.click('#toggle');
    await expect.poll(menuMark, { timeout: 5_000 }).toBeUndefined();
    await page.click('#toggle');
    await expect.poll(async () => (await menuMark())?.box.x, { timeout: 5_000 }).toBe(before);
    await page.evaluate(() => document.body.classList.add('shifted'));
    await expect.poll(async () => (await menuMark())?.box.x, { timeout: 5_000 }).toBe(before + 240);
    await page.close();
  });

  it('keeps the marks of a list that re-renders every second, and the list throws nothing', async () => {
    const { page, layer, errors } = await open(session, URLS.rerender);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://github.com/acme/widget']);
    await page.waitForFunction(() => (window as unknown as { renders: number }).renders >= 4, undefined, {
      timeout: 10_000,
    });
    await expect.poll(() => nearLinks(layer)).toEqual(['https://github.com/acme/widget']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a pinned card open and a focused mark focused while the list re-renders every second', async () => {
    const { page, layer, errors } = await open(session, URLS.rerender);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://github.com/acme/widget']);
    const renders = () => page.evaluate(() => (window as unknown as { renders: number }).renders);
    const twoRendersOn = async () => {
      const from = await renders();
      await page.waitForFunction(
        (count) => (window as unknown as { renders: number }).renders >= count,
        from + 2,
        {
          timeout: 10_000,
        },
      );
      // The page script takes the new list in at the next frame, its marks are placed after the one after.
      await page.waitForTimeout(300);
    };
    // Pinned by a click, the pointer gone: it stays through the renders (each replaces the link).
    const [mark] = await layer.marks();
    if (!mark) throw new Error('no mark');
    await page.mouse.click(mark.box.x + mark.box.w / 2, mark.box.y + mark.box.h / 2);
    await page.mouse.move(5, 700);
    await twoRendersOn();
    expect(await layer.cardText()).toContain('一个在本机运行的代码检索工具');
    expect(await nearLinks(layer)).toEqual(['https://github.com/acme/widget']);
    await page.keyboard.press('Escape');
    await expect.poll(() => layer.cardText()).toBe('');
    // Reached from its link by Tab: the mark keeps the focus through the renders, and Tab goes on from it.
    await page.evaluate(() => document.querySelector<HTMLElement>('#list a[href$="acme/widget"]')?.focus());
    await page.keyboard.press('Tab');
    await expect.poll(() => layer.eval((root) => root.activeElement?.className)).toBe('m');
    await page.keyboard.press('Enter');
    await twoRendersOn();
    expect(await layer.eval((root) => root.activeElement?.className)).toBe('m');
    expect(await layer.cardText()).toContain('一个在本机运行的代码检索工具');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a list that links no digest item exactly as served', async () => {
    const { page, errors } = await open(session, URLS.nothing);
    const served = await page.evaluate(() => document.documentElement.outerHTML);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.documentElement.children.length)).toBe(2);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(served);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a page nothing through links the user cannot see; a linked link gets its mark once scrolled into view', async () => {
    const { page, layer, errors } = await open(session, URLS.nothing);
    // A page's script asking about the library with links no one sees: hidden, transparent, off screen, covered.
    await page.evaluate(() => {
      const linked = 'https://github.com/acme/widget';
      document.body.insertAdjacentHTML(
        'beforeend',
        `<a href="${linked}" style="display:none">a</a><a href="${linked}" style="opacity:0">b</a>` +
          `<a href="${linked}" style="visibility:hidden">c</a>` +
          `<a href="${linked}" style="position:absolute;left:-9999px">d</a>` +
          `<div style="position:relative"><a href="${linked}">e</a><div style="position:absolute;inset:0;background:#fff"></div></div>` +
          `<div style="height:3000px"></div><p id="far"><a href="${linked}">acme/widget, far below</a></p>`,
      );
    });
    await page.waitForTimeout(1500);
    const hosts = () =>
      page.evaluate(
        () =>
          [...document.documentElement.children].filter((node) => node.localName.startsWith('digest-lens-'))
            .length,
      );
    expect(await hosts()).toBe(0);
    // The one the user scrolls to is marked then.
    await page.evaluate(() => document.getElementById('far')?.scrollIntoView());
    await expect.poll(hosts, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => nearLinks(layer), { timeout: 10_000 })
      .toEqual(['https://github.com/acme/widget']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['at once', false],
    ['after Chrome stopped the idle worker (a page of marks only is told too)', true],
  ])(
    'follows the options on an open page %s: marks switched off for the site go, switched on come back and watch the page again',
    async (_, stopped) => {
      const { page, layer } = await open(session, URLS.search);
      await expect
        .poll(() => nearLinks(layer), { timeout: 10_000 })
        .toEqual(['https://github.com/acme/widget']);
      const options = await session.context.newPage();
      await options.goto(session.extensionUrl('options.html'));
      // Its memory gone: which tabs to tell is read back from storage.session (QA 2026-12-02).
      if (stopped) await stopWorker(session, options);
      // The search page stays shown (no visibilitychange): it follows the background's word.
      await marksOnGitHub(options, false);
      await expect.poll(() => nearLinks(layer), { timeout: 10_000 }).toEqual([]);
      await marksOnGitHub(options, true);
      await expect
        .poll(() => nearLinks(layer), { timeout: 10_000 })
        .toEqual(['https://github.com/acme/widget']);
      // Content that comes after they are back (the next page of results) is marked as it appears, as before.
      await page.evaluate(() =>
        document.body.insertAdjacentHTML(
          'afterbegin',
          '<ul><li><h3><a href="https://github.com/acme/widget">acme/widget, next page</a></h3></li></ul>',
        ),
      );
      await expect
        .poll(() => nearLinks(layer), { timeout: 10_000 })
        .toEqual(['https://github.com/acme/widget', 'https://github.com/acme/widget']);
      await options.close();
      await page.close();
    },
  );

  it('draws the marks in dark pages too (screenshots)', async () => {
    for (const [url, name] of [
      [URLS.homeDark, 'marks-x-dark'],
      [URLS.searchDark, 'marks-github-dark'],
      [URLS.search, 'marks-github-light'],
    ] as const) {
      const { page, layer } = await open(session, url);
      await expect.poll(async () => (await layer.marks()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await layer.hover(0);
      await expect.poll(() => layer.cardText(), { timeout: 10_000 }).not.toBe('');
      await session.screenshot(page, name);
      await page.close();
    }
  });
});
