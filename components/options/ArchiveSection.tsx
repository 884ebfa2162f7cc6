import { useEffect, useRef } from 'preact/hooks';
import { textIn } from '../../lib/i18n';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function ArchiveSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const archive = store.archive.value;
  const running = archive?.state === 'running';
  const shown = archive && archive.state !== 'idle';
  // Start is disabled while the import runs and Cancel then goes away: move the focus along so it is never lost.
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Only a change seen on this page moves the focus, never the first status to arrive (that would scroll on load).
  const wasRunning = useRef<boolean | undefined>(archive ? running : undefined);
  useEffect(() => {
    if (!archive) return;
    const before = wasRunning.current;
    wasRunning.current = running;
    if (before === undefined || before === running) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || active === startRef.current;
    if (running && lost) cancelRef.current?.focus();
    else if (!running && lost) startRef.current?.focus();
  }, [archive, running]);
  return (
    <section class="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{strings.archive}</h2>
      <p class="hint muted">{strings.archiveHint}</p>
      <div class="row">
        <button
          type="button"
          class="primary archive-start"
          ref={startRef}
          disabled={running}
          onClick={() => void store.startArchiveImport()}
        >
          {strings.archiveStart}
        </button>
        {running && (
          <button
            ref={cancelRef}
            type="button"
            class="archive-cancel"
            onClick={() => void store.cancelArchiveImport()}
          >
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
          {archive.error && <p class="error archive-error">{textIn(archive.error, store.lang)}</p>}
          {archive.state === 'done' && archive.stored === 0 && archive.notFound > 0 && (
            <p class="error archive-empty">{strings.archiveNothingFound}</p>
          )}
        </div>
      )}
      <NoticeLine notice={store.archiveNotice.value} name="archive" />
    </section>
  );
}
