// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageScriptContext, type PageScriptContext } from '../../../entrypoints/page-script/lifetime';
import {
  createPageCardController as createSidebarController,
  startPageCard as startSidebar,
} from '../../../entrypoints/page-script/page-card';
import { createCard } from '../../../entrypoints/page-ui/card';
import { registerPageUi, resetPageUi } from '../../../lib/page-ui/contract';
import { type ResponseOf, send } from '../../../lib/protocol';
import { isSidebarHost, sidebarHostName } from '../../../lib/sidebar/host-name';
import { LOCATION_POLL_MS } from '../../../lib/sidebar/location-watcher';
import { makeMatch, userClick, userKey } from '../sidebar/fixtures';

vi.mock('../../../lib/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/protocol')>()),
  send: vi.fn(),
}));

type Lookup = ResponseOf<'lookup'>;
const sendMock = vi.mocked(send) as unknown as ReturnType<
  typeof vi.fn<(type: string, payload: unknown) => Promise<Lookup>>
>;

const TWEET = 'https://twitter.com/SomeLab/status/1111?s=46';
const UNRELATED = 'https://github.com/someone/unrelated';
const matched: Lookup = {
  matches: [
    makeMatch(),
    makeMatch({
      date: '2026-11-01',
      alsoIn: 1,
      item: { links: ['https://github.com/lab/reasoner', 'https://x.com/lab/status/1111'] },
    }),
  ],
  mode: 'auto',
  total: 2,
  collapsed: false,
};
const none: Lookup = { matches: [], mode: 'auto', total: 0, collapsed: false };

/** The remembered collapse state, as the background keeps it (the content script only sends the change). */
let savedCollapsed = false;

/** Answer look-ups by page: the tweet matches, everything else does not. */
function answerByKeys(answer: Lookup = matched) {
  sendMock.mockImplementation(async (type, payload) => {
    if (type === 'setCardCollapsed') {
      savedCollapsed = (payload as { collapsed: boolean }).collapsed;
      return { collapsed: savedCollapsed } as unknown as Lookup;
    }
    const found = (payload as { keys: string[] }).keys.includes('x:status:1111') ? answer : none;
    // Over the page (the user's choice): the whole list shows. The docked default on X below 1625 px is a bar
    // with the first item (components/sidebar, tested with the layout).
    return { ...found, collapsed: savedCollapsed, layout: 'over' };
  });
}

const lookups = () => sendMock.mock.calls.filter(([type]) => type === 'lookup');
const collapseSaves = () => sendMock.mock.calls.filter(([type]) => type === 'setCardCollapsed');

let ctx: PageScriptContext;
const hosts = () => [...document.documentElement.children].filter(isSidebarHost);
/** The shadow roots the script attached: closed, so the test keeps them as attachShadow returns them. */
let attached: ShadowRoot[] = [];
const shadow = () => attached.find((root) => root.host.isConnected) ?? null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const userEscape = (element: Element | null | undefined) => userKey(element, 'Escape');
const closeButton = () =>
  shadow()?.querySelector<HTMLButtonElement>('button[aria-label="在本页关闭摘要卡片"]');

beforeEach(() => {
  ctx = createPageScriptContext();
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
  vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
  sendMock.mockReset();
  savedCollapsed = false;
  answerByKeys();
  // happy-dom has no elementsFromPoint (the card's layout asks what the page shows where it would sit).
  if (typeof document.elementsFromPoint !== 'function')
    Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => [] });
  // The UI chunk as the background's injection runs it (lib/page-ui/contract.ts); a test may take it away.
  resetPageUi();
  registerPageUi({ createCard });
  attached = [];
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attachShadow.call(this, init);
    attached.push(root);
    return root;
  });
});

