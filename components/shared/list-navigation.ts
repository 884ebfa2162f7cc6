/**
 * Arrow-key movement between the focusable rows of a list (items, search results) marked `data-nav-item`.
 * Returns true when it handled the key, so the caller can prevent the default scroll.
 *
 * The rows are one list in the page's order, and the focus moves to the nearest row in the direction pressed, from a
 * row or from a control between them (a tab, 全部标为已读, ‹ ›, 显示更多): ArrowDown from the tabs enters the day's
 * list at its first row, ArrowUp from them goes up, never round to the list's last row (QA 13). `aboveFirst`, when
 * given, takes the focus on ArrowUp with no row above (the reader's search box, whose ArrowDown leads to the first row).
 */
export const NAV_ITEM_SELECTOR = '[data-nav-item]';

export function moveFocus(container: Element, key: string, aboveFirst?: () => void): boolean {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return false;
  const active = container.ownerDocument.activeElement;
  if (!active) return false;
  // A row folded in a closed <details> (本页相关's related items) cannot take the focus: the arrows stopped at it.
  const rows = [...container.querySelectorAll<HTMLElement>(NAV_ITEM_SELECTOR)].filter(
    (row) => !row.closest('details:not([open])'),
  );
  const target =
    key === 'ArrowDown'
      ? rows.find((row) => isBelow(row, active))
      : rows.findLast((row) => isAbove(row, active));
  if (target) {
    target.focus();
    return true;
  }
  if (key === 'ArrowUp' && aboveFirst) {
    aboveFirst();
    return true;
  }
  // A row at the list's end keeps the focus; from a control below the last row, the key scrolls as usual.
  return rows.some((row) => row.contains(active));
}

function isBelow(row: Element, active: Element): boolean {
  return (active.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** `row` comes before `active` in the page and is not the row `active` is in. */
function isAbove(row: Element, active: Element): boolean {
  const position = active.compareDocumentPosition(row);
  const before = (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  return before && (position & Node.DOCUMENT_POSITION_CONTAINS) === 0;
}
