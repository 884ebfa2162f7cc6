import { useRef } from 'preact/hooks';
import { textIn } from '../../lib/i18n';
import { relativeTime } from '../../lib/ui/relative-time';
import { refocusIfLost } from '../shared/refocus';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function SourcesSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const settings = store.settings.value;
  const listRef = useRef<HTMLUListElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  if (!settings) return null;
  const rowControl = (id: string | undefined, selector: string) =>
    id === undefined
      ? null
      : listRef.current?.querySelector<HTMLElement>(`[data-source-id="${CSS.escape(id)}"] ${selector}`);
  // A removed row takes its button along: the focus goes to the next row's, or the previous one's, or the URL field.
  const remove = (id: string, button: Element) => {
    const ids = settings.customSources.map((source) => source.id);
    const index = ids.indexOf(id);
    const neighbour = ids[index + 1] ?? ids[index - 1];
    void store
      .removeCustomSource(id)
      .then(() => refocusIfLost(button, () => rowControl(neighbour, '.remove') ?? urlRef.current));
  };
  // Once access is given the grant button goes: the focus stays in its row, on the remove button.
  const grant = (id: string, button: Element) =>
    void store.grantCustomSource(id).then(() => refocusIfLost(button, () => rowControl(id, '.remove')));
  const defaults = [
    { key: 'dated', label: strings.sourceDated },
    { key: 'homepage', label: strings.sourceHomepage },
    { key: 'trending', label: strings.sourceTrending },
  ] as const;
  return (
    <section class="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{strings.sources}</h2>
      {defaults.map(({ key, label }) => (
        <div class="row" key={key}>
          <label>
            <input
              type="checkbox"
              name={`source-${key}`}
              checked={settings.sources[key]}
              onChange={(event) =>
                void store.update({ sources: { ...settings.sources, [key]: event.currentTarget.checked } })
              }
            />{' '}
            {label}
          </label>
          <SourceHealth store={store} sourceId={key} />
        </div>
      ))}

      <h3>{strings.customSources}</h3>
      <p class="hint muted">{strings.customHint}</p>
      {settings.customSources.length === 0 ? (
        <p class="muted">{strings.noCustomSources}</p>
      ) : (
        <ul class="custom-sources" ref={listRef}>
          {settings.customSources.map((source) => (
            <li key={source.id} class="row custom-source" data-source-id={source.id}>
              <label>
                <input
                  type="checkbox"
                  checked={source.enabled}
                  aria-label={strings.enableSource(source.url)}
                  onChange={(event) => void store.toggleCustomSource(source.id, event.currentTarget.checked)}
                />{' '}
                <span class="custom-url">{source.url}</span>
              </label>
              <SourceHealth store={store} sourceId={`custom:${source.id}`} />
              {store.ungranted.value.has(source.id) && (
                <>
                  <span class="health error">{strings.notGranted}</span>
                  <button
                    type="button"
                    class="grant"
                    aria-label={strings.grantSource(source.url)}
                    onClick={(event) => grant(source.id, event.currentTarget)}
                  >
                    {strings.grant}
                  </button>
                </>
              )}
              <button
                type="button"
                class="remove"
                aria-label={strings.removeSource(source.url)}
                onClick={(event) => remove(source.id, event.currentTarget)}
              >
                {strings.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-source"
        onSubmit={(event) => {
          event.preventDefault();
          void store.addCustomSource();
        }}
      >
        <input
          ref={urlRef}
          type="text"
          name="custom-url"
          inputMode="url"
          aria-label={strings.customSources}
          placeholder={strings.customPlaceholder}
          value={store.customUrl.value}
          onInput={(event) => (store.customUrl.value = event.currentTarget.value)}
        />
        <button type="submit" class="primary">
          {strings.add}
        </button>
      </form>
      <NoticeLine notice={store.customNotice.value} name="custom" />
    </section>
  );
}

function SourceHealth({ store, sourceId }: { store: OptionsStore; sourceId: string }) {
  const strings = optionsStrings(store.lang);
  const source = store.syncStatus.value?.sources.find((entry) => entry.sourceId === sourceId);
  if (!source) return null;
  if (source.lastError)
    return <span class="health error">{strings.lastError(textIn(source.lastError, store.lang))}</span>;
  if (!source.lastSuccessAt) return null;
  return (
    <span class="health muted">
      {strings.lastOk(relativeTime(source.lastSuccessAt, store.now(), store.lang))}
    </span>
  );
}
