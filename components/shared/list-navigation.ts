/**
 * Arrow-key movement between the focusable rows of a list (items, search results) marked `data-nav-item`.
 * Returns true when it handled the key, so the caller can prevent the default scroll. `aboveFirst`, when given, takes
 * the focus on ArrowUp from the first row (the reader's search box, whose ArrowDown leads to that row).
 */
export const NAV_ITEM_SELECTOR = '[data-nav-item]';

export function moveFocus(container: Element, key: string, aboveFirst?: () => void): boolean {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return false;
  const rows = [...container.querySelectorAll<HTMLElement>(NAV_ITEM_SELECTOR)];
  if (rows.length === 0) return false;
  const active = container.ownerDocument.activeElement;
  const current = rows.findIndex((row) => row === active || row.contains(active));
  if (current === 0 && key === 'ArrowUp' && aboveFirst) {
    aboveFirst();
    return true;
  }
  const next =
    current === -1 ? (key === 'ArrowDown' ? 0 : rows.length - 1) : current + (key === 'ArrowDown' ? 1 : -1);
  rows[Math.min(rows.length - 1, Math.max(0, next))]?.focus();
  return true;
}
