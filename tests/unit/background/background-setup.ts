import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Background,
  type BackgroundOptions,
  startBackground,
} from '../../../lib/background/start-background';
import type { Settings } from '../../../lib/schema';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings';
import { openTestStore } from '../storage/stored-digest';
import { ScriptedFetch } from '../sync/scripted-fetch';
import { NOW } from '../sync/sync-setup';
import { permissionEvents } from '../ui/permission-events';

export const OUR_TAB = 7;
export const fromOurPopup = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
};
export const fromOurContentScript = (tabId = OUR_TAB) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://github.com/acme/widget',
  tab: { id: tabId },
  frameId: 0,
});

/** The background as the worker starts it, on a fresh database, a scripted web and a fixed clock. */
export async function backgroundSetup(
  settings: Partial<Settings> = {},
  options: Pick<BackgroundOptions, 'allSitesAccess'> = {},
) {
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEY]: { ...structuredClone(DEFAULT_SETTINGS), ...settings },
  });
  const store = await openTestStore();
  // The fake browser throws "not implemented" here; Chrome 140+ answers.
  const { setAccessLevel } = fakeBrowser.storage.local as { setAccessLevel?: unknown };
  if (typeof setAccessLevel === 'function' && !vi.isMockFunction(setAccessLevel))
    vi.spyOn(fakeBrowser.storage.local, 'setAccessLevel').mockResolvedValue(undefined);
  // Not in the fake browser: the toolbar's popup and Chrome's side panel behaviour (lib/background/side-panel.ts).
  if (!vi.isMockFunction(fakeBrowser.action.setPopup))
    vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
  if (!vi.isMockFunction(fakeBrowser.sidePanel.setPanelBehavior))
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
  // Nor the pages told to look again (their tabs are remembered across tests' lookups): nobody answers.
  if (!vi.isMockFunction(fakeBrowser.tabs.sendMessage))
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  const web = new ScriptedFetch();
  // The fake browser has no commands API: keep the listener to call it by hand.
  const commandListeners: ((command: string, tab?: { id?: number }) => void)[] = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    commandListeners.push(listener as (typeof commandListeners)[number]);
  });
  const permissions = permissionEvents();
  const background: Background = startBackground({
    openStore: async () => store,
    fetch: web.fetch,
    sleep: async () => undefined,
    now: () => NOW,
    ...options,
  });
  await background.started;
  const runCommand = (command: string, tab?: { id?: number }) => {
    for (const listener of commandListeners) listener(command, tab);
  };
  return { background, store, web, runCommand, permissionRemoved: permissions.removed };
}

/** Deliver `message` to the worker's onMessage listener as Chrome would, from `sender`, and answer its reply. */
export async function deliver(message: unknown, sender: object = fromOurPopup): Promise<unknown> {
  let reply: unknown;
  const replied = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (response: unknown) => {
      reply = response;
      resolve();
    });
  });
  await replied;
  return reply;
}

/** A served-site page's lookup from a pull request of acme/widget: its repository's key, the pull request its story. */
export const PULL_REQUEST_LOOKUP = {
  type: 'lookup',
  payload: {
    keys: ['gh:repo:acme/widget'],
    site: 'github',
    pageStory: 'url:https://github.com/acme/widget/pull/7',
  },
};
