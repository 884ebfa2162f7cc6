import type { PopupStore } from './popup-store';
import { allSourcesOff, failureLines } from './StatusLine';
import { popupStrings } from './strings';

/**
 * No digest shown: say why (first run, still fetching, the sync failing, or the stored digests unreadable) and offer
 * the retry that fits: a sync, or reading the store again.
 */
export function EmptyState({ store, openOptions }: { store: PopupStore; openOptions?: () => void }) {
  const strings = popupStrings(store.lang);
  // Kept in memory only (private browsing): nothing is stored, so no words may suggest that something is.
  const memoryOnly = store.status.value?.memoryOnly === true;
  const emptyTitle = memoryOnly ? strings.emptyTitleMemory : strings.emptyTitle;
  if (store.loadError.value) {
    return (
      <section class="empty">
        <p class="muted">{memoryOnly ? strings.emptyLoadFailedMemory : strings.emptyLoadFailed}</p>
        <button type="button" class="primary retry" onClick={() => void store.reload()}>
          {strings.retry}
        </button>
      </section>
    );
  }
  const running = store.syncRunning.value;
  const failed = !running && failureLines(store).length > 0;
  // Every source switched off: a sync would fetch nothing, the way out is the options page.
  if (allSourcesOff(store)) {
    return (
      <section class="empty">
        <h2>{emptyTitle}</h2>
        {openOptions && (
          <button type="button" class="primary open-options" onClick={openOptions}>
            {strings.enableSources}
          </button>
        )}
      </section>
    );
  }
  return (
    <section class="empty">
      <h2>{emptyTitle}</h2>
      <p class="muted">
        {running ? strings.emptyWaiting : failed ? strings.emptyFailed : strings.emptyFirstRun}
      </p>
      <button
        type="button"
        class="primary retry"
        aria-disabled={running}
        onClick={() => running || void store.syncNow()}
      >
        {strings.retry}
      </button>
    </section>
  );
}
