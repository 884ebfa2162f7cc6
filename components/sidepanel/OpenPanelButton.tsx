import type { UiLanguage } from '../../lib/i18n';
import { sidePanelStrings } from './strings';

/** The popup's way into the side panel: a small button beside the options button, its name containing its words. */
export function OpenPanelButton({ lang, onClick }: { lang: UiLanguage; onClick: () => void }) {
  const strings = sidePanelStrings(lang);
  return (
    <button
      type="button"
      class="open-panel-button"
      title={strings.openPanel}
      aria-label={strings.openPanel}
      onClick={onClick}
    >
      {strings.panelButton}
    </button>
  );
}
