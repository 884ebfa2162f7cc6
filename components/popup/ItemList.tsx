import { useEffect, useRef } from 'preact/hooks';
import { ItemCard } from './ItemCard';
import type { PopupStore } from './popup-store';
import { tabId, tabPanelId } from './SectionTabs';
import { popupStrings } from './strings';

export function ItemList({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const listRef = useRef<HTMLOListElement>(null);
  const digest = store.digest.value;
  const items = store.sectionItems.value;
  const target = store.focusTarget.value;

  // Opening a search hit: once its digest and tab are shown, scroll to the item and focus it.
  useEffect(() => {
    if (!target || !digest || digest.date !== target.date || store.section.value !== target.section) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-rank="${target.rank}"]`);
    if (!row) return;
    row.scrollIntoView?.({ block: 'center' });
    row.focus();
    store.focusTarget.value = null;
  });

  if (!digest) return null;
  const section = store.section.value;
  return (
    <div role="tabpanel" id={tabPanelId(section)} aria-labelledby={tabId(section)}>
      {items.length === 0 ? (
        <p class="notice muted">{strings.noItems}</p>
      ) : (
        <ol class="items" ref={listRef}>
          {items.map((item) => (
            <li key={`${digest.date}-${item.section}-${item.rank}`}>
              <ItemCard item={item} date={digest.date} store={store} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
