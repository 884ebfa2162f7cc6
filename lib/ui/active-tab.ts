/**
 * Which tab the popup is about. Opened from the toolbar, it is the active tab of the popup's window, found with
 * `tabs.query` (allowed without the `tabs` permission: the id is given, the URL is not).
 *
 * Test hook: `popup.html?tab=<id>` names the tab instead. End-to-end tests open the popup as a page in a tab of its
 * own, which then is the active tab; the hook lets them name the page's tab. It is chosen over asking the background
 * for "the tab that looked up last" because that guess is wrong for a real user who switched to a tab of another
 * site (no content script, so no lookup) and would show the previous page's items there. The hook reveals nothing:
 * any extension page may ask for any tab's matches already.
 */
export async function activeTabId(
  search: string,
  queryActive: () => Promise<{ id?: number }[]>,
): Promise<number | undefined> {
  const named = new URLSearchParams(search).get('tab');
  if (named !== null) return /^\d{1,15}$/.test(named) ? Number(named) : undefined;
  const [tab] = await queryActive();
  return tab?.id;
}
