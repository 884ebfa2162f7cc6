import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/** Before today's digest is stored (it may not be out yet), say when it usually arrives. */
export function TodayNote({ store }: { store: PopupStore }) {
  if (store.loading.value || !store.digest.value || store.todayStored.value) return null;
  return <p class="status-note today-note">{popupStrings(store.lang).todayUsually}</p>;
}
