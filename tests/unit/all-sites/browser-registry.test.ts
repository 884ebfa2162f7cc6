import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reachOpenTabs } from '../../../lib/all-sites/browser-registry';
import { registrationFor } from '../../../lib/all-sites/registration';

const registration = registrationFor(['example.com'], ['https://github.com/*']);
/** What `tabs.query({})` answers without the `tabs` permission: an address only where the extension has access. */
const OPEN_TABS = [
  { id: 1, url: 'https://arxiv.org/abs/2611.04321' },
  { id: 2, url: 'https://github.com/lens-org/sparse-kit' },
  { id: 3 },
  { id: 4, url: 'https://chromewebstore.google.com/' },
  { id: 5, url: 'https://blog.example.com/post' },
  { id: 6, url: 'https://en.wikipedia.org/wiki/Mixture_of_experts' },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reaching the open tabs with the page script', () => {
  it('runs it at once in the top frame of each tab the registration covers; a tab that refuses it is skipped', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(OPEN_TABS as never);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async ({ target }) => {
      if (target.tabId === 4) throw new Error('The extensions gallery cannot be scripted.');
      return [];
    });
    await expect(reachOpenTabs(registration)).resolves.toBeUndefined();
    expect(inject.mock.calls).toEqual(
      [1, 4, 6].map((tabId) => [
        { target: { tabId, frameIds: [0] }, files: ['/page-script.js'], injectImmediately: true },
      ]),
    );
  });

  it('uses MV2’s tabs.executeScript where there is no scripting API (Firefox’s build)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(OPEN_TABS.slice(0, 2) as never);
    vi.spyOn(fakeBrowser, 'scripting', 'get').mockReturnValue(undefined as never);
    const inject = vi.spyOn(fakeBrowser.tabs, 'executeScript').mockResolvedValue([] as never);
    await reachOpenTabs(registration);
    expect(inject.mock.calls).toEqual([
      [1, { file: '/page-script.js', frameId: 0, runAt: 'document_start' }],
    ]);
  });

  it('lets the registration stand when the tabs can’t be listed', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('No tabs here.'));
    await expect(reachOpenTabs(registration)).resolves.toBeUndefined();
  });
});
