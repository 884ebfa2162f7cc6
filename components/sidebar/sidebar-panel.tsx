import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';
import type { SidebarTheme } from '../../lib/sidebar/theme';
import { MatchCard } from './match-card';

export interface SidebarPanelProps {
  views: MatchView[];
  strings: SidebarStrings;
  theme: SidebarTheme;
  collapsed: boolean;
  onCollapse: () => void;
  onExpand: () => void;
  onClose: () => void;
}

/**
 * The sidebar: the matching items in a panel on the right edge, or a small tab there when collapsed. Stateless (no
 * hooks: they would cost the content script 2 kB); the controller owns the state and moves the focus.
 */
export function SidebarPanel(props: SidebarPanelProps) {
  const { views, strings, theme, collapsed } = props;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || collapsed) return;
    event.preventDefault();
    event.stopPropagation();
    props.onCollapse();
  };

  return (
    <aside
      class="dl-root"
      lang={strings.lang}
      // `all: initial` on the host resets everything but `direction`: an RTL page would mirror the panel.
      dir="ltr"
      data-theme={theme}
      data-state={collapsed ? 'collapsed' : 'open'}
      aria-label={strings.panelLabel}
      onKeyDown={onKeyDown}
    >
      {collapsed ? (
        <button
          type="button"
          class="dl-tab"
          aria-expanded="false"
          aria-label={strings.expand(views.length)}
          title={strings.expand(views.length)}
          onClick={props.onExpand}
        >
          <span aria-hidden="true">‹</span>
          <span class="dl-tab-count">{views.length}</span>
        </button>
      ) : (
        <div class="dl-panel">
          <header class="dl-header">
            <h2 class="dl-heading">
              {strings.heading}
              <span class="dl-count">{strings.itemCount(views.length)}</span>
            </h2>
            <button
              type="button"
              class="dl-button dl-collapse"
              aria-expanded="true"
              aria-label={strings.collapse}
              title={strings.collapse}
              onClick={props.onCollapse}
            >
              <span aria-hidden="true">›</span>
            </button>
            <button
              type="button"
              class="dl-button"
              aria-label={strings.close}
              title={strings.close}
              onClick={props.onClose}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          <ol class="dl-list">
            {views.map((view) => (
              <li key={view.id} class="dl-item">
                <MatchCard view={view} strings={strings} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </aside>
  );
}
