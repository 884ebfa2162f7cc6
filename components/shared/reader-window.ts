/**
 * The reader's own window (the popup's, the side panel's), asked once as the page opens (`windows.getCurrent`).
 * Digest Lens is "spanning" in both browsers (the manifest has no `incognito` key): one background and one library
 * for normal and private windows alike, so a reader in a private window has to keep that window's reading out of
 * the library itself. It also has to open links in its own window. QA (2026-12-02, Chromium 156) saw both go wrong:
 * an item clicked in an incognito window's popup opened in a normal window (`tabs.create` without `windowId` picks
 * a normal one for a spanning extension), and items opened from an incognito popup or panel were kept as 已读.
 */
import { browser } from 'wxt/browser';
import type { BackgroundClient } from './client';

export interface ReaderWindowInfo {
  id?: number;
  incognito: boolean;
}

export interface ReaderWindow {
  /** The window's id; undefined when the browser could not say. */
  id(): Promise<number | undefined>;
  /** Whether it is a private window (Chrome's incognito, Firefox's private browsing). */
  isPrivate(): Promise<boolean>;
  /** The same, now: undefined until the browser has said (the page's first milliseconds). */
  privateNow(): boolean | undefined;
  /** Open `url` in a new tab of this window, in front unless `active` is false. */
  openTab(url: string, active?: boolean): Promise<unknown>;
}

export interface NewTab {
  url: string;
  windowId?: number;
  active?: boolean;
}

export function readerWindow(
  getCurrent: () => Promise<ReaderWindowInfo>,
  createTab: (properties: NewTab) => Promise<unknown>,
): ReaderWindow {
  let incognito: boolean | undefined;
  // A browser that cannot say is taken for a normal window: the reader works as before.
  const known = getCurrent()
    .catch((): ReaderWindowInfo => ({ incognito: false }))
    .then((info) => {
      incognito = info.incognito;
      return info;
    });
  return {
    id: async () => (await known).id,
    isPrivate: async () => (await known).incognito,
    privateNow: () => incognito,
    async openTab(url, active = true) {
      const { id } = await known;
      return createTab({ url, ...(id === undefined ? {} : { windowId: id }), ...(active ? {} : { active }) });
    },
  };
}

/**
 * The reader's outgoing links (`target="_blank"`) open in its own window when it is private (or not known yet): the
 * browser's own handling opens them in a normal window. A middle click or a modifier key opens the tab behind. In
 * a normal window they are left to the browser, as before. A click a reader handled already (the side panel's plain
 * click, opened in the tab it follows) is left alone. Returns the function that stops it.
 */
export function keepLinksInWindow(page: Document, own: ReaderWindow): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button > 1 || own.privateNow() === false) return;
    const link = event.target instanceof Element ? event.target.closest('a[href][target="_blank"]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    const behind = event.button === 1 || event.ctrlKey || event.metaKey;
    void own.openTab(link.href, !behind);
  };
  page.addEventListener('click', onClick);
  page.addEventListener('auxclick', onClick);
  return () => {
    page.removeEventListener('click', onClick);
    page.removeEventListener('auxclick', onClick);
  };
}

/**
 * The client a reader in `window` talks through: in a private window, opening an item (`markRead`) is not recorded.
 * 全部标为已读 still is: it is an edit of the library the user asks for, like clearing it, not a trace of reading.
 * Nothing else waits for the window.
 */
export function withoutPrivateReads<C extends BackgroundClient>(client: C, window: ReaderWindow): C {
  const send = client as unknown as (type: string, ...payload: unknown[]) => Promise<unknown>;
  const guarded = async (type: string, ...payload: unknown[]) => {
    if (type === 'markRead' && (await window.isPrivate())) return { marked: 0 };
    return send(type, ...payload);
  };
  return Object.assign(guarded, client) as unknown as C;
}

/**
 * A reader page (the popup, the side panel) in its window: links kept in it, and the client that keeps a private
 * window's reading out of the library.
 */
export function readerInOwnWindow<C extends BackgroundClient>(early: C): { own: ReaderWindow; client: C } {
  const own = readerWindow(
    () => browser.windows.getCurrent(),
    (properties) => browser.tabs.create(properties),
  );
  keepLinksInWindow(document, own);
  return { own, client: withoutPrivateReads(early, own) };
}
