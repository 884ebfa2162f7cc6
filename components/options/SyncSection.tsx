import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

const INTERVALS = [1, 3, 6, 12, 24, 48];

/** 立即同步, with the running sync's progress (one this page started or not) and its failure in words. */
function SyncNowRow({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const progress = store.syncStatus.value?.progress;
  const running = store.syncing.value || store.syncStatus.value?.running === true;
  return (
    <div class="sync-now" aria-live="polite">
      <div class="row">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus the moment it is pressed. */}
        <button type="button" aria-disabled={running} onClick={() => running || void store.syncNow()}>
          {strings.syncNow}
        </button>{' '}
        {running && (
          <span class="sync-state">
            {progress ? strings.syncProgress(progress.done, progress.total) : strings.syncing}
          </span>
        )}
      </div>
      {running && (
        <progress
          aria-label={strings.syncing}
          max={progress?.total || undefined}
          value={progress && progress.total > 0 ? progress.done : undefined}
        />
      )}
      <NoticeLine notice={store.syncNotice.value} name="sync" />
    </div>
  );
}

export function SyncSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const settings = store.settings.value;
  if (!settings) return null;
  const draft = store.retentionDraft.value;
  // Typed and not saved yet; not said beside the notice of an invalid value, which says why it was not.
  const unsaved = draft !== null && Number(draft) !== settings.retentionDays && !store.retentionNotice.value;
  const intervals = INTERVALS.includes(settings.syncIntervalHours)
    ? INTERVALS
    : [...INTERVALS, settings.syncIntervalHours].sort((a, b) => a - b);
  return (
    <section class="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{strings.sync}</h2>
      <div class="row">
        <label for="sync-interval">{strings.syncInterval}</label>
        <select
          id="sync-interval"
          name="sync-interval"
          value={String(settings.syncIntervalHours)}
          onChange={(event) => void store.update({ syncIntervalHours: Number(event.currentTarget.value) })}
        >
          {intervals.map((hours) => (
            <option key={hours} value={String(hours)}>
              {strings.hours(hours)}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <label for="retention-days">{strings.retention}</label>
        <input
          id="retention-days"
          name="retention-days"
          type="number"
          min={7}
          max={3650}
          step={1}
          value={draft ?? String(settings.retentionDays)}
          aria-describedby={unsaved ? 'retention-unsaved' : undefined}
          onInput={(event) => store.typeRetention(event.currentTarget.value)}
          onChange={(event) => void store.setRetention(event.currentTarget.value)}
        />{' '}
        {strings.days}
        {unsaved && (
          <span id="retention-unsaved" class="unsaved muted">
            {strings.retentionUnsaved}
          </span>
        )}
      </div>
      <p class="hint muted">{strings.retentionHint}</p>
      <NoticeLine notice={store.retentionNotice.value} name="retention" />
      <SyncNowRow store={store} />
    </section>
  );
}
