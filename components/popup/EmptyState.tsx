import type { PopupStore } from './popup-store';
import { failureLines } from './StatusLine';
import { popupStrings } from './strings';

/** No digest stored: say why (first run, still fetching, or failing) and offer a retry. */
export function EmptyState({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const running = store.syncRunning.value;
  const failed = !running && failureLines(store).length > 0;
  return (
    <section class="empty">
      <h2>{strings.emptyTitle}</h2>
      <p class="muted">
        {running ? strings.emptyWaiting : failed ? strings.emptyFailed : strings.emptyFirstRun}
      </p>
      <button type="button" class="primary retry" disabled={running} onClick={() => void store.syncNow()}>
        {strings.retry}
      </button>
    </section>
  );
}
