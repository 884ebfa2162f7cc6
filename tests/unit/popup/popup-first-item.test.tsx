// @vitest-environment happy-dom
/**
 * The first item (issue 13: on screen < 100 ms with five years stored) waits for the day's digest alone: the status
 * (which counts every stored day), the date list, read state, GitHub 热门 and 本页相关 fill in after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ITEM_TIMING } from '../../../components/popup/after-paint';
import { FIRST_FRAME_ITEMS } from '../../../components/popup/ItemList';
import { Popup } from '../../../components/popup/Popup';
import { createPopupStore, type PopupStore } from '../../../components/popup/popup-store';
import { createPanelStore } from '../../../components/sidepanel/panel-store';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import type { StoredDigest, SyncStatus } from '../../../lib/schema';
import { type FakeClient, fakeClient, type Handlers, storedDigest, syncStatus } from '../ui/fake-client';
import { type Mounted, mount } from '../ui/render';
import { NOW, until } from './popup-test-kit';

/** An answer that never comes. */
const never = <T,>() => new Promise<T>(() => undefined);

/** An answer that comes when the test says so. */
function later<T>(): { promise: Promise<T>; answer: (value: T) => void } {
  let answer: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

/** Every message but latestDigest is never answered unless `handlers` answers it. */
function slowBackground(digest: StoredDigest | null, handlers: Handlers = {}): FakeClient {
  return fakeClient({
    latestDigest: () => ({ digest }),
    status: () => never(),
    listDigests: () => never(),
    digest: () => never(),
    readState: () => never(),
    pageMatches: () => never(),
    currentTab: () => never(),
    ...handlers,
  });
}

let mounted: (Mounted & { store: { dispose(): void } }) | undefined;
afterEach(() => {
  mounted?.store.dispose();
  mounted?.cleanup();
  mounted = undefined;
});

async function openPopup(fake: FakeClient, afterFirstPaint?: () => Promise<void>): Promise<PopupStore> {
  const store = createPopupStore({
    client: fake.client,
    lang: 'zh',
    now: () => NOW,
    openUrl: () => undefined,
    activeTab: async () => 7,
    afterFirstPaint,
  });
  mounted = { ...(await mount(<Popup store={store} />)), store };
  void store.start();
  return store;
}

async function openPanel(fake: FakeClient, afterFirstPaint?: () => Promise<void>): Promise<void> {
  const store = createPanelStore({
    client: fake.client,
    lang: 'zh',
    now: () => NOW,
    search: '',
    windowId: async () => 5,
    navigate: async () => undefined,
    onPageMessage: () => () => undefined,
    afterFirstPaint,
  });
  mounted = { ...(await mount(<SidePanel store={store} />)), store };
  void store.start();
}

const digestItems = () => document.querySelectorAll('.digest .item');

/** A background that answers everything at once. */
function quickBackground(digest: StoredDigest | null): FakeClient {
  return fakeClient({
    latestDigest: () => ({ digest }),
    status: () => syncStatus({ lastSyncAt: NOW, digestCount: digest ? 1 : 0 }),
    listDigests: () => ({ digests: digest ? [{ date: digest.date, news: 10, tools: 10 }] : [] }),
    digest: () => ({ digest: null }),
    readState: () => ({ days: [] }),
    pageMatches: () => ({ matches: [], total: 0 }),
    currentTab: () => ({ tabId: 7 }),
  });
}

const asked = (fake: FakeClient) => fake.calls.map(({ type }) => type);

describe('the reader’s first item', () => {
  it('is drawn as soon as the day’s digest answers, before the status, dates, read state and 本页相关', async () => {
    const fake = slowBackground(storedDigest('2026-01-10'));
    await openPopup(fake);
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(fake.calls[0]?.type).toBe('latestDigest');
    expect(document.querySelector('.digest .item-title')?.textContent).toContain('2026-01-10 新闻 1');
  });

  it('asks nothing else until its items are painted: then the status, 本页相关, read state and GitHub 热门', async () => {
    const painted = later<void>();
    const fake = quickBackground(storedDigest('2026-01-10'));
    await openPopup(fake, () => painted.promise);
    await until(() => expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // No answer is handled (and drawn) and no work is started in the worker while the first frame is being made.
    expect(asked(fake)).toEqual(['latestDigest']);
    painted.answer();
    await until(() =>
      expect(asked(fake)).toEqual(
        expect.arrayContaining(['status', 'pageMatches', 'readState', 'digest', 'listDigests']),
      ),
    );
    expect(asked(fake)[1]).toBe('status');
  });

  it('draws a first screen of items in its first frame, and the rest of the day once they are painted', async () => {
    const painted = later<void>();
    await openPopup(quickBackground(storedDigest('2026-01-10')), () => painted.promise);
    await until(() => expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS);
    // The rest of the day is not offered as "more" meanwhile.
    expect(document.querySelector('.more-items')).toBeNull();
    painted.answer();
    await until(() => expect(digestItems()).toHaveLength(10));
    expect([...digestItems()].map((item) => item.getAttribute('data-rank'))).toEqual(
      Array.from({ length: 10 }, (_, index) => String(index + 1)),
    );
    expect(document.querySelector('.more-items')).toBeNull();
  });

  it('in the side panel too: a first screen of items first, the rest once they are painted', async () => {
    const painted = later<void>();
    await openPanel(quickBackground(storedDigest('2026-01-10')), () => painted.promise);
    await until(() => expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS));
    painted.answer();
    await until(() => expect(digestItems()).toHaveLength(10));
  });

  it('reads no layout to bring its first list to the top: nothing has scrolled it yet', async () => {
    let measured = 0;
    const measure = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      measured += 1;
      return measure.call(this);
    };
    try {
      const painted = later<void>();
      await openPanel(quickBackground(storedDigest('2026-01-10')), () => painted.promise);
      await until(() => expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS));
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Reading it forced the first frame's whole style and layout before the item reached the page.
      expect(measured).toBe(0);
      painted.answer();
      await until(() => expect(digestItems()).toHaveLength(10));
      // Another tab is a new list: brought to the top of the day as before.
      document.querySelector<HTMLElement>('[data-section="tools"]')?.click();
      await until(() => expect(measured).toBeGreaterThan(0));
    } finally {
      Element.prototype.getBoundingClientRect = measure;
    }
  });

  it('says nothing of the last sync while the status has not answered (not 尚未同步)', async () => {
    const status = later<SyncStatus>();
    await openPopup(slowBackground(storedDigest('2026-01-10'), { status: () => status.promise }));
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(document.querySelector('.status-text')?.textContent).toBe('');
    status.answer(syncStatus({ lastSyncAt: NOW - 5 * 60_000, digestCount: 1 }));
    await until(() => expect(document.querySelector('.status-text')?.textContent).toBe('上次同步：5 分钟前'));
  });

  it('asks for the status at once when nothing is stored: there is no item to wait for', async () => {
    const fake = quickBackground(null);
    await openPopup(fake, () => never());
    await until(() => expect(asked(fake)).toContain('status'));
    await until(() => expect(document.querySelector('.empty')).not.toBeNull());
  });

  it('times its item titles, so that it knows when the first is painted (Element Timing)', async () => {
    await openPopup(quickBackground(storedDigest('2026-01-10')));
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(document.querySelector('.digest .item-title')?.getAttribute('elementtiming')).toBe(ITEM_TIMING);
  });

  it('says when today’s usually arrives only once the status has answered, which may know of today’s', async () => {
    const status = later<SyncStatus>();
    await openPopup(slowBackground(storedDigest('2026-01-09'), { status: () => status.promise }));
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(document.querySelector('.today-note')).toBeNull();
    status.answer(syncStatus({ lastSyncAt: NOW, digestCount: 2, newestDate: '2026-01-10' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.querySelector('.today-note')).toBeNull();
  });

  it('still says when today’s usually arrives when the status has answered without it', async () => {
    const status = later<SyncStatus>();
    await openPopup(slowBackground(storedDigest('2026-01-09'), { status: () => status.promise }));
    await until(() => expect(digestItems()).toHaveLength(10));
    status.answer(syncStatus({ lastSyncAt: NOW, digestCount: 1, newestDate: '2026-01-09' }));
    await until(() => expect(document.querySelector('.today-note')).not.toBeNull());
  });

  it('waits for the status when nothing is stored, to say why the library is empty', async () => {
    const status = later<SyncStatus>();
    await openPopup(slowBackground(null, { status: () => status.promise }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.querySelector('.empty')).toBeNull();
    status.answer(syncStatus({ running: true }));
    await until(() => expect(document.querySelector('.empty')?.textContent).toContain('正在'));
  });

  it('in the side panel, asks for the followed tab and its matches once its items are painted', async () => {
    const painted = later<void>();
    const fake = quickBackground(storedDigest('2026-01-10'));
    await openPanel(fake, () => painted.promise);
    await until(() => expect(digestItems()).toHaveLength(FIRST_FRAME_ITEMS));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked(fake)).toEqual(['latestDigest']);
    painted.answer();
    await until(() => expect(asked(fake)).toEqual(expect.arrayContaining(['currentTab', 'pageMatches'])));
  });

  it('in the side panel too: before the followed tab, its matches and the status are known', async () => {
    const fake = slowBackground(storedDigest('2026-01-10'));
    await openPanel(fake);
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(fake.calls[0]?.type).toBe('latestDigest');
  });
});
