// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { BackgroundClient } from '../../../components/shared/client';
import {
  keepLinksInWindow,
  type NewTab,
  readerWindow,
  withoutPrivateReads,
} from '../../../components/shared/reader-window';

interface HappyDomSettings {
  navigation: { disableChildPageNavigation: boolean };
}

const LINK = 'https://x.com/someone/status/1';
const ITEM = { date: '2026-12-02', section: 'news', rank: 2 } as const;

function fakeClient() {
  const sent: string[] = [];
  const client = (async (type: string) => {
    sent.push(type);
    return type === 'markRead' ? { marked: 1 } : { marked: 3 };
  }) as unknown as BackgroundClient;
  return { sent, client: Object.assign(client, { whenDifferent: vi.fn() }) };
}

describe('the reader’s own window (QA 2026-12-02: private windows)', () => {
  it('opens a link in a new tab of the reader’s window, not the browser’s choice of window', async () => {
    const createTab = vi.fn(async () => undefined);
    const own = readerWindow(async () => ({ id: 41, incognito: true }), createTab);
    await own.openTab('https://x.com/a/status/1');
    expect(createTab).toHaveBeenCalledWith({ url: 'https://x.com/a/status/1', windowId: 41 });
    expect(await own.id()).toBe(41);
  });

  it('is taken for a normal window when the browser cannot say', async () => {
    const createTab = vi.fn(async () => undefined);
    const own = readerWindow(async () => Promise.reject(new Error('no window')), createTab);
    expect(await own.isPrivate()).toBe(false);
    await own.openTab('https://github.com/a/b');
    expect(createTab).toHaveBeenCalledWith({ url: 'https://github.com/a/b' });
  });

  it('does not record an item opened in a private window; 全部标为已读 and everything else still reach the background', async () => {
    const { sent, client } = fakeClient();
    const guarded = withoutPrivateReads(
      client,
      readerWindow(async () => ({ id: 7, incognito: true }), vi.fn()),
    );
    expect(await guarded('markRead', { items: [ITEM] })).toEqual({ marked: 0 });
    await guarded('markDayRead', { date: ITEM.date });
    await guarded('readState', { dates: [ITEM.date] });
    expect(sent).toEqual(['markDayRead', 'readState']);
    // The early client's hook is kept.
    expect(guarded.whenDifferent).toBe(client.whenDifferent);
  });

  it('records an item opened in a normal window', async () => {
    const { sent, client } = fakeClient();
    const guarded = withoutPrivateReads(
      client,
      readerWindow(async () => ({ id: 7, incognito: false }), vi.fn()),
    );
    expect(await guarded('markRead', { items: [ITEM] })).toEqual({ marked: 1 });
    expect(sent).toEqual(['markRead']);
  });

  it('asks nothing but a mark to wait for the window (the first screen is not held up)', () => {
    const { sent, client } = fakeClient();
    const guarded = withoutPrivateReads(
      client,
      readerWindow(() => new Promise(() => undefined), vi.fn()),
    );
    void guarded('latestDigest');
    expect(sent).toEqual(['latestDigest']);
  });

  it.each([
    ['a private window: in a tab of its own', true, { button: 0 }, [{ url: LINK, windowId: 9 }]],
    [
      'a private window, a middle click: behind',
      true,
      { button: 1 },
      [{ url: LINK, windowId: 9, active: false }],
    ],
    [
      'a private window, Ctrl: behind',
      true,
      { button: 0, ctrlKey: true },
      [{ url: LINK, windowId: 9, active: false }],
    ],
    ['a normal window: left to the browser', false, { button: 0 }, []],
  ] as const)('opens an outgoing link of %s', async (_, incognito, click, opened) => {
    const createTab = vi.fn(async (_properties: NewTab) => undefined);
    const own = readerWindow(async () => ({ id: 9, incognito }), createTab);
    await own.isPrivate();
    const stop = keepLinksInWindow(document, own);
    document.body.innerHTML = `<a href="${LINK}" target="_blank" rel="noopener noreferrer"><b>title</b></a>`;
    const event = new MouseEvent(click.button === 1 ? 'auxclick' : 'click', {
      ...click,
      bubbles: true,
      cancelable: true,
    });
    // A link the reader leaves to the browser opens no page here: happy-dom would fetch it.
    const { settings } = (window as unknown as { happyDOM: { settings: HappyDomSettings } }).happyDOM;
    settings.navigation.disableChildPageNavigation = true;
    document.querySelector('b')?.dispatchEvent(event);
    stop();
    await Promise.resolve();
    expect(event.defaultPrevented).toBe(incognito);
    expect(createTab.mock.calls.map(([properties]) => properties)).toEqual(opened);
  });
});
