import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, saveSettings } from '../../../lib/settings';
import { backgroundSetup, fromOurContentScript, fromOurPopup, OUR_TAB } from '../background/background-setup';
import { storedDigest, testItem } from '../storage/stored-digest';

type MarkReply = {
  ok: true;
  value: {
    marks: { key: string; matches: { item: { title: string } }[]; total: number }[];
    on: boolean;
    stamp: string;
  };
};

async function withLibrary() {
  const setup = await backgroundSetup();
  await setup.store.write(
    storedDigest('2026-11-28', {
      items: [
        testItem('news', 3, ['https://x.com/lab/status/1861'], '推文新闻'),
        testItem('tools', 1, ['https://github.com/acme/widget'], 'Widget 发布'),
      ],
    }),
  );
  const ask = async (keys: string[], site: 'x' | 'github' | null = 'x') =>
    (await setup.background.route(
      { type: 'markLookup', payload: { keys, site } },
      fromOurContentScript(),
    )) as MarkReply;
  return { ...setup, ask };
}

describe('markLookup: the keys of a page’s links, answered by the background', () => {
  it('answers only the keys that match, each with its card, from a content script', async () => {
    const { ask } = await withLibrary();
    const reply = await ask(['x:status:1861', 'x:status:5', 'gh:repo:acme/widget', 'gh:repo:acme/other']);
    expect(reply.ok).toBe(true);
    expect(reply.value.on).toBe(true);
    expect(reply.value.marks.map(({ key, total, matches }) => [key, total, matches[0]?.item.title])).toEqual([
      ['x:status:1861', 1, '推文新闻'],
      ['gh:repo:acme/widget', 1, 'Widget 发布'],
    ]);
  });

  it('sets no badge (the page’s own lookup does)', async () => {
    const { ask } = await withLibrary();
    await ask(['x:status:1861']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('');
  });

  it('answers nothing, and says so, when marks or the whole site are off', async () => {
    const { ask } = await withLibrary();
    await saveSettings({ marks: { ...DEFAULT_SETTINGS.marks, x: false } });
    expect((await ask(['x:status:1861'], 'x')).value).toMatchObject({ marks: [], on: false });
    expect((await ask(['gh:repo:acme/widget'], 'github')).value.on).toBe(true);
    await saveSettings({ sites: { ...DEFAULT_SETTINGS.sites, github: false } });
    expect((await ask(['gh:repo:acme/widget'], 'github')).value).toMatchObject({ marks: [], on: false });
  });

  it('changes its stamp when a sync, an import or a setting changes the library', async () => {
    const { ask } = await withLibrary();
    const first = (await ask([])).value.stamp;
    expect((await ask([])).value.stamp).toBe(first);
    // Not while a sync runs (it writes its progress at every document), once it ends.
    await fakeBrowser.storage.local.set({ syncStatus: { running: true, progress: { done: 1, total: 14 } } });
    expect((await ask([])).value.stamp).toBe(first);
    await fakeBrowser.storage.local.set({ syncStatus: { running: false, progress: null } });
    const second = (await ask([])).value.stamp;
    expect(second).not.toBe(first);
    await saveSettings({ retentionDays: 30 });
    expect((await ask([])).value.stamp).not.toBe(second);
  });

  it('changes its stamp when a file is imported (which writes no sync status)', async () => {
    const { ask, background } = await withLibrary();
    const before = (await ask([])).value.stamp;
    const file = { format: 'digest-lens-export', version: 1, exportedAt: 0, digests: [] };
    await background.route({ type: 'importData', payload: { file } }, fromOurPopup);
    expect((await ask([])).value.stamp).not.toBe(before);
  });

  it('refuses more keys than one message may carry, in words', async () => {
    const { ask } = await withLibrary();
    const reply = (await ask(Array.from({ length: 2001 }, (_, index) => `x:status:${index}`))) as unknown as {
      ok: boolean;
      error: string;
    };
    expect(reply.ok).toBe(false);
    expect(reply.error).toContain('"markLookup" request is invalid');
  });

  it('leads a link’s card with the item about the linked thing itself, as a page at that link would (QA)', async () => {
    const { ask, store } = await withLibrary();
    await store.write(
      storedDigest('2026-11-29', {
        items: [
          testItem('news', 3, ['https://github.com/late-org/late-repo/pull/5'], '修复 PR'),
          testItem('tools', 1, ['https://github.com/late-org/late-repo'], '仓库本身'),
          testItem('news', 4, ['https://x.com/other/status/77', 'https://x.com/lab/status/1861'], '转述推文'),
        ],
      }),
    );
    const reply = await ask(['gh:repo:late-org/late-repo', 'x:status:1861']);
    expect(reply.value.marks.map(({ key, matches }) => [key, matches.map(({ item }) => item.title)])).toEqual(
      [
        ['gh:repo:late-org/late-repo', ['仓库本身', '修复 PR']],
        ['x:status:1861', ['推文新闻', '转述推文']],
      ],
    );
  });
});
