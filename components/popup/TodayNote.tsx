import { todayIsLate } from '../../lib/sync/schedule';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/**
 * Before today's digest is stored (it may not be out yet), say when it usually arrives, and past that hour that it
 * is not in yet; not before the status has answered, which may know of today's.
 */
export function TodayNote({ store }: { store: PopupStore }) {
  if (store.loading.value || store.statusPending.value || !store.digest.value || store.todayStored.value)
    return null;
  const strings = popupStrings(store.lang);
  return (
    <p class="status-note today-note">
      {todayIsLate(store.now()) ? strings.todayLate : strings.todayUsually}
    </p>
  );
}
