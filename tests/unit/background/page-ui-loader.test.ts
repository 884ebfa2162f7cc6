import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  loadPageUi,
  oncePerDocument,
  PAGE_UI_FILE,
  type PageUiTarget,
  senderTarget,
} from '../../../lib/background/page-ui-loader';
import { storedDigest, testItem } from '../storage/stored-digest';
import { backgroundSetup, fromOurContentScript, OUR_TAB } from './background-setup';

const DOCUMENT = 'B5C1E0A0F2D94E1D8E1A4F3C2B1A0F9E';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the page UI loader', () => {
  it('targets the document that asked (Chrome names it), else its frame; an extension page is no target', () => {
    expect(senderTarget({ tab: { id: 4 }, frameId: 2, documentId: DOCUMENT })).toEqual({
      tabId: 4,
      frameId: 2,
      documentId: DOCUMENT,
    });
    expect(senderTarget({ tab: { id: 4 } })).toEqual({ tabId: 4, frameId: 0 });
    expect(senderTarget({ url: 'chrome-extension://id/popup.html' })).toBeUndefined();
  });

  it('injects the UI chunk at once (not at document_idle) into that document only', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await loadPageUi({ tabId: 4, frameId: 0, documentId: DOCUMENT });
    await loadPageUi({ tabId: 4, frameId: 3 });
    expect(inject.mock.calls).toEqual([
      [{ target: { tabId: 4, documentIds: [DOCUMENT] }, files: [PAGE_UI_FILE], injectImmediately: true }],
      [{ target: { tabId: 4, frameIds: [3] }, files: [PAGE_UI_FILE], injectImmediately: true }],
    ]);
  });
});

describe('once per document', () => {
  it('gives a document the chunk once over its in-app navigations; each new document gets its own', async () => {
    const load = vi.fn(async (_target: PageUiTarget) => undefined);
    const once = oncePerDocument(load);
    await once({ tabId: 4, frameId: 0, documentId: 'A' });
    await once({ tabId: 4, frameId: 0, documentId: 'A' });
    await once({ tabId: 4, frameId: 0, documentId: 'B' });
    expect(load.mock.calls.map(([target]) => target.documentId)).toEqual(['A', 'B']);
  });

  it('tries again after a refused injection, and always where the browser names no document', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('The tab was closed.')).mockResolvedValue(undefined);
    const once = oncePerDocument(load);
    await expect(once({ tabId: 4, frameId: 0, documentId: 'A' })).rejects.toThrow('closed');
    await once({ tabId: 4, frameId: 0, documentId: 'A' });
    await once({ tabId: 4, frameId: 0 });
    await once({ tabId: 4, frameId: 0 });
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('forgets the oldest documents past its bound', async () => {
    const load = vi.fn(async () => undefined);
    const once = oncePerDocument(load, 2);
    for (const documentId of ['A', 'B', 'C', 'A']) await once({ tabId: 4, frameId: 0, documentId });
    expect(load).toHaveBeenCalledTimes(4);
  });
});

describe('a lookup loads the card UI', () => {
  const widget = () =>
    storedDigest('2026-11-28', {
      items: [testItem('tools', 1, ['https://github.com/acme/widget'], 'Widget')],
    });
  const lookUp = (background: Awaited<ReturnType<typeof backgroundSetup>>['background'], key: string) =>
    background.route(
      { type: 'lookup', payload: { keys: [key], site: 'github' } },
      { ...fromOurContentScript(), documentId: DOCUMENT },
    );

  it('into the asking document when something matches and the card opens by itself', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(widget());
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await lookUp(background, 'gh:repo:acme/widget');
    expect(inject).toHaveBeenCalledWith({
      target: { tabId: OUR_TAB, documentIds: [DOCUMENT] },
      files: [PAGE_UI_FILE],
      injectImmediately: true,
    });
  });

  it.each([
    ['nothing matches', {}, 'gh:repo:nobody/nothing'],
    ['the card is badge only', { sidebarMode: 'badge' as const }, 'gh:repo:acme/widget'],
    ['the site is off', { sites: { x: true, github: false, huggingface: true } }, 'gh:repo:acme/widget'],
  ])('never when %s', async (_case, settings, key) => {
    const { background, store } = await backgroundSetup(settings);
    await store.write(widget());
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const reply = await lookUp(background, key);
    expect(reply.ok).toBe(true);
    expect(inject).not.toHaveBeenCalled();
  });

  it('once per document: an in-app navigation to another matching page loads nothing more', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(widget());
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    await lookUp(background, 'gh:repo:acme/widget');
    await lookUp(background, 'gh:repo:acme/widget');
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(1));
  });

  it('answers even when the injection is refused', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(widget());
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access the page.'));
    const reply = await lookUp(background, 'gh:repo:acme/widget');
    expect(reply).toMatchObject({ ok: true, value: { mode: 'auto', total: 1 } });
  });
});
