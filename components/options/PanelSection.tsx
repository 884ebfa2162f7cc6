import { sidePanelStrings } from '../sidepanel/strings';
import type { OptionsStore } from './options-store';

/** The side panel (issue 13): what the toolbar button opens. Where page summaries show is chosen in SitesSection. */
export function PanelSection({ store }: { store: OptionsStore }) {
  const strings = sidePanelStrings(store.lang);
  const settings = store.settings.value;
  if (!settings) return null;
  return (
    <section class="card" aria-labelledby="panel-heading">
      <h2 id="panel-heading">{strings.panelSection}</h2>
      <p class="hint">{strings.panelFollows}</p>
      <div class="row">
        <label>
          <input
            type="checkbox"
            name="toolbar-opens-panel"
            checked={settings.toolbarOpensPanel}
            onChange={(event) => void store.update({ toolbarOpensPanel: event.currentTarget.checked })}
          />{' '}
          {strings.toolbarOpensPanel}
        </label>
      </div>
      {store.firefox && <p class="hint">{strings.toolbarOpensPanelFirefox}</p>}
    </section>
  );
}

/** The words of a "where page summaries show" choice: the panel's, naming the shortcut that opens it. */
export function panelModeLabel(store: OptionsStore): string {
  const strings = sidePanelStrings(store.lang);
  const shortcut = store.shortcut.value;
  return shortcut ? strings.modePanelShortcut(shortcut) : strings.modePanel;
}
