import { describe, expect, it, vi } from 'vitest';
import type { PageScriptRegistration } from '../../../lib/all-sites/registration';
import { startAllSites } from '../../../lib/all-sites/start-all-sites';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { permissionEvents } from '../ui/permission-events';
import { fakeRegistry } from './fake-registry';

describe('the background keeps the all-sites registration in line', () => {
  it('registers when the option is turned on, unregisters when the access is taken back in the browser', async () => {
    const events = permissionEvents();
    let granted = true;
    const registry = fakeRegistry();
    const allSites = startAllSites({
      settings: loadSettings,
      registry,
      hasAccess: async () => granted,
      servedMatches: ['https://x.com/*'],
    });
    expect(await allSites.applied()).toBe('off');

    await saveSettings({ allSites: { enabled: true, excluded: ['example.com'] } });
    await vi.waitFor(async () => expect(await allSites.applied()).toBe('on'));
    expect(registry.current?.excludeMatches).toEqual(['https://x.com/*', '*://*.example.com/*']);

    granted = false;
    events.removed();
    await vi.waitFor(async () => expect(await allSites.applied()).toBe('noAccess'));
    expect(registry.current).toBeUndefined();

    granted = true;
    events.added();
    await vi.waitFor(async () => expect(await allSites.applied()).toBe('on'));
    expect(registry.calls).toEqual(['register', 'unregister', 'register']);
  });

  it('registers again at a start when the option is on (Firefox forgets registrations with its background page)', async () => {
    permissionEvents();
    await saveSettings({ allSites: { enabled: true, excluded: [] } });
    const registry = fakeRegistry();
    const allSites = startAllSites({
      settings: loadSettings,
      registry,
      hasAccess: async () => true,
      servedMatches: [],
    });
    expect(await allSites.applied()).toBe('on');
    expect(registry.calls).toEqual(['register']);
  });

  it('gives the page script to the tabs already open at each new registration, not when nothing changed', async () => {
    const events = permissionEvents();
    let granted = false;
    const reached: string[][] = [];
    const allSites = startAllSites({
      settings: loadSettings,
      registry: fakeRegistry(),
      hasAccess: async () => granted,
      servedMatches: ['https://x.com/*'],
      reachOpenTabs: async (registration: PageScriptRegistration) =>
        void reached.push(registration.excludeMatches),
    });
    await saveSettings({ allSites: { enabled: true, excluded: [] } });
    await vi.waitFor(async () => expect(await allSites.applied()).toBe('noAccess'));
    expect(reached).toEqual([]);

    // The user's click granted the access: the tabs open now get the script, before the state says 'on'.
    granted = true;
    events.added();
    expect(await allSites.applied()).toBe('on');
    expect(reached).toEqual([['https://x.com/*']]);

    // Applied again with nothing changed (another permission added): nothing to reach.
    events.added();
    expect(await allSites.applied()).toBe('on');
    expect(reached).toHaveLength(1);

    // A site excluded: registered again, and the open tabs it still covers are reached again (their running copy
    // only looks again: entrypoints/page-script/lifetime.ts).
    await saveSettings({ allSites: { enabled: true, excluded: ['example.com'] } });
    await vi.waitFor(() => expect(reached).toHaveLength(2));
    expect(reached[1]).toEqual(['https://x.com/*', '*://*.example.com/*']);

    // Taken back, then granted again: reached again.
    granted = false;
    events.removed();
    expect(await allSites.applied()).toBe('noAccess');
    granted = true;
    events.added();
    expect(await allSites.applied()).toBe('on');
    expect(reached).toHaveLength(3);
  });
});
