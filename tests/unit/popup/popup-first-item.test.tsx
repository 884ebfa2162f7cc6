// @vitest-environment happy-dom
/**
 * The first item (issue 13: on screen < 100 ms with five years stored) waits for the day's digest alone: the status
 * (which counts every stored day), the date list, read state, GitHub 热门 and 本页相关 fill in after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
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

async function openPopup(fake: FakeClient): Promise<PopupStore> {
  const store = createPopupStore({
    client: fake.client,
    lang: 'zh',
    now: () => NOW,
    openUrl: () => undefined,
    activeTab: async () => 7,
  });
  mounted = { ...(await mount(<Popup store={store} />)), store };
  void store.start();
  return store;
}

const digestItems = () => document.querySelectorAll('.digest .item');

describe('the reader’s first item', () => {
  it('is drawn as soon as the day’s digest answers, before the status, dates, read state and 本页相关', async () => {
    const fake = slowBackground(storedDigest('2026-01-10'));
    await openPopup(fake);
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(fake.calls[0]?.type).toBe('latestDigest');
    expect(document.querySelector('.digest .item-title')?.textContent).toContain('2026-01-10 新闻 1');
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

  it('in the side panel too: before the followed tab, its matches and the status are known', async () => {
    const fake = slowBackground(storedDigest('2026-01-10'));
    const store = createPanelStore({
      client: fake.client,
      lang: 'zh',
      now: () => NOW,
      search: '',
      windowId: async () => 5,
      navigate: async () => undefined,
      onPageMessage: () => () => undefined,
    });
    mounted = { ...(await mount(<SidePanel store={store} />)), store };
    void store.start();
    await until(() => expect(digestItems()).toHaveLength(10));
    expect(fake.calls[0]?.type).toBe('latestDigest');
  });
});
