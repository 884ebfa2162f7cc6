import { shanghaiMinutes } from '../../lib/sync/dates';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/** From 9:00 in Shanghai, a digest that usually arrives around 8:40 is late: the note says it is not in yet. */
const LATE_FROM_MINUTES = 9 * 60;

/**
 * Before today's digest is stored (it may not be out yet), say when it usually arrives, and past that hour that it
 * is not in yet; not before the status has answered, which may know of today's.
 */
export function TodayNote({ store }: { store: PopupStore }) {
  if (store.loading.value || store.statusPending.value || !store.digest.value || store.todayStored.value)
    return null;
  const strings = popupStrings(store.lang);
  const late = shanghaiMinutes(store.now()) >= LATE_FROM_MINUTES;
  return <p class="status-note today-note">{late ? strings.todayLate : strings.todayUsually}</p>;
}
