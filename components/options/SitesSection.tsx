import { siteIdSchema } from '../../lib/schema';
import type { OptionsStore } from './options-store';
import { optionsStrings } from './strings';

export function SitesSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const settings = store.settings.value;
  if (!settings) return null;
  return (
    <section class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{strings.sites}</h2>
      {siteIdSchema.options.map((site) => (
        <div class="row" key={site}>
          <label>
            <input
              type="checkbox"
              name={`site-${site}`}
              checked={settings.sites[site]}
              onChange={(event) =>
                void store.update({ sites: { ...settings.sites, [site]: event.currentTarget.checked } })
              }
            />{' '}
            {strings.siteNames[site]}
          </label>
        </div>
      ))}
      <h3 id="sidebar-mode-heading">{strings.sidebar}</h3>
      <div role="radiogroup" aria-labelledby="sidebar-mode-heading">
        {(['auto', 'badge'] as const).map((mode) => (
          <div class="row" key={mode}>
            <label>
              <input
                type="radio"
                name="sidebar-mode"
                value={mode}
                checked={settings.sidebarMode === mode}
                onChange={() => void store.update({ sidebarMode: mode })}
              />{' '}
              {mode === 'auto' ? strings.sidebarAuto : strings.sidebarBadge}
            </label>
          </div>
        ))}
      </div>
    </section>
  );
}
