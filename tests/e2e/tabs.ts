/** Web pages in tabs, seen as the extension sees them: tab ids and badge texts, no URLs (no `tabs` permission). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from './harness';

/** The id of every open tab with its badge text, read in the worker. */
export async function badges(session: ExtensionSession): Promise<Map<number, string>> {
  const entries = await session.worker.evaluate(async () => {
    const result: [number, string][] = [];
    for (const tab of await chrome.tabs.query({}))
      if (tab.id !== undefined) result.push([tab.id, await chrome.action.getBadgeText({ tabId: tab.id })]);
    return result;
  });
  return new Map(entries);
}

/** Open `url` in a new tab and answer that tab's id: the one tab that was not there before. */
export async function openTab(session: ExtensionSession, url: string): Promise<{ tab: Page; tabId: number }> {
  const before = new Set((await badges(session)).keys());
  const tab = await session.context.newPage();
  await tab.goto(url);
  const added = [...(await badges(session)).keys()].filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return { tab, tabId: added[0] as number };
}

/** The card's host elements in a page: children of <html> named `digest-lens-` and 16 random characters (what the
 * page itself can see of the card: the element, not its closed inside). */
export const cardHosts = (page: Page) =>
  page.evaluate(
    () =>
      [...document.documentElement.children].filter((node) =>
        /^digest-lens-[0-9a-z]{16}$/.test(node.localName),
      ).length,
  );
