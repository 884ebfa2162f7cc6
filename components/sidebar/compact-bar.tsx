import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';

interface CompactBarProps {
  /** The first card: the page's own item when there is one. */
  view: MatchView;
  total: number;
  strings: SidebarStrings;
  collapseLabel: string;
  /** Runs only for the user's own clicks (SidebarPanel's `byUser`). */
  onOpen: (event: Event) => void;
  onCollapse: (event: Event) => void;
  onClose: (event: Event) => void;
}

/**
 * The card's compact form, in a strip above the page that the page makes room for (lib/sidebar/page-room): the first
 * item's rank, date, title and the first line of its summary, and a button that opens every card over the page.
 * For pages whose columns can't get narrower (X below 1625 px): the bar covers nothing at any width.
 */
export function CompactBar({
  view,
  total,
  strings,
  collapseLabel,
  onOpen,
  onCollapse,
  onClose,
}: CompactBarProps) {
  return (
    <div class="dl-bar">
      <article class="dl-card dl-bar-card" tabIndex={-1}>
        <p class="dl-meta dl-bar-line">
          {view.thisPage && <span class="dl-this-page">{strings.thisPage}</span>}
          <span class={`dl-rank dl-rank-${view.section}`}>{strings.rankLabel(view.section, view.rank)}</span>
          <time class="dl-date" dateTime={view.date}>
            {strings.digestDate(view.date)}
          </time>
          <span class="dl-item-title">{view.title}</span>
        </p>
        <p class="dl-summary dl-bar-line" lang="zh-CN">
          {view.summary}
        </p>
      </article>
      <button
        type="button"
        class="dl-bar-open"
        aria-expanded="false"
        aria-label={strings.openLabel(total)}
        title={strings.openLabel(total)}
        onClick={onOpen}
      >
        {strings.open(total)}
      </button>
      <button
        type="button"
        class="dl-button dl-collapse"
        aria-expanded="true"
        aria-label={collapseLabel}
        title={collapseLabel}
        onClick={onCollapse}
      >
        <span aria-hidden="true">›</span>
      </button>
      <button
        type="button"
        class="dl-button"
        aria-label={strings.close}
        title={strings.close}
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
