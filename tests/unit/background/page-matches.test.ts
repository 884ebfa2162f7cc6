import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedDigest, testItem } from '../storage/stored-digest';
import {
  backgroundSetup,
  fromOurContentScript,
  fromOurPopup,
  OUR_TAB,
  PULL_REQUEST_LOOKUP,
} from './background-setup';

const widget = (rank: number, title: string) =>
  testItem('tools', rank, ['https://github.com/acme/widget'], title);
const LOOKUP = { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } };
const ASK = { type: 'pageMatches', payload: { tabId: OUR_TAB } };

async function withWidget(settings: Parameters<typeof backgroundSetup>[0] = {}) {
  const setup = await backgroundSetup(settings);
  await setup.store.write(storedDigest('2026-11-27', { items: [widget(2, 'Widget 发布')] }));
  await setup.store.write(storedDigest('2026-11-28', { items: [widget(1, 'Widget 再次发布')] }));
  return setup;
}

type Reply = {
  ok: boolean;
  value?: { matches: { date: string; item: { title: string }; alsoIn: number }[]; total: number };
  error?: string;
};
const titles = (reply: unknown) =>
  (reply as Reply).value?.matches.map((match) => [match.date, match.item.title, match.alsoIn]);

describe('pageMatches: the popup asks what the tab’s page matched', () => {
  it('answers the tab’s last lookup, the same cards and total the page got', async () => {
    const { background } = await withWidget();
    const lookup = (await background.route(LOOKUP, fromOurContentScript())) as Reply;
    const reply = (await background.route(ASK, fromOurPopup)) as Reply;
    expect(reply.ok).toBe(true);
    expect(reply.value).toEqual({
      matches: lookup.value?.matches,
      total: lookup.value?.total,
      own: 0,
      related: 'repo',
    });
    expect(titles(reply)).toEqual([['2026-11-28', 'Widget 再次发布', 1]]);
  });

  it('says which of them are the page’s own story (a pull request’s), the others its repository’s', async () => {
    const { background, store } = await withWidget();
    await store.write(
      storedDigest('2026-11-29', {
        items: [testItem('tools', 3, ['https://github.com/acme/widget/pull/7'], 'Widget PR 7')],
      }),
    );
    await background.route(PULL_REQUEST_LOOKUP, fromOurContentScript());
    const reply = (await background.route(ASK, fromOurPopup)) as Reply & {
      value: { own: number; related: string };
    };
    expect(titles(reply)?.[0]).toEqual(['2026-11-29', 'Widget PR 7', 0]);
    expect(reply.value).toMatchObject({ own: 1, related: 'repo', total: 2 });
  });

  it('knows them in badge-only mode too, where the page shows no card', async () => {
    const { background } = await withWidget({ sidebarMode: 'badge' });
    await background.route(LOOKUP, fromOurContentScript());
    expect(titles(await background.route(ASK, fromOurPopup))).toEqual([['2026-11-28', 'Widget 再次发布', 1]]);
  });

  it('answers none for another tab, after a lookup without keys, and after the tab is closed', async () => {
    const { background } = await withWidget();
    await background.route(LOOKUP, fromOurContentScript());
    const other = await background.route(
      { type: 'pageMatches', payload: { tabId: OUR_TAB + 1 } },
      fromOurPopup,
    );
    expect(other).toEqual({ ok: true, value: { matches: [], total: 0 } });

    await background.route({ type: 'lookup', payload: { keys: [], site: 'github' } }, fromOurContentScript());
    expect(await background.route(ASK, fromOurPopup)).toEqual({ ok: true, value: { matches: [], total: 0 } });

    await background.route(LOOKUP, fromOurContentScript());
    await fakeBrowser.tabs.onRemoved.trigger(OUR_TAB, { windowId: 1, isWindowClosing: false });
    expect(await background.route(ASK, fromOurPopup)).toEqual({ ok: true, value: { matches: [], total: 0 } });
  });

  it('answers none once the tab loads another page (one where no script runs looks nothing up)', async () => {
    const { background } = await withWidget();
    await background.route(LOOKUP, fromOurContentScript());
    await fakeBrowser.tabs.onUpdated.trigger(OUR_TAB, { title: 'Widget' }, {} as never);
    expect(titles(await background.route(ASK, fromOurPopup))).toEqual([['2026-11-28', 'Widget 再次发布', 1]]);
    await fakeBrowser.tabs.onUpdated.trigger(OUR_TAB, { status: 'loading' }, {} as never);
    expect(await background.route(ASK, fromOurPopup)).toEqual({ ok: true, value: { matches: [], total: 0 } });
    // The next page of a served site looks itself up: its matches are the tab's again.
    await background.route(LOOKUP, fromOurContentScript());
    expect(titles(await background.route(ASK, fromOurPopup))).toEqual([['2026-11-28', 'Widget 再次发布', 1]]);
  });

  it('ignores a lookup from a frame other than the top one', async () => {
    const { background } = await withWidget();
    await background.route(LOOKUP, { ...fromOurContentScript(), frameId: 2 });
    expect(await background.route(ASK, fromOurPopup)).toEqual({ ok: true, value: { matches: [], total: 0 } });
  });

  it('refuses a content script (it could read another tab’s matches) and a tab id that is not one', async () => {
    const { background } = await withWidget();
    const fromPage = (await background.route(ASK, fromOurContentScript())) as Reply;
    expect(fromPage.ok).toBe(false);
    expect(fromPage.error).toContain('not "pageMatches"');
    const bad = (await background.route(
      { type: 'pageMatches', payload: { tabId: 'x' } },
      fromOurPopup,
    )) as Reply;
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('The "pageMatches" request is invalid');
  });
});
