import { cardLabel } from '../../lib/sidebar/digest-label';
import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';

/** The collapse and close buttons, in the panel's header and at the end of the compact bar. */
export function CollapseAndClose(props: {
  strings: SidebarStrings;
  collapseLabel: string;
  /** Run only for the user's own clicks (SidebarPanel's `byUser`). */
  onCollapse: (event: Event) => void;
  onClose: (event: Event) => void;
}) {
  return (
    <>
      <button
        type="button"
        class="dl-button dl-collapse"
        aria-expanded="true"
        aria-label={props.collapseLabel}
        title={props.collapseLabel}
        onClick={props.onCollapse}
      >
        <span aria-hidden="true">›</span>
      </button>
      <button
        type="button"
        class="dl-button"
        aria-label={props.strings.close}
        title={props.strings.close}
        onClick={props.onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
    </>
  );
}

/**
 * An item's 本页 mark, its digest (AI 日报 or GitHub 热门, issue 16), section and rank, and date: the first line of
 * its card, full or compact.
 */
export function CardMeta({ view, strings }: { view: MatchView; strings: SidebarStrings }) {
  const label = cardLabel(view, strings);
  return (
    <>
      {view.thisPage && <span class="dl-this-page">{strings.thisPage}</span>}
      <span class={`dl-digest dl-digest-${label.kind}`}>{label.digest}</span>
      <span class={`dl-rank dl-rank-${view.section}`}>{label.rank}</span>
      <time class="dl-date" dateTime={view.date}>
        {label.date}
      </time>
    </>
  );
}
