import type { Item } from '../../lib/schema';
import { ExternalLink } from '../shared/ExternalLink';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/** Summaries longer than this are clamped to three lines with a "more" toggle. */
export const CLAMP_CHARS = 90;

export function ItemCard({ item, date, store }: { item: Item; date: string; store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const key = `${date}/${item.section}/${item.rank}`;
  const long = item.summary.length > CLAMP_CHARS;
  const open = store.expanded.value.has(key);
  const summaryId = `summary-${date}-${item.section}-${item.rank}`;
  return (
    <article
      class="item"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: rows are the stops of the arrow-key list; Enter opens the source
      tabIndex={0}
      data-nav-item
      data-rank={item.rank}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          store.openItemLink(item.links[0]);
        }
      }}
    >
      <span class="rank" aria-hidden="true">
        {item.rank}
      </span>
      <div class="item-body">
        <h2 class="item-title">
          <ExternalLink href={item.links[0]}>{item.title}</ExternalLink>
        </h2>
        <p id={summaryId} class={long && !open ? 'summary clamped' : 'summary'}>
          {item.summary}
        </p>
        {long && (
          <button
            type="button"
            class="link-button"
            aria-expanded={open}
            aria-controls={summaryId}
            onClick={() => store.toggleExpanded(key)}
          >
            {open ? strings.collapse : strings.expand}
          </button>
        )}
      </div>
    </article>
  );
}
