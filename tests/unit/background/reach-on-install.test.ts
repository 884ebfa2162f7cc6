import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabsToInject } from '../../../lib/all-sites/open-tabs';
import { registrationFor } from '../../../lib/all-sites/registration';
import { reachOpenTabsWhen } from '../../../lib/background/reach-on-install';
import { datedUrl } from '../../fixtures/digest-builder';
import { digestText } from '../sync/sync-setup';
import { backgroundSetup, deliver, fromOurContentScript } from './background-setup';

/** The manifest's content script as wxt.config.ts declares it (some of the served sites). */
const SERVED = ['https://x.com/*', 'https://github.com/*', 'https://huggingface.co/*'];
const MANIFEST = {
  manifest_version: 3,
  name: 'Digest Lens',
  version: '1.0.0',
  content_scripts: [{ matches: SERVED, js: ['page-script.js'], run_at: 'document_start', all_frames: false }],
};
/** What `tabs.query({})` answers without the `tabs` permission: an address only where the extension has access. */
const OPEN_TABS = [
  { id: 1, url: 'https://x.com/lab/status/1861234567890123456' },
  { id: 2, url: 'https://arxiv.org/abs/2611.04321' },
  { id: 3 },
  { id: 4, url: 'https://github.com/lens-org/sparse-kit' },
  { id: 5, url: 'https://gist.github.com/someone/1' },
  { id: 6, url: 'https://huggingface.co/lens-org/sparse-7b', discarded: true },
];

afterEach(() => {
  vi.restoreAllMocks();
});

/** The browser with `OPEN_TABS` open and the manifest above: answers the spied injection. */
function browserWithOpenTabs() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(OPEN_TABS as never);
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
}

async function installed(reason: 'install' | 'update' | 'chrome_update') {
  const inject = browserWithOpenTabs();
  await backgroundSetup();
  await fakeBrowser.runtime.onInstalled.trigger({ reason, previousVersion: '0.9.0' } as never);
  // The sync the event started ends (a syncNow joins it): what follows it has run.
  await deliver({ type: 'syncNow' });
  return inject;
}

describe('the tabs open on the served sites when the extension is installed', () => {
  it('get the page script at once in their top frame; an unserved, url-less or unloaded tab does not', async () => {
    const inject = await installed('install');
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(2));
    expect(inject.mock.calls).toEqual(
      [1, 4].map((tabId) => [
        { target: { tabId, frameIds: [0] }, files: ['/page-script.js'], injectImmediately: true },
      ]),
    );
  });

  it('wait for the first sync to end: before it the library is empty, and a page is not told when it fills', async () => {
    const inject = browserWithOpenTabs();
    const { web } = await backgroundSetup();
    web.hold();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(web.requests.length).toBeGreaterThan(0));
    expect(inject).not.toHaveBeenCalled();
    web.release();
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(2));
  });

  it('but one loaded during the first sync, whose script looked up: told once at its end, it gets no second copy', async () => {
    const inject = browserWithOpenTabs();
    const { web, background } = await backgroundSetup();
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    web.on(datedUrl('2026-11-29'), { body: digestText('2026-11-29') });
    web.hold();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(web.requests.length).toBeGreaterThan(0));
    // Tab 4 was loaded after the install: the manifest's script ran there and looked up the empty library.
    await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:lens-org/sparse-kit'], site: 'github' } },
      { ...fromOurContentScript(4), url: OPEN_TABS[3]?.url },
    );
    web.release();
    await vi.waitFor(() => expect(inject).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inject.mock.calls.map(([{ target }]) => target.tabId)).toEqual([1]);
    expect(toTabs.mock.calls).toEqual([[4, { type: 'lookAgain' }]]);
  });

  it('get the new version’s page script at once after an update or a reload, not after the sync: theirs is orphaned', async () => {
    const inject = browserWithOpenTabs();
    const { web } = await backgroundSetup();
    web.hold();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.9.0' });
    await vi.waitFor(() => expect(inject).toHaveBeenCalledTimes(2));
    expect(inject.mock.calls.map(([{ target }]) => target)).toEqual([
      { tabId: 1, frameIds: [0] },
      { tabId: 4, frameIds: [0] },
    ]);
    web.release();
  });

  it('get nothing on the browser’s own update', async () => {
    const inject = await installed('chrome_update');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inject).not.toHaveBeenCalled();
  });

  it('are not also the all-sites registration’s: no tab is planned twice', () => {
    const allSites = tabsToInject(OPEN_TABS, registrationFor([], SERVED));
    const served = tabsToInject(OPEN_TABS, { matches: SERVED, excludeMatches: [] });
    expect(served).toEqual([1, 4]);
    expect(allSites.filter((tabId) => served.includes(tabId))).toEqual([]);
  });
});

describe('when the open tabs are reached', () => {
  it.each([
    ['a first install in Chrome', 'install', false, 'after the first sync'],
    ['an update or a reload (old copies orphaned in the tabs)', 'update', false, 'now'],
    ['the browser’s own update', 'chrome_update', false, 'never'],
    ['a shared module’s update', 'shared_module_update', false, 'never'],
    ['a first install in Firefox (it ran the content scripts there itself)', 'install', true, 'never'],
    ['an update in Firefox (the same)', 'update', true, 'never'],
  ])('%s', (_case, reason, firefox, when) => {
    expect(reachOpenTabsWhen(reason, firefox)).toBe(when);
  });
});
