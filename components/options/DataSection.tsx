import { useEffect, useRef } from 'preact/hooks';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function DataSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const busy = store.busy.value;
  const confirming = store.confirmingClear.value;
  const clearRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // The clear button is disabled while the question is open: focus the safe answer, then come back to the button
  // (never disabled while busy, so it can take the focus back: the store ignores a data action while one runs).
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) clearRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  // Esc answers "no" wherever the focus went: Tab or Shift+Tab out of the question left it open, Esc deaf to it and
  // the clear button disabled (QA 2026-12-02).
  useEffect(() => {
    if (!confirming) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) store.confirmingClear.value = false;
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [confirming, store]);

  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{strings.data}</h2>
      <div class="row">
        <button type="button" class="export" aria-disabled={busy} onClick={() => void store.exportData()}>
          {strings.exportData}
        </button>
        <label class="file-button">
          {strings.importData}
          <input
            type="file"
            name="import-file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void store.importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
        <button
          ref={clearRef}
          type="button"
          class="clear danger"
          aria-disabled={busy}
          disabled={confirming}
          onClick={() => {
            if (!busy) store.confirmingClear.value = true;
          }}
        >
          {strings.clearData}
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="clear-question">
          <p id="clear-question">{strings.clearConfirm}</p>
          <button type="button" class="danger clear-yes" onClick={() => void store.confirmClear()}>
            {strings.clearYes}
          </button>{' '}
          <button
            ref={keepRef}
            type="button"
            class="clear-no"
            onClick={() => (store.confirmingClear.value = false)}
          >
            {strings.clearNo}
          </button>
        </div>
      )}
      <NoticeLine notice={store.dataNotice.value} name="data" />
    </section>
  );
}
