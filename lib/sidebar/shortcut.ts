/**
 * The keyboard shortcut that opens, collapses and expands the card (`commands` in wxt.config.ts). Named where the
 * user meets the card (its buttons' names), on the options page, and beside the badge-only choice; read from the
 * browser, because the user may have changed it, or Chrome left it unassigned when another extension had it.
 */
import { browser } from 'wxt/browser';

export const TOGGLE_COMMAND = 'toggle-sidebar';
/** Chrome's page for extension shortcuts: a link cannot open it, `tabs.create` from an extension page can. */
export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export interface BrowserCommand {
  name?: string;
  shortcut?: string;
}

/** The toggle command's key, or null when it has none (unassigned, or the user cleared it). */
export function toggleShortcut(commands: readonly BrowserCommand[]): string | null {
  const shortcut = commands.find((command) => command.name === TOGGLE_COMMAND)?.shortcut;
  return shortcut ? shortcut : null;
}

/**
 * The toggle command's key as the browser has it now; `undefined` where the browser cannot say (no `commands` API
 * in this context), null when the command has no key.
 */
export async function readToggleShortcut(
  commands: { getAll?: () => Promise<BrowserCommand[]> } | undefined = browser.commands,
): Promise<string | null | undefined> {
  try {
    if (typeof commands?.getAll !== 'function') return undefined;
    return toggleShortcut(await commands.getAll());
  } catch {
    return undefined;
  }
}
