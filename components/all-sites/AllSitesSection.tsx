import { NoticeLine } from '../options/NoticeLine';
import type { AllSitesStore } from './all-sites-store';
import { allSitesStrings } from './strings';

export function AllSitesSection({ store }: { store: AllSitesStore }) {
  const strings = allSitesStrings(store.lang);
  const state = store.state.value;
  if (state === null) return null;
  return (
    <section class="card" aria-labelledby="all-sites-heading">
      <h2 id="all-sites-heading">{strings.heading}</h2>
      <div class="row">
        <label>
          <input
            type="checkbox"
            name="all-sites"
            checked={state === 'on'}
            onChange={(event) => void (event.currentTarget.checked ? store.turnOn() : store.turnOff())}
          />{' '}
          {strings.toggle}
        </label>
      </div>
      <p class="hint">{strings.hint}</p>
      {state === 'noAccess' ? (
        <NoticeLine notice={{ kind: 'error', text: strings.noAccess }} name="all-sites-access" />
      ) : (
        <NoticeLine notice={store.notice.value} name="all-sites" />
      )}
      <label class="row" for="all-sites-excluded">
        {strings.excluded}
      </label>
      <p class="hint" id="all-sites-excluded-hint">
        {strings.excludedHint}
      </p>
      <textarea
        id="all-sites-excluded"
        name="all-sites-excluded"
        rows={3}
        aria-describedby="all-sites-excluded-hint"
        value={store.excludedText.value}
        onInput={(event) => (store.excludedText.value = event.currentTarget.value)}
      />
      <div class="row">
        <button type="button" onClick={() => void store.saveExcluded()}>
          {strings.saveExcluded}
        </button>
      </div>
      <NoticeLine notice={store.excludedNotice.value} name="all-sites-excluded" />
    </section>
  );
}
