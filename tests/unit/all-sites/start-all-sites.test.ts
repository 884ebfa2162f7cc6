import { describe, expect, it, vi } from 'vitest';
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
});