afterEach(() => {
  ctx.invalidate();
  document.documentElement.classList.remove('dark');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the sidebar controller', () => {
  it('asks the background with identity keys only, never the URL', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(sendMock).toHaveBeenCalledWith('lookup', { keys: ['x:status:1111'], site: 'x' });
    expect(JSON.stringify(sendMock.mock.calls)).not.toContain('twitter.com');
  });

  it("sends a pull request's story beside its repo's key (not its query), so the badge counts its own items", async () => {
    await createSidebarController(ctx, 'github').showPage('https://github.com/Acme/Widget/pull/7/files?w=1');
    expect(sendMock).toHaveBeenCalledWith('lookup', {
      keys: ['gh:repo:acme/widget'],
      site: 'github',
      pageStory: 'url:https://github.com/acme/widget/pull/7',
    });
    expect(JSON.stringify(sendMock.mock.calls)).not.toContain('w=1');
  });

  it("marks the pull request's own card 本页 and folds the repo's others", async () => {
    const pull = (number: number, date: string) =>
      makeMatch({ date, item: { rank: number, links: [`https://github.com/acme/widget/pull/${number}`] } });
    sendMock.mockImplementation(async () => ({
      matches: [pull(7, '2026-11-01'), pull(9, '2026-11-28')],
      mode: 'auto',
      total: 2,
      collapsed: false,
      shortcut: 'Ctrl+Shift+K',
    }));
    await createSidebarController(ctx, 'github').showPage('https://github.com/acme/widget/pull/7');
    await vi.waitFor(() => expect(shadow()?.querySelector('.dl-this-page')?.textContent).toBe('本页'));
    expect(shadow()?.querySelector('details.dl-related summary')?.textContent).toBe('同一仓库的其他 1 条');
    // The shortcut the background read (the user changed it) names the collapse button.
    expect(shadow()?.querySelector('.dl-collapse')?.getAttribute('aria-label')).toBe(
      '收起摘要卡片（Ctrl+Shift+K）',
    );
  });

  it('waits for the UI chunk on a match and mounts the card when it registers; without a match needs none', async () => {
    resetPageUi();
    const controller = createSidebarController(ctx, 'x');
    await controller.showPage(UNRELATED);
    const shown = controller.showPage(TWEET);
    await settle();
    expect(hosts()).toHaveLength(0);
    registerPageUi({ createCard });
    await shown;
    expect(hosts()).toHaveLength(1);
    expect(shadow()?.querySelector('aside')).not.toBeNull();
  });

  it('changes nothing in the page when nothing matches: no host element, no style', async () => {
    const before = document.documentElement.outerHTML;
    await createSidebarController(ctx, 'github').showPage(UNRELATED);
    await settle();
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['badge', 'badge only'],
    ['off', 'the site switched off'],
  ] as const)('shows no panel in mode %s (%s)', async (mode, _reason) => {
    answerByKeys({ ...matched, mode });
    const before = document.documentElement.outerHTML;
    await createSidebarController(ctx, 'x').showPage(TWEET);
    await settle();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('mounts one closed shadow root with the items when the page matches: the page reads null', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.shadowRoot).toBeNull();
    const root = shadow();
    expect(root?.mode).toBe('closed');
    expect(root?.querySelector('aside')?.getAttribute('aria-label')).toContain('Digest Lens');
    expect(root?.querySelectorAll('.dl-card')).toHaveLength(2);
    expect(root?.querySelector('style')?.textContent).toContain(':host');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('keeps exactly one panel over many navigations, and removes it on a page without matches', async () => {
    const controller = createSidebarController(ctx, 'x');
    for (let round = 0; round < 5; round++) {
      await controller.showPage(TWEET);
      expect(hosts()).toHaveLength(1);
      await controller.showPage('https://x.com/home');
      expect(hosts()).toHaveLength(0);
    }
    await controller.showPage(TWEET);
    await controller.showPage(`${TWEET}&again=1`);
    expect(hosts()).toHaveLength(1);
  });

  it('drops a late answer for a page the user already left', async () => {
    let release: (answer: Lookup) => void = () => {};
    sendMock.mockImplementationOnce(() => new Promise<Lookup>((resolve) => (release = resolve)));
    const controller = createSidebarController(ctx, 'x');
    const first = controller.showPage(TWEET);
    await controller.showPage(UNRELATED);
    release(matched);
    await first;
    await settle();
    expect(hosts()).toHaveLength(0);
  });

  it('collapses to a tab and remembers it across pages; the next page starts collapsed', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    userClick(shadow()?.querySelector('.dl-collapse'));
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    expect(shadow()?.activeElement?.className).toBe('dl-tab');
    // Saved through the background (the content script has no storage.local): the next lookup answers it.
    expect(collapseSaves()).toEqual([['setCardCollapsed', { collapsed: true }]]);

    ctx.invalidate();
    ctx = createPageScriptContext();
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    userClick(shadow()?.querySelector('.dl-tab'));
    expect(shadow()?.querySelector('.dl-card')).not.toBeNull();
    expect(shadow()?.activeElement?.classList.contains('dl-collapse')).toBe(true);
    expect(collapseSaves().at(-1)).toEqual(['setCardCollapsed', { collapsed: false }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('ignores a synthetic Escape and synthetic clicks (isTrusted false): nothing collapses, closes or is saved', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    const collapse = shadow()?.querySelector<HTMLButtonElement>('.dl-collapse');
    collapse?.focus();
    collapse?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    collapse?.click();
    closeButton()?.click();
    hosts()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(shadow()?.querySelector('.dl-tab')).toBeNull();
    expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(2);
    expect(collapseSaves()).toEqual([]);
  });

  it('starts collapsed in a window narrower than 900 px', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 800 });
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    expect(shadow()?.querySelector('.dl-card')).toBeNull();
  });

  it('collapses on Esc and moves the focus to the tab', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    const collapse = shadow()?.querySelector<HTMLButtonElement>('.dl-collapse');
    collapse?.focus();
    userEscape(collapse);
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    expect(shadow()?.activeElement?.className).toBe('dl-tab');
  });

  it('closes for this page; the next navigation brings it back', async () => {
    const controller = createSidebarController(ctx, 'x');
    await controller.showPage(TWEET);
    userClick(closeButton());
    await settle();
    expect(hosts()).toHaveLength(0);
    await controller.showPage(`${TWEET}&next=1`);
    expect(hosts()).toHaveLength(1);
  });

  it('toggles with the shortcut message: collapse, expand, and reopen after close', async () => {
    const controller = startSidebar(ctx, 'x');
    await controller.showPage(TWEET);
    const toggle = async () => {
      await fakeBrowser.runtime.onMessage.trigger({ type: 'toggleSidebar' }, {}, () => {});
      await settle();
    };
    await toggle();
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    await toggle();
    expect(shadow()?.querySelector('.dl-card')).not.toBeNull();
    expect(shadow()?.activeElement?.classList.contains('dl-collapse')).toBe(true);
    userClick(closeButton());
    await settle();
    expect(hosts()).toHaveLength(0);
    await toggle();
    expect(hosts()).toHaveLength(1);
    expect(shadow()?.querySelector('.dl-card')).not.toBeNull();
  });

  it('looks the page up again when the background says the library was cleared or imported', async () => {
    const marksLookAgain = vi.fn();
    const controller = startSidebar(ctx, 'x', marksLookAgain);
    await controller.showPage(TWEET);
    expect(hosts()).toHaveLength(1);
    // Cleared: the page's item is gone, and so is its card.
    answerByKeys(none);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'lookAgain' }, {}, () => {});
    await settle();
    await settle();
    // The script's own first lookup, the tweet's, and the tweet's again.
    expect(lookups()).toHaveLength(3);
    expect(lookups().at(-1)?.[1]).toMatchObject({ keys: ['x:status:1111'] });
    expect(hosts()).toHaveLength(0);
    // The page's marks are told too.
    expect(marksLookAgain).toHaveBeenCalledTimes(1);
    // Imported back: the card again.
    answerByKeys();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'lookAgain' }, {}, () => {});
    await settle();
    await settle();
    expect(hosts()).toHaveLength(1);
  });

  it('looks the page up again when it comes back from the back-forward cache, not on an ordinary or a synthetic show', async () => {
    const controller = startSidebar(ctx, 'x');
    await controller.showPage(TWEET);
    const before = lookups().length;
    const pageshow = (persisted: boolean, trusted = true) => {
      const event = Object.assign(new Event('pageshow'), { persisted });
      Object.defineProperty(event, 'isTrusted', { value: trusted });
      window.dispatchEvent(event);
    };
    pageshow(false);
    // A page's script dispatching its own asks nothing.
    pageshow(true, false);
    await settle();
    expect(lookups()).toHaveLength(before);
    pageshow(true);
    await settle();
    expect(lookups()).toHaveLength(before + 1);
    expect(lookups().at(-1)?.[1]).toMatchObject({ keys: ['x:status:1111'] });
  });

  it('opens by the shortcut in badge-only mode, and never when the site is off or nothing matches', async () => {
    answerByKeys({ ...matched, mode: 'badge' });
    const controller = createSidebarController(ctx, 'x');
    await controller.showPage(TWEET);
    expect(hosts()).toHaveLength(0);
    await controller.toggle();
    expect(hosts()).toHaveLength(1);

    answerByKeys({ ...matched, mode: 'off' });
    await controller.showPage(`${TWEET}&off=1`);
    await settle();
    await controller.toggle();
    expect(hosts()).toHaveLength(0);
    await controller.showPage(UNRELATED);
    await controller.toggle();
    expect(hosts()).toHaveLength(0);
  });

  it('follows a theme switch of the site while open', async () => {
    await createSidebarController(ctx, 'huggingface').showPage(TWEET);
    expect(shadow()?.querySelector('.dl-root')?.getAttribute('data-theme')).toBe('light');
    document.documentElement.classList.add('dark');
    await settle();
    expect(shadow()?.querySelector('.dl-root')?.getAttribute('data-theme')).toBe('dark');
  });

  it('is removed on invalidation, and later events throw nothing and mount nothing', async () => {
    const controller = startSidebar(ctx, 'x');
    await controller.showPage(TWEET);
    expect(hosts()).toHaveLength(1);
    ctx.invalidate();
    expect(hosts()).toHaveLength(0);
    await expect(controller.showPage(TWEET)).resolves.toBeUndefined();
    await expect(controller.toggle()).resolves.toBeUndefined();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    expect(hosts()).toHaveLength(0);
  });

  it('notices an extension reload by itself (Chrome injects no new script) and removes the panel', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const runtime = fakeBrowser.runtime as { id?: string };
    const extensionId = runtime.id;
    try {
      await createSidebarController(ctx, 'x').showPage(TWEET);
      vi.advanceTimersByTime(3000);
      expect(hosts()).toHaveLength(1);
      runtime.id = undefined;
      vi.advanceTimersByTime(1000);
      expect(hosts()).toHaveLength(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
      // fakeBrowser.reset() leaves runtime.id alone: without it, every later test's context would be invalid.
      runtime.id = extensionId;
    }
  });

  it('sends no key that carries a search query, and still asks so the badge clears', async () => {
    await createSidebarController(ctx, 'github').showPage('https://github.com/search?q=my+secret&type=code');
    expect(sendMock).toHaveBeenCalledWith('lookup', { keys: [], site: 'github' });
    expect(JSON.stringify(sendMock.mock.calls)).not.toContain('secret');
  });

  it('hangs its host on <html>, so it survives the page swapping its <body> (GitHub Turbo)', async () => {
    const controller = createSidebarController(ctx, 'x');
    await controller.showPage(TWEET);
    expect(hosts()[0]?.parentElement).toBe(document.documentElement);
    const pageBody = document.body;
    pageBody.replaceWith(document.createElement('body'));
    try {
      await controller.showPage(`${TWEET}&turbo=1`);
      expect(hosts()).toHaveLength(1);
      expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(2);
    } finally {
      document.body.replaceWith(pageBody);
    }
  });

  describe('in-app navigation', () => {
    const happyDom = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    /** Happy-dom has no Navigation API: the watcher polls `location.href`. */
    const navigated = async () => {
      vi.advanceTimersByTime(LOCATION_POLL_MS);
      await settle();
      await settle();
    };
    const userInput = () => userClick(document.body);
    const keysAsked = () => lookups().map(([, payload]) => (payload as { keys: string[] }).keys);

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      happyDom().setURL(TWEET);
    });
    afterEach(() => {
      vi.useRealTimers();
      happyDom().setURL('http://localhost:3000/');
    });

    it('looks up each navigation after a real input, but not a fragment change: a closed panel stays closed', async () => {
      startSidebar(ctx, 'x');
      await settle();
      expect(hosts()).toHaveLength(1);
      userClick(closeButton());
      await settle();
      history.pushState({}, '', `${TWEET}#reply`);
      await navigated();
      expect(lookups()).toHaveLength(1);
      expect(hosts()).toHaveLength(0);
      userInput();
      history.pushState({}, '', 'https://twitter.com/SomeLab/status/1111?s=20');
      await navigated();
      expect(lookups()).toHaveLength(2);
      expect(hosts()).toHaveLength(1);
    });

    it('sends no keys for a pushState made by page script alone: probing candidate paths shows nothing', async () => {
      happyDom().setURL('https://x.com/home');
      startSidebar(ctx, 'x');
      await settle();
      // A synthetic click is the page's own, not the user's.
      document.body.click();
      history.pushState({}, '', '/SomeLab/status/1111');
      await navigated();
      expect(keysAsked()).toEqual([[], []]);
      expect(hosts()).toHaveLength(0);
      expect(JSON.stringify(sendMock.mock.calls)).not.toContain('1111');
      // The same navigation after a real input is looked up.
      history.pushState({}, '', '/home');
      await navigated();
      userInput();
      history.pushState({}, '', '/SomeLab/status/1111');
      await navigated();
      expect(keysAsked().at(-1)).toEqual(['x:status:1111']);
      expect(hosts()).toHaveLength(1);
    });

    it('looks up a return to a page this tab already looked up (back, forward) without a new input', async () => {
      startSidebar(ctx, 'x');
      await settle();
      userInput();
      history.pushState({}, '', 'https://twitter.com/someone/status/2222');
      await navigated();
      expect(hosts()).toHaveLength(0);
      // Back to the tweet: its keys were asked before, the page learns nothing new.
      history.pushState({}, '', TWEET);
      await navigated();
      expect(hosts()).toHaveLength(1);
      expect(keysAsked()).toEqual([['x:status:1111'], ['x:status:2222'], ['x:status:1111']]);
      // One input lets one page be looked up, not every page after it.
      history.pushState({}, '', 'https://twitter.com/someone/status/3333');
      await navigated();
      expect(keysAsked().at(-1)).toEqual([]);
    });

    it('does not look up, on a library change, a page reached by page script alone (the gate holds)', async () => {
      happyDom().setURL('https://x.com/home');
      startSidebar(ctx, 'x');
      await settle();
      history.pushState({}, '', '/SomeLab/status/1111');
      await navigated();
      await fakeBrowser.runtime.onMessage.trigger({ type: 'lookAgain' }, {}, () => {});
      await settle();
      expect(keysAsked()).toEqual([[], []]);
      expect(hosts()).toHaveLength(0);
    });

    it('looks the page up when the user presses the shortcut after a navigation made by page script', async () => {
      happyDom().setURL('https://x.com/home');
      const controller = startSidebar(ctx, 'x');
      await settle();
      history.pushState({}, '', '/SomeLab/status/1111');
      await navigated();
      expect(hosts()).toHaveLength(0);
      await controller.toggle();
      expect(keysAsked().at(-1)).toEqual(['x:status:1111']);
      expect(hosts()).toHaveLength(1);
      expect(shadow()?.activeElement?.classList.contains('dl-collapse')).toBe(true);
    });

    it('dispatches nothing on the page at a navigation (WXT put an event with the extension id on window)', async () => {
      const dispatched = vi.spyOn(window, 'dispatchEvent');
      const documentDispatched = vi.spyOn(document, 'dispatchEvent');
      startSidebar(ctx, 'x');
      await settle();
      for (const path of ['/a/status/1', '/b/status/2', '/SomeLab/status/1111']) {
        userInput();
        history.pushState({}, '', path);
        await navigated();
      }
      expect(lookups()).toHaveLength(4);
      expect(dispatched.mock.calls.filter(([event]) => event.type !== 'click')).toEqual([]);
      expect(documentDispatched.mock.calls.filter(([event]) => event.type !== 'click')).toEqual([]);
    });
  });

  it('is not switched off by an event from the page named like the "script started" event of WXT', async () => {
    const controller = startSidebar(ctx, 'x');
    await controller.showPage(TWEET);
    const forged = `${fakeBrowser.runtime.id}:sidebar:wxt:content-script-started`;
    for (const target of [document, window])
      target.dispatchEvent(
        new CustomEvent(forged, { detail: { contentScriptName: 'sidebar', messageId: 'forged' } }),
      );
    expect(ctx.isInvalid).toBe(false);
    expect(hosts()).toHaveLength(1);
  });

  it('names its host anew on every load, so a page that defined the old fixed name changes nothing', async () => {
    class PageElement extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' });
      }
    }
    if (!customElements.get('digest-lens-sidebar')) customElements.define('digest-lens-sidebar', PageElement);
    await createSidebarController(ctx, 'x').showPage(TWEET);
    const first = hosts()[0]?.localName;
    ctx.invalidate();
    ctx = createPageScriptContext();
    await createSidebarController(ctx, 'x').showPage(TWEET);
    const second = hosts()[0]?.localName;
    expect(first).toMatch(/^digest-lens-[0-9a-z]{16}$/);
    expect(second).toMatch(/^digest-lens-[0-9a-z]{16}$/);
    expect(second).not.toBe(first);
    expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(2);
  });

  it('removes a panel left in the page by an earlier copy of the script', () => {
    document.documentElement.append(document.createElement(sidebarHostName()));
    startSidebar(ctx, 'x');
    expect(hosts()).toHaveLength(0);
  });

  describe('a bounded list', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        makeMatch({ item: { rank: index + 1, links: [`https://x.com/lab/status/${9000 + index}`] } }),
      );

    it('shows "更多 N 条" when there are more cards than shown, and asks again with a larger limit', async () => {
      answerByKeys({ matches: many(20), mode: 'auto', total: 95, collapsed: false });
      await createSidebarController(ctx, 'x').showPage(TWEET);
      expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(20);
      expect(shadow()?.querySelector('.dl-count')?.textContent).toBe('95 条');
      const more = shadow()?.querySelector<HTMLButtonElement>('button.dl-more');
      expect(more?.textContent).toBe('更多 75 条');
      expect(more?.getAttribute('aria-label')).toBe('更多 75 条：再显示 50 条摘要');
      answerByKeys({ matches: many(70), mode: 'auto', total: 95, collapsed: false });
      userClick(more);
      await settle();
      expect(lookups().at(-1)).toEqual(['lookup', { keys: ['x:status:1111'], site: 'x', limit: 70 }]);
      expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(70);
      expect(shadow()?.querySelector('button.dl-more')?.textContent).toBe('更多 25 条');
      // The focus moves to the first card added, so a keyboard or screen reader user goes on reading there.
      expect(shadow()?.activeElement).toBe(shadow()?.querySelectorAll('.dl-card')[20]);
      answerByKeys({ matches: many(95), mode: 'auto', total: 95, collapsed: false });
      userClick(shadow()?.querySelector('button.dl-more'));
      await settle();
      expect(shadow()?.querySelectorAll('.dl-card')).toHaveLength(95);
      expect(shadow()?.querySelector('.dl-more')).toBeNull();
    });

    it('has no "more" when everything is shown, and a new page starts from the default limit', async () => {
      const controller = createSidebarController(ctx, 'x');
      await controller.showPage(TWEET);
      expect(shadow()?.querySelector('.dl-more')).toBeNull();
      answerByKeys({ matches: many(20), mode: 'auto', total: 21, collapsed: false });
      await controller.showPage(`${TWEET}&page=2`);
      userClick(shadow()?.querySelector('button.dl-more'));
      await settle();
      await controller.showPage(`${TWEET}&page=3`);
      expect(lookups().at(-1)).toEqual(['lookup', { keys: ['x:status:1111'], site: 'x' }]);
    });

    it('stops asking at the largest limit (500) and says how many are not shown', async () => {
      answerByKeys({ matches: many(20), mode: 'auto', total: 2000, collapsed: false });
      await createSidebarController(ctx, 'x').showPage(TWEET);
      for (let press = 0; press < 10; press++) {
        userClick(shadow()?.querySelector('button.dl-more'));
        await settle();
      }
      const limits = lookups().map(([, payload]) => (payload as { limit?: number }).limit);
      expect(limits).toEqual([undefined, 70, 120, 170, 220, 270, 320, 370, 420, 470, 500]);
      expect(shadow()?.querySelector('button.dl-more')).toBeNull();
      expect(shadow()?.querySelector('.dl-more-note')?.textContent).toBe('另有 1980 条未显示');
    });
  });

  it('shows nothing when the background does not answer', async () => {
    sendMock.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(createSidebarController(ctx, 'x').showPage(TWEET)).resolves.toBeUndefined();
    expect(hosts()).toHaveLength(0);
  });
});
