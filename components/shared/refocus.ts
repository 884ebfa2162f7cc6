/**
 * After an action that may remove the focused control (a removed row, a grant button that is no longer needed): once
 * the page has rendered, focus `fallback()` if the focus was lost to the page's body. A keyboard user then carries on
 * from a neighbour instead of from the top of the page.
 */
export function refocusIfLost(
  lostFrom: Element | null,
  fallback: () => HTMLElement | null | undefined,
): void {
  setTimeout(() => {
    if (lostFrom?.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    fallback()?.focus();
  }, 0);
}
