// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSidebarHost, sidebarHostName } from '../../../lib/sidebar/host-name';

// A valid custom element name: starts with a-z, has a hyphen, only lower-case letters, digits and hyphens.
const CUSTOM_ELEMENT_NAME = /^[a-z][a-z0-9]*-[a-z0-9-]*$/;

describe('the card host name', () => {
  it('is a valid custom element name, new on every load, never the old fixed digest-lens-sidebar', () => {
    const names = new Set(Array.from({ length: 200 }, () => sidebarHostName()));
    expect(names.size).toBe(200);
    for (const name of names) {
      expect(name).toMatch(CUSTOM_ELEMENT_NAME);
      expect(name).not.toBe('digest-lens-sidebar');
    }
  });

  it('spells its random bytes in base 36, two characters each', () => {
    expect(sidebarHostName(new Uint8Array([0, 1, 35, 36, 255, 128, 7, 200]))).toBe(
      'digest-lens-00010z10733k075k',
    );
  });

  it('recognises card hosts and nothing else', () => {
    expect(isSidebarHost(document.createElement(sidebarHostName()))).toBe(true);
    expect(isSidebarHost(document.createElement('digest-lens-sidebar'))).toBe(false);
    expect(isSidebarHost(document.createElement('body'))).toBe(false);
  });
});
