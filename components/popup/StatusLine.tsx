import { useEffect, useState } from 'preact/hooks';
import { textIn } from '../../lib/i18n';
import { relativeTime } from '../../lib/ui/relative-time';
import type { PopupStore } from './popup-store';
import { type PopupStrings, popupStrings, sourceName } from './strings';
import { TodayNote } from './TodayNote';

/** The failed sources of the last sync, in words: "每日文件：HTTP 500". */
export function failureLines(store: PopupStore): string[] {
  const strings = popupStrings(store.lang);
  const failures = (store.status.value?.sources ?? []).filter((source) => source.lastError);
  const lines = failures.map((source) =>
    strings.sourceFailed(sourceName(strings, source.sourceId), textIn(source.lastError ?? '', store.lang)),
  );
  if (store.syncError.value) lines.unshift(store.syncError.value);
  return lines;
}

/** A finished sync that planned nothing: every source is switched off in the options. */
export function allSourcesOff(store: PopupStore): boolean {
  const status = store.status.value;
  return !store.syncRunning.value && !!status?.lastSyncAt && status.sources.length === 0;
}

/**
 * When a sync last brought something in: the newest success of any source. A sync where every source failed still
 * sets `lastSyncAt`, so that alone would say "just now" over a list of errors. Without per-source entries,
 * `lastSyncAt` is all there is.
 */
function lastSuccessAt(store: PopupStore): number | null {
  const status = store.status.value;
  if (!status) return null;
  if (status.sources.length === 0) return status.lastSyncAt;
  const successes = status.sources.map((source) => source.lastSuccessAt ?? 0);
  const newest = Math.max(0, ...successes);
  return newest > 0 ? newest : null;
}

/** When the last sync brought digests in, or why none did. */
function lastSyncText(store: PopupStore, strings: PopupStrings): string {
  const status = store.status.value;
  if (!status) {
    // Nothing is said until the status answers (it is asked once the first items are on screen): not 尚未同步.
    if (store.statusPending.value) return '';
    if (store.statusError.value) return strings.statusFailed(store.statusError.value);
  }
  const lastSuccess = lastSuccessAt(store);
  if (lastSuccess !== null) return strings.lastSync(relativeTime(lastSuccess, store.now(), store.lang));
  return status?.lastSyncAt ? strings.neverSucceeded : strings.neverSynced;
}

export function StatusLine({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const status = store.status.value;
  const running = store.syncRunning.value;
  const progress = status?.progress;
  const failures = running ? [] : failureLines(store);
  const lastSync = lastSyncText(store, strings);
  const noSources = allSourcesOff(store);
  const notice = running || !status?.notice ? null : textIn(status.notice, store.lang);
  // One source failing while another brought the digests in is not the whole sync failing.
  const someSucceeded = (status?.sources ?? []).some((source) => !source.lastError);

  return (
    <div class="status" aria-live="polite">
      <div class="status-row">
        <span class="status-text">
          {running
            ? progress
              ? strings.syncProgress(progress.done, progress.total)
              : strings.syncing
            : lastSync}
        </span>
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus the moment it is pressed. */}
        <button
          type="button"
          class="sync-button"
          aria-disabled={running}
          onClick={() => running || void store.syncNow()}
        >
          {strings.syncNow}
        </button>
      </div>
      {running && (
        <progress
          class="sync-progress"
          max={progress?.total || undefined}
          value={progress && progress.total > 0 ? progress.done : undefined}
        />
      )}
      {status?.memoryOnly && <p class="status-note memory-only">{strings.memoryOnly}</p>}
      {noSources && <p class="status-note">{strings.noSources}</p>}
      {notice && <p class="status-note error">{notice}</p>}
      <TodayNote store={store} />
      {failures.length > 0 && (
        <div class="status-errors error" role="alert">
          <strong>
            {someSucceeded && !store.syncError.value ? strings.syncPartlyFailed : strings.syncFailed}
          </strong>
          <ul>
            {failures.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
