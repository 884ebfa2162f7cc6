import { siteIdSchema } from '../../lib/schema';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { panelModeLabel } from './PanelSection';
import { optionsStrings } from './strings';

export function SitesSection({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const settings = store.settings.value;
  const shortcut = store.shortcut.value;
  if (!settings) return null;
  return (
    <section class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{strings.sites}</h2>
      {/* Named by the heading: the marks' section has checkboxes of the same sites' names (QA 2026-12-02). */}
      <fieldset class="plain" aria-labelledby="sites-heading">
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
      </fieldset>
      <h3 id="sidebar-mode-heading">{strings.sidebar}</h3>
      <div role="radiogroup" aria-labelledby="sidebar-mode-heading">
        {(['auto', 'panel', 'badge'] as const).map((mode) => (
          <div class="row" key={mode}>
            <label>
              <input
                type="radio"
                name="sidebar-mode"
                value={mode}
                checked={settings.sidebarMode === mode}
                onChange={() => void store.update({ sidebarMode: mode })}
              />{' '}
              {mode === 'auto'
                ? strings.sidebarAuto
                : mode === 'panel'
                  ? panelModeLabel(store)
                  : shortcut
                    ? strings.sidebarBadgeShortcut(shortcut)
                    : strings.sidebarBadge}
            </label>
          </div>
        ))}
      </div>
      <ShortcutLine store={store} />
    </section>
  );
}

/** The card's shortcut, read from the browser, and where to change it (Chrome's page, or Firefox's menu path). */
function ShortcutLine({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  const shortcut = store.shortcut.value;
  if (shortcut === undefined) return null;
  return (
    <>
      <p class="row shortcut">
        <span>{shortcut ? strings.shortcut(shortcut) : strings.shortcutNone}</span>{' '}
        {store.firefox ? (
          <span class="hint">{strings.shortcutFirefox}</span>
        ) : (
          <button type="button" onClick={() => void store.openShortcutSettings()}>
            {strings.shortcutChange}
          </button>
        )}
      </p>
      <NoticeLine notice={store.shortcutNotice.value} name="shortcut" />
    </>
  );
}
