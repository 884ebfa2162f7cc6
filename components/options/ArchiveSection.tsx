import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function ArchiveSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const archive = store.archive.value;
  const running = archive?.state === 'running';
  const shown = archive && archive.state !== 'idle';
  return (
    <section class="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{strings.archive}</h2>
      <p class="hint muted">{strings.archiveHint}</p>
      <div class="row">
        <button
          type="button"
          class="primary archive-start"
          disabled={running}
          onClick={() => void store.startArchiveImport()}
        >
          {strings.archiveStart}
        </button>
        {running && (
          <button type="button" class="archive-cancel" onClick={() => void store.cancelArchiveImport()}>
            {strings.archiveCancel}
          </button>
        )}
      </div>
      {shown && (
        <div class="archive-status" aria-live="polite">
          <progress class="archive-progress" max={archive.total || 1} value={archive.done} />
          <p class="archive-state">
            {strings.archiveStates[archive.state]} · {strings.archiveProgress(archive.done, archive.total)}
          </p>
          <p class="archive-counts">
            {strings.archiveCounts(archive.stored, archive.notFound, archive.failed)}
          </p>
          {archive.error && <p class="error archive-error">{archive.error}</p>}
        </div>
      )}
      <NoticeLine notice={store.archiveNotice.value} name="archive" />
    </section>
  );
}
