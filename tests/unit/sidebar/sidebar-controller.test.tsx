// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createSidebarController,
  SIDEBAR_HOST_NAME,
  startSidebar,
} from '../../../entrypoints/sidebar.content/sidebar-controller';
import { type ResponseOf, send } from '../../../lib/protocol';
import { COLLAPSED_KEY } from '../../../lib/sidebar/collapsed-store';
import { makeMatch } from './fixtures';

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
};
const none: Lookup = { matches: [], mode: 'auto' };

/** Answer look-ups by page: the tweet matches, everything else does not. */
function answerByKeys(answer: Lookup = matched) {
  sendMock.mockImplementation(async (_type, payload) =>
    (payload as { keys: string[] }).keys.includes('x:status:1111') ? answer : none,
  );
}

let ctx: ContentScriptContext;
const hosts = () => document.querySelectorAll(SIDEBAR_HOST_NAME);
const shadow = () => document.querySelector(SIDEBAR_HOST_NAME)?.shadowRoot ?? null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  ctx = new ContentScriptContext('sidebar');
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
  vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
  sendMock.mockReset();
  answerByKeys();
});

afterEach(() => {
  ctx.notifyInvalidated();
  document.documentElement.classList.remove('dark');
  vi.unstubAllGlobals();
});

describe('the sidebar controller', () => {
  it('asks the background with identity keys only, never the URL', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(sendMock).toHaveBeenCalledWith('lookup', { keys: ['x:status:1111'], site: 'x' });
    expect(JSON.stringify(sendMock.mock.calls)).not.toContain('twitter.com');
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

  it('mounts one open shadow root with the items when the page matches', async () => {
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(hosts()).toHaveLength(1);
    const root = shadow();
    expect(root).not.toBeNull();
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
    shadow()?.querySelector<HTMLButtonElement>('.dl-collapse')?.click();
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    expect(shadow()?.activeElement?.className).toBe('dl-tab');
    await settle();
    expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBe(true);

    ctx.notifyInvalidated();
    ctx = new ContentScriptContext('sidebar');
    await createSidebarController(ctx, 'x').showPage(TWEET);
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    shadow()?.querySelector<HTMLButtonElement>('.dl-tab')?.click();
    expect(shadow()?.querySelector('.dl-card')).not.toBeNull();
    expect(shadow()?.activeElement?.classList.contains('dl-collapse')).toBe(true);
    await settle();
    expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBe(false);
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
    collapse?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(shadow()?.querySelector('.dl-tab')).not.toBeNull();
    expect(shadow()?.activeElement?.className).toBe('dl-tab');
  });

  it('closes for this page; the next navigation brings it back', async () => {
    const controller = createSidebarController(ctx, 'x');
    await controller.showPage(TWEET);
    shadow()?.querySelector<HTMLButtonElement>('button[aria-label="在本页关闭侧栏"]')?.click();
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
    shadow()?.querySelector<HTMLButtonElement>('button[aria-label="在本页关闭侧栏"]')?.click();
    await settle();
    expect(hosts()).toHaveLength(0);
    await toggle();
    expect(hosts()).toHaveLength(1);
    expect(shadow()?.querySelector('.dl-card')).not.toBeNull();
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
    ctx.notifyInvalidated();
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
    expect(document.querySelector(SIDEBAR_HOST_NAME)?.parentElement).toBe(document.documentElement);
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

  it('looks up each in-app navigation but not a fragment change: a closed panel stays closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const happyDom = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    happyDom.setURL(TWEET);
    try {
      startSidebar(ctx, 'x');
      await settle();
      expect(hosts()).toHaveLength(1);
      shadow()?.querySelector<HTMLButtonElement>('button[aria-label="在本页关闭侧栏"]')?.click();
      await settle();
      // WXT watches the URL by polling once a second where the Navigation API is missing (as in happy-dom).
      history.pushState({}, '', `${TWEET}#reply`);
      vi.advanceTimersByTime(1000);
      await settle();
      expect(sendMock).toHaveBeenCalledTimes(1);
      expect(hosts()).toHaveLength(0);
      history.pushState({}, '', 'https://twitter.com/SomeLab/status/1111?s=20');
      vi.advanceTimersByTime(1000);
      await settle();
      await settle();
      expect(sendMock).toHaveBeenCalledTimes(2);
      expect(hosts()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      happyDom.setURL('http://localhost:3000/');
    }
  });

  it('removes a panel left in the page by an earlier copy of the script', () => {
    document.documentElement.append(document.createElement(SIDEBAR_HOST_NAME));
    startSidebar(ctx, 'x');
    expect(hosts()).toHaveLength(0);
  });

  it('shows nothing when the background does not answer', async () => {
    sendMock.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(createSidebarController(ctx, 'x').showPage(TWEET)).resolves.toBeUndefined();
    expect(hosts()).toHaveLength(0);
  });
});
