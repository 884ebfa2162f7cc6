import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/**
 * Before today's digest is stored (it may not be out yet), say when it usually arrives; not before the status has
 * answered, which may know of today's.
 */
export function TodayNote({ store }: { store: PopupStore }) {
  if (store.loading.value || store.statusPending.value || !store.digest.value || store.todayStored.value)
    return null;
  return <p class="status-note today-note">{popupStrings(store.lang).todayUsually}</p>;
}
