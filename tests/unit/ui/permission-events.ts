/** The fake browser has no permission events: these stand in for the browser's, each fired by hand. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function permissionEvents() {
  const listen = (event: typeof fakeBrowser.permissions.onAdded) => {
    const listeners: (() => void)[] = [];
    vi.spyOn(event, 'addListener').mockImplementation(
      (listener) => void listeners.push(listener as () => void),
    );
    return () => {
      for (const listener of listeners) listener();
    };
  };
  return {
    added: listen(fakeBrowser.permissions.onAdded),
    removed: listen(fakeBrowser.permissions.onRemoved),
  };
}
