import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { NAV_ITEM_SELECTOR } from './list-navigation';

/**
 * After "show more" adds rows to a list, the focus moves to the first new row: the button that was pressed may be
 * gone (nothing more to show), and a keyboard user would be left on the page's body. Returns `expectRowAt(index)`,
 * called before asking for more; the row at that index takes the focus once it is rendered.
 */
export function useFocusNewRow(listRef: RefObject<HTMLElement | null>): (index: number) => void {
  const pending = useRef<number | null>(null);
  useEffect(() => {
    const index = pending.current;
    if (index === null) return;
    const row = listRef.current?.querySelectorAll<HTMLElement>(NAV_ITEM_SELECTOR)[index];
    if (!row) return;
    pending.current = null;
    row.focus();
  });
  return (index) => {
    pending.current = index;
  };
}
