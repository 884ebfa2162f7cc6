import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Item } from '../../lib/schema';
import { itemNoteKey, itemNotes } from '../../lib/ui/item-notes';
import { safeHttpUrl } from '../../lib/ui/safe-url';
import { ExternalLink } from '../shared/ExternalLink';
import { ReadTag } from '../shared/ReadState';
import { ITEM_TIMING } from './after-paint';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

/**
 * Summaries longer than this are clamped to three lines, with a "more" toggle while the three lines do cut the text
 * (a summary of short Latin words, or in a wide side panel, may fit: measured once laid out).
 */
export const CLAMP_CHARS = 90;

/** The browser reports when a title is painted: the reader asks for the rest then (after-paint.ts; not in JSX's types). */
const TIMED = { elementtiming: ITEM_TIMING } as Record<string, string>;

interface ItemCardProps {
  item: Item;
  date: string;
  store: PopupStore;
  /** Where else the card is shown (本页相关 repeats the digest's items): keeps its ids and expansion its own. */
  scope?: string;
  /** A line above the title, e.g. the date and 另见 N 期 of a page's match. */
  meta?: ComponentChildren;
}

export function ItemCard({ item, date, store, scope = '', meta }: ItemCardProps) {
  const strings = popupStrings(store.lang);
  const key = `${scope}${date}/${item.section}/${item.rank}`;
  const long = item.summary.length > CLAMP_CHARS;
  const open = store.expanded.value.has(key);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [fits, setFits] = useState(false);
  // Measured when laid out, and again when its width changes (a side panel widened): no layout is forced for it.
  useLayoutEffect(() => {
    const summary = summaryRef.current;
    if (!long || open || !summary || typeof ResizeObserver === 'undefined') return;
    const sized = new ResizeObserver(() => setFits(summary.scrollHeight <= summary.clientHeight + 1));
    sized.observe(summary);
    return () => sized.disconnect();
  }, [long, open]);
  const summaryId = `${scope}summary-${date}-${item.section}-${item.rank}`;
  // What the parser said about this item: the source cut off inside it, or no summary (lib/ui/item-notes).
  const shown = item.section === 'trending' ? store.trending.value : store.digest.value;
  const problems = shown?.date === date ? shown.problems : [];
  const note = itemNotes(problems).get(itemNoteKey(item.section, item.rank));
  const noteText =
    note && (note.cutOff ? (note.noSummary ? strings.cutOffNoSummary : strings.cutOff) : strings.noSummary);
  // Opening the source from the reader reads the item (issue 13): a click, a middle click or Enter on the row.
  const read = store.readState.isRead(date, item.section, item.rank);
  const markRead = () => void store.readState.markRead([{ date, section: item.section, rank: item.rank }]);
  // An item with no link to open (the publisher gave none: 来源：文章内容) is read where it is: a click, or Enter.
  const linkless = !safeHttpUrl(item.links[0]);
  const onLinkOpened = (event: MouseEvent) => {
    if (linkless || (event.target instanceof Element && event.target.closest('a[href]'))) markRead();
  };
  return (
    <article
      class="item"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: rows are the stops of the arrow-key list; Enter opens the source
      tabIndex={0}
      data-nav-item
      data-rank={item.rank}
      data-read={read || undefined}
      onClick={onLinkOpened}
      onAuxClick={(event) => event.button === 1 && onLinkOpened(event)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          markRead();
          // Its whole summary is what there is to open.
          if (linkless) {
            if (long && !open) store.toggleExpanded(key);
          } else store.openItemLink(item.links[0]);
        }
      }}
    >
      <span class="rank" aria-hidden="true">
        {item.rank}
      </span>
      <div class="item-body">
        {read && <ReadTag lang={store.lang} />}
        {meta}
        <h2 class="item-title" {...TIMED}>
          <ExternalLink href={item.links[0]}>{item.title}</ExternalLink>
        </h2>
        {item.summary !== '' && (
          <p ref={summaryRef} id={summaryId} class={long && !open ? 'summary clamped' : 'summary'}>
            {item.summary}
          </p>
        )}
        {noteText && <p class="item-note">{noteText}</p>}
        {long && (open || !fits) && (
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
