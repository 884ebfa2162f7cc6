import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusNewRow } from '../shared/focus-new-row';
import { ItemCard } from './ItemCard';
import type { PopupStore } from './popup-store';
import { tabId, tabPanelId } from './SectionTabs';
import { popupStrings } from './strings';

/** Items shown at first and added by each "show more": a digest far larger than its usual ten stays quick. */
export const ITEM_PAGE = 50;

/** One section of the shown digest. Mounted again (key) for each digest and section, so the bound starts over. */
export function ItemList({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const listRef = useRef<HTMLOListElement>(null);
  const digest = store.digest.value;
  const items = store.sectionItems.value;
  const target = store.focusTarget.value;
  const targetIndex = target ? items.findIndex((item) => item.rank === target.rank) : -1;
  const [limit, setLimit] = useState(ITEM_PAGE);
  const shown = Math.max(limit, targetIndex + 1);
  const expectRowAt = useFocusNewRow(listRef);

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
  const rest = items.length - shown;
  return (
    <div role="tabpanel" id={tabPanelId(section)} aria-labelledby={tabId(section)}>
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
