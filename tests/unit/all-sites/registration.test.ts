import { describe, expect, it } from 'vitest';
import { ALL_SITES_SCRIPT_ID, applyAllSites, registrationFor } from '../../../lib/all-sites/registration';
import { fakeRegistry } from './fake-registry';

const SERVED = ['https://x.com/*', 'https://github.com/*'];
const on = (excluded: string[] = []) => ({ enabled: true, excluded });
const off = { enabled: false, excluded: [] };

describe('the page script on all sites', () => {
  it('runs the lean page script on every https page, at document_start, top frame only', () => {
    expect(registrationFor(['example.com'], SERVED)).toEqual({
      id: ALL_SITES_SCRIPT_ID,
      matches: ['https://*/*'],
      excludeMatches: ['https://x.com/*', 'https://github.com/*', '*://*.example.com/*'],
      js: ['page-script.js'],
      runAt: 'document_start',
      allFrames: false,
    });
  });

  it('registers nothing while the option is off', async () => {
    const registry = fakeRegistry();
    expect(await applyAllSites(off, true, SERVED, registry)).toBe('off');
    expect(registry.calls).toEqual([]);
  });

  it('registers once when on and granted; the same again changes nothing', async () => {
    const registry = fakeRegistry();
    expect(await applyAllSites(on(), true, SERVED, registry)).toBe('on');
    expect(await applyAllSites(on(), true, SERVED, registry)).toBe('on');
    expect(registry.calls).toEqual(['register']);
    expect(registry.current?.matches).toEqual(['https://*/*']);
  });

  it('registers again when the excluded sites change', async () => {
    const registry = fakeRegistry();
    await applyAllSites(on(), true, SERVED, registry);
    await applyAllSites(on(['example.com']), true, SERVED, registry);
    expect(registry.calls).toEqual(['register', 'unregister', 'register']);
    expect(registry.current?.excludeMatches).toContain('*://*.example.com/*');
  });

  it('registers nothing without the access, and says the access is missing', async () => {
    const registry = fakeRegistry();
    expect(await applyAllSites(on(), false, SERVED, registry)).toBe('noAccess');
    expect(registry.calls).toEqual([]);
  });

  it('unregisters when the access is removed in the browser', async () => {
    const registry = fakeRegistry();
    await applyAllSites(on(), true, SERVED, registry);
    expect(await applyAllSites(on(), false, SERVED, registry)).toBe('noAccess');
    expect(registry.current).toBeUndefined();
  });

  it('unregisters when the option is turned off', async () => {
    const registry = fakeRegistry();
    await applyAllSites(on(), true, SERVED, registry);
    expect(await applyAllSites(off, true, SERVED, registry)).toBe('off');
    expect(registry.calls).toEqual(['register', 'unregister']);
  });
});
