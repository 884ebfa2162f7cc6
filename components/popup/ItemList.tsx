import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useFocusNewRow } from '../shared/focus-new-row';
import { ItemCard } from './ItemCard';
import type { PopupStore } from './popup-store';
import { tabId, tabPanelId } from './SectionTabs';
import { popupStrings } from './strings';

/** Items shown at first and added by each "show more": a digest far larger than its usual ten stays quick. */
export const ITEM_PAGE = 50;

/**
 * Items in the page's first frame (issue 13: the first item painted < 100 ms): about the popup's first screen; the
 * rest follow once they are painted. Measured in Chromium 156 on 2026-12-01 (opens taken in turn, load 6–9): from
 * the first item in the DOM to it painted took 18–24 ms with one row, 29–41 ms with a day's ten, the frame's style,
 * layout, paint and raster growing with every row of summary text.
 */
export const FIRST_FRAME_ITEMS = 3;

/** One section of the shown digest. Mounted again (key) for each digest and section, so the bound starts over. */
export function ItemList({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const listRef = useRef<HTMLOListElement>(null);
  const digest = store.digest.value;
  const items = store.sectionItems.value;
  const target = store.focusTarget.value;
  const targetIndex = target ? items.findIndex((item) => item.rank === target.rank) : -1;
  const [limit, setLimit] = useState(ITEM_PAGE);
  const bound = store.firstScreenShown.value ? limit : Math.min(limit, FIRST_FRAME_ITEMS);
  const shown = Math.max(bound, targetIndex + 1);
  const expectRowAt = useFocusNewRow(listRef);
  const panelRef = useRef<HTMLDivElement>(null);

  // A new day or tab starts at its first item: a reader scrolled down the last list is brought back to the day's
  // header (its ‹ › and tabs in view, the first item under them). A search hit's row is scrolled to after this.
  // Not for the page's first list, which nothing has scrolled yet: measuring it forced the first frame's whole
  // style and layout before the item reached the page (issue 13; ~9 ms of CPU, traced in Chromium 156 on 2026-12-01).
  useLayoutEffect(() => {
    if (!store.firstScreenShown.peek()) return;
    const day = panelRef.current?.closest('.digest');
    const scroller = day?.closest('.content');
    if (!day || !scroller) return;
    const top = day.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (scroller.scrollTop > top) scroller.scrollTop = top;
  }, []);

  // Opening a search hit: once its digest and tab are shown, scroll to the item and focus it.
  useEffect(() => {
    if (!target || !digest || digest.date !== target.date || store.section.value !== target.section) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-rank="${target.rank}"]`);
    if (!row) return;
    row.scrollIntoView?.({ block: 'center' });
    row.focus();
    // The target's row stays shown once the target is consumed.
    setLimit(shown);
    store.focusTarget.value = null;
  });

  if (!digest) return null;
  const section = store.section.value;
  // The rest of a day's items are not "more" to ask for while the first frame is being drawn.
  const rest = store.firstScreenShown.value ? items.length - shown : 0;
  return (
    <div ref={panelRef} role="tabpanel" id={tabPanelId(section)} aria-labelledby={tabId(section)}>
      {items.length === 0 ? (
        <p class="notice muted">{strings.noItems}</p>
      ) : (
        <ol class="items" ref={listRef}>
          {items.slice(0, shown).map((item) => (
            <li key={`${digest.date}-${item.section}-${item.rank}`}>
              <ItemCard item={item} date={digest.date} store={store} />
            </li>
          ))}
        </ol>
      )}
      {rest > 0 && (
        <button
          type="button"
          class="more-items"
          onClick={() => {
            expectRowAt(shown);
            setLimit(shown + ITEM_PAGE);
          }}
        >
          {strings.moreItems(rest)}
        </button>
      )}
    </div>
  );
}
