import { groupViews, type MatchView, type RelatedKind } from '../../lib/sidebar/match-view';
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
  /** How many cards there are in all (the lookup's `total`); more than `views` when the lookup was bounded. */
  total: number;
  /** How many more cards `onMore` asks for; 0 when no more can be asked (the lookup's largest limit). */
  nextBatch: number;
  onMore: () => void;
  copyText: (text: string) => Promise<boolean>;
  /** What the page's other items share with it (its repo, model, account), named on their fold. */
  relatedKind?: RelatedKind;
  /** The keyboard shortcut that collapses and expands the card, named in those buttons; none when it has no key. */
  shortcut?: string;
}

/**
 * Runs `action` only for an event the user made. The page's scripts can dispatch clicks and key presses anywhere
 * they reach, never trusted ones: a synthetic Escape or click must not collapse or close the card.
 */
const byUser = (action: () => void) => (event: Event) => {
  if (event.isTrusted) action();
};

/**
 * The sidebar: the matching items in a panel on the right edge, or a small tab there when collapsed. Stateless (no
 * hooks: they would cost the content script 2 kB); the controller owns the state and moves the focus.
 */
export function SidebarPanel(props: SidebarPanelProps) {
  const { views, strings, theme, collapsed, nextBatch } = props;
  const total = Math.max(props.total, views.length);
  const remaining = total - views.length;
  const { own, others, othersTotal } = groupViews(views, total);
  const named = (label: string) => (props.shortcut ? strings.withShortcut(label, props.shortcut) : label);
  const expandLabel = named(strings.expand(total));
  const collapseLabel = named(strings.collapse);
  const more =
    remaining > 0 &&
    (nextBatch > 0 ? (
      <button
        type="button"
        class="dl-more"
        aria-label={strings.moreLabel(remaining, nextBatch)}
        onClick={byUser(props.onMore)}
      >
        {strings.more(remaining)}
      </button>
    ) : (
      <p class="dl-more dl-more-note">{strings.notShown(remaining)}</p>
    ));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || collapsed || !event.isTrusted) return;
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
          aria-label={expandLabel}
          title={expandLabel}
          onClick={byUser(props.onExpand)}
        >
          <span aria-hidden="true">‹</span>
          <span class="dl-tab-count">{total}</span>
        </button>
      ) : (
        <div class="dl-panel">
          <header class="dl-header">
            <h2 class="dl-heading">
              {strings.heading}
              <span class="dl-count">{strings.itemCount(total)}</span>
            </h2>
            <button
              type="button"
              class="dl-button dl-collapse"
              aria-expanded="true"
              aria-label={collapseLabel}
              title={collapseLabel}
              onClick={byUser(props.onCollapse)}
            >
              <span aria-hidden="true">›</span>
            </button>
            <button
              type="button"
              class="dl-button"
              aria-label={strings.close}
              title={strings.close}
              onClick={byUser(props.onClose)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </header>
          {own.length > 0 && othersTotal > 0 ? (
            <ol class="dl-list">
              {cardItems(own, props)}
              <li key={`related:${own[0]?.id}`} class="dl-item">
                {/* Folded: a pull request's page is about that pull request, not its repo's other news. */}
                <details class="dl-related">
                  <summary class="dl-related-summary">
                    {strings.related(props.relatedKind ?? 'page', othersTotal)}
                  </summary>
                  <ol class="dl-list dl-related-list">{cardItems(others, props)}</ol>
                  {more}
                </details>
              </li>
            </ol>
          ) : (
            <>
              <ol class="dl-list">{cardItems(views, props)}</ol>
              {more}
            </>
          )}
        </div>
      )}
    </aside>
  );
}

function cardItems(views: readonly MatchView[], props: SidebarPanelProps) {
  return views.map((view) => (
    <li key={view.id} class="dl-item">
      <MatchCard view={view} strings={props.strings} copyText={props.copyText} />
    </li>
  ));
}
