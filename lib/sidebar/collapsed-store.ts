/**
 * The page card's remembered presentation. Whether the user collapsed the sidebar, remembered across pages and tabs in `storage.local`. Read and written by
 * the background only (the lookup's `collapsed`, the `setCardCollapsed` message): content scripts have no
 * storage.local, and the card must never import this module.
 */
import { browser } from 'wxt/browser';
import type { CardLayout } from '../schema';

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

/**
 * How the open card is shown, remembered like its collapse: docked (the page makes room, the default: it covers
 * nothing) or over the page (the user's choice, a floating panel as in earlier versions).
 */
export const LAYOUT_KEY = 'sidebarLayout';

export async function loadLayout(): Promise<CardLayout> {
  try {
    const stored = await browser.storage.local.get(LAYOUT_KEY);
    return stored[LAYOUT_KEY] === 'over' ? 'over' : 'docked';
  } catch {
    return 'docked';
  }
}

export async function saveLayout(layout: CardLayout): Promise<void> {
  try {
    await browser.storage.local.set({ [LAYOUT_KEY]: layout });
  } catch {
    // As for the collapse: nothing to remember for a script whose extension was reloaded.
  }
}
