import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';
import { CardMeta, CollapseAndClose } from './card-controls';

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
          <CardMeta view={view} strings={strings} />
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
      <CollapseAndClose
        strings={strings}
        collapseLabel={collapseLabel}
        onCollapse={onCollapse}
        onClose={onClose}
      />
    </div>
  );
}
