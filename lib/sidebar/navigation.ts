/**
 * In-app navigation: a change of path or query is a new page; a change of the fragment alone is not. A
 * navigation to another origin leaves the document (the Navigation API announces it before the page unloads):
 * the next page gets its own content script, so this one has nothing to look up.
 */
export function isNewPage(oldUrl: string | URL, newUrl: string | URL): boolean {
  const before = new URL(String(oldUrl));
  const after = new URL(String(newUrl));
  if (before.origin !== after.origin) return false;
  before.hash = '';
  after.hash = '';
  return before.href !== after.href;
}

/** Windows narrower than this start with the sidebar collapsed, so it never covers a narrow page. */
export const NARROW_WINDOW_PX = 900;

export function startsCollapsed(storedCollapsed: boolean, windowWidth: number): boolean {
  return storedCollapsed || windowWidth < NARROW_WINDOW_PX;
}
