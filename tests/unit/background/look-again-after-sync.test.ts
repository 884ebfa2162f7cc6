import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { archiveUrl, datedUrl } from '../../fixtures/digest-builder';
import { digestText } from '../sync/sync-setup';
import { backgroundSetup, fromOurContentScript, fromOurPopup } from './background-setup';

/**
 * A sync or the archive import that stores digests tells the open pages that looked up to look again
 * (lib/background/start-background.ts), as a clear or a file import does. Its own file: a sync another test left
 * running would tell these tabs too.
 */
const TODAY = '2026-11-29';

describe('the open pages, when a sync or the archive import brings digests', () => {
  const REPO_KEY = 'gh:repo:fixture-tools/tool-20261129-1';
  const lookAgainTo = (toTabs: { mock: { calls: unknown[][] } }) =>
    toTabs.mock.calls
      .filter(([, message]) => (message as { type?: string })?.type === 'lookAgain')
      .map(([tabId]) => tabId);

  /** A repo page that looked itself up (nothing matched yet) in tab 7, and a list of marks only in tab 8. */
  async function pagesOpenBeforeTheDigest() {
    const setup = await backgroundSetup();
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const lookUpTheRepo = () =>
      setup.background.route(
        { type: 'lookup', payload: { keys: [REPO_KEY], site: 'github' } },
        fromOurContentScript(7),
      );
    expect(await lookUpTheRepo()).toMatchObject({ ok: true, value: { matches: [] } });
    await setup.background.route(
      { type: 'markLookup', payload: { keys: [REPO_KEY], site: 'github' } },
      fromOurContentScript(8),
    );
    return { ...setup, toTabs, lookUpTheRepo };
  }

  it('tells the pages that looked up, matched or not, once at the end of a sync of many days (QA)', async () => {
    const { background, web, toTabs, lookUpTheRepo } = await pagesOpenBeforeTheDigest();
    for (const date of ['2026-11-27', '2026-11-28', TODAY])
      web.on(datedUrl(date), { body: digestText(date) });
    web.hold();
    const syncing = background.route({ type: 'syncNow' }, fromOurPopup);
    await vi.waitFor(() => expect(web.requests.length).toBeGreaterThan(3));
    expect(lookAgainTo(toTabs)).toEqual([]);
    web.release();
    expect(await syncing).toMatchObject({ ok: true, value: { digestCount: 3 } });
    expect(lookAgainTo(toTabs).sort()).toEqual([7, 8]);
    // Told, the repo page looks itself up again: its card, badge and 本页相关 follow.
    expect(await lookUpTheRepo()).toMatchObject({ value: { total: 1 } });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1'));
    expect(
      await background.route({ type: 'pageMatches', payload: { tabId: 7 } }, fromOurPopup),
    ).toMatchObject({
      value: { total: 1 },
    });
  });

  it('tells nobody after a sync that stored nothing new (304s, a day not out yet)', async () => {
    const { background, web, toTabs } = await pagesOpenBeforeTheDigest();
    await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(lookAgainTo(toTabs)).toEqual([]);
    web.on(datedUrl(TODAY), { body: digestText(TODAY), headers: { etag: '"a"' } }, { status: 304 });
    await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(lookAgainTo(toTabs).sort()).toEqual([7, 8]);
    toTabs.mockClear();
    await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(web.asked(datedUrl(TODAY)).at(-1)?.headers).toMatchObject({ 'if-none-match': '"a"' });
    expect(lookAgainTo(toTabs)).toEqual([]);
  });

  it('tells no tab that did not look itself up (a closed tab, a frame, a page of another extension)', async () => {
    const { background, web, toTabs } = await pagesOpenBeforeTheDigest();
    await background.route(
      { type: 'lookup', payload: { keys: [REPO_KEY], site: 'github' } },
      { ...fromOurContentScript(9), frameId: 3 },
    );
    await fakeBrowser.tabs.onRemoved.trigger(8, { windowId: 1, isWindowClosing: false });
    web.on(datedUrl(TODAY), { body: digestText(TODAY) });
    await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(lookAgainTo(toTabs)).toEqual([7]);
  });

  it('tells them and the open readers once after an archive import that stored digests, and nobody after one that stored nothing new', async () => {
    const { background, web, toTabs } = await pagesOpenBeforeTheDigest();
    const toReaders = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const daysAdded = () =>
      toReaders.mock.calls.filter(([message]) => (message as { type?: string })?.type === 'digestsAdded');
    const ARCHIVED = '2026-06-03';
    web.on(archiveUrl(ARCHIVED), { body: digestText(ARCHIVED) });
    const importArchive = async () => {
      await background.route({ type: 'importArchive' }, fromOurPopup);
      await (await background.services()).importer.finished();
    };
    await importArchive();
    expect(await (await background.services()).store.dates()).toEqual([ARCHIVED]);
    expect(lookAgainTo(toTabs).sort()).toEqual([7, 8]);
    // The open readers (the popup, the side panel) list their days again.
    expect(daysAdded()).toHaveLength(1);
    toTabs.mockClear();
    toReaders.mockClear();
    // The day is stored already: not fetched again, nothing to tell.
    await importArchive();
    expect(lookAgainTo(toTabs)).toEqual([]);
    expect(daysAdded()).toHaveLength(0);
  });
});
