import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function DataSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const busy = store.busy.value;
  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{strings.data}</h2>
      <div class="row">
        <button type="button" class="export" disabled={busy} onClick={() => void store.exportData()}>
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
          type="button"
          class="clear danger"
          disabled={busy || store.confirmingClear.value}
          onClick={() => (store.confirmingClear.value = true)}
        >
          {strings.clearData}
        </button>
      </div>
      {store.confirmingClear.value && (
        <div class="confirm" role="alertdialog" aria-label={strings.clearData}>
          <p>{strings.clearConfirm}</p>
          <button type="button" class="danger clear-yes" onClick={() => void store.confirmClear()}>
            {strings.clearYes}
          </button>{' '}
          <button type="button" class="clear-no" onClick={() => (store.confirmingClear.value = false)}>
            {strings.clearNo}
          </button>
        </div>
      )}
      <NoticeLine notice={store.dataNotice.value} name="data" />
    </section>
  );
}
