import { useRef } from 'preact/hooks';
import type { SearchHit } from '../../lib/schema';
import { snippetAround } from '../../lib/ui/highlight';
import { useFocusNewRow } from '../shared/focus-new-row';
import { HighlightedText } from '../shared/HighlightedText';
import type { PopupStore } from './popup-store';
import { popupStrings, sectionName } from './strings';

/**
 * What the search found, in words: 共 N 条, 没有找到“…”, or why it failed. One element, in the page from its first
 * frame and empty while nothing is searched: a screen reader says its new text (role status, polite), which it often
 * does not for a live region drawn together with its text (QA 13: the outcome was never heard). Only this line is
 * said, not the hits, and it changes only when an answer comes (the search waits for the typing to pause): 没有找到
 * quotes the query searched, not the box's text as it is typed on.
 */
export function SearchOutcome({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const hits = store.hits.value;
  const failed = store.searchError.value;
  const [text, kind] = failed
    ? [strings.searchFailed(failed), 'notice error']
    : !hits
      ? ['', '']
      : hits.length === 0
        ? [strings.noResults(store.hitsQuery.value), 'notice muted']
        : [strings.resultCount(hits.length, store.total.value), 'result-count muted'];
  return (
    <p role="status" class={`search-outcome ${kind}`.trim()}>
      {text}
    </p>
  );
}

/** The hits of the search, once some are found (SearchOutcome says how many, or that none were). */
export function SearchResults({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const hits = store.hits.value;
  const listRef = useRef<HTMLUListElement>(null);
  const expectRowAt = useFocusNewRow(listRef);
  if (store.searchError.value || !hits || hits.length === 0) return null;
  return (
    <section class="results">
      <ul class="result-list" ref={listRef}>
        {hits.map((hit) => (
          <li key={`${hit.date}-${hit.item.section}-${hit.item.rank}`}>
            <ResultRow hit={hit} store={store} />
          </li>
        ))}
      </ul>
      {store.canShowMore() && (
        <button
          type="button"
          class="more-results"
          onClick={() => {
            expectRowAt(hits.length);
            void store.showMoreResults();
          }}
        >
          {strings.moreResults}
        </button>
      )}
    </section>
  );
}

function ResultRow({ hit, store }: { hit: SearchHit; store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const snippet = hit.field === 'summary' ? snippetAround(hit.item.summary, hit.start, hit.end) : null;
  const foundText =
    hit.field === 'title' ? hit.item.title : hit.field === 'link' ? hit.link : hit.item.summary;
  return (
    <button type="button" class="result" data-nav-item onClick={() => void store.openHit(hit)}>
      <span class="result-meta muted">
        {hit.date} · {sectionName(strings, hit.item.section)} ·{' '}
        {strings.rank(hit.item.rank, hit.item.section)}
        {hit.alsoIn ? ` · ${strings.alsoInIssues(hit.alsoIn)}` : ''}
      </span>
      <span class="result-title">
        {hit.field === 'title' ? (
          <HighlightedText text={hit.item.title} start={hit.start} end={hit.end} />
        ) : (
          hit.item.title
        )}
      </span>
      {snippet && (
        <span class="result-snippet">
          <HighlightedText text={snippet.text} start={snippet.start} end={snippet.end} />
        </span>
      )}
      {hit.field === 'link' && hit.link && (
        <span class="result-snippet result-link">
          {strings.hitInLink}
          <HighlightedText text={hit.link} start={hit.start} end={hit.end} />
        </span>
      )}
      {hit.alias && foundText && (
        <span class="result-alias muted">{strings.hitFoundAs(foundText.slice(hit.start, hit.end))}</span>
      )}
    </button>
  );
}
