/**
 * Whether the user collapsed the sidebar, remembered across pages and tabs in `storage.local`. Read and written by
 * the background only (the lookup's `collapsed`, the `setCardCollapsed` message): content scripts have no
 * storage.local, and the card must never import this module.
 */
import { browser } from 'wxt/browser';

export const COLLAPSED_KEY = 'sidebarCollapsed';

export async function loadCollapsed(): Promise<boolean> {
  try {
    const stored = await browser.storage.local.get(COLLAPSED_KEY);
    return stored[COLLAPSED_KEY] === true;
  } catch {
    return false;
  }
}

export async function saveCollapsed(collapsed: boolean): Promise<void> {
  try {
    await browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
  } catch {
    // The extension was reloaded under this page: the old script has nothing to remember.
  }
}
