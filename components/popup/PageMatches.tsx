import type { Match } from '../../lib/schema';
import { sidebarStrings } from '../../lib/sidebar/strings';
import { dateLabel } from '../../lib/ui/date-label';
import { ItemCard } from './ItemCard';
import type { PopupStore } from './popup-store';
import { popupStrings, sectionName } from './strings';

const HEADING_ID = 'page-matches-heading';

/**
 * 本页相关: what the active tab's page matched, before the day's digest — the same cards the page's card shows (one
 * per story, with in how many other digests it recurs). Also the way in from badge-only mode, where the page has no card.
 * As on the card, a page with a story of its own (a pull request, a tweet) shows its own items open and folds the
 * others (同一仓库的其他 N 条): a repository's dozen items no longer push the day's digest out of sight.
 */
export function PageMatches({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const page = store.pageMatches.value;
  if (!page) return null;
  const notShown = page.total - page.matches.length;
  // After the last card listed: inside the fold when the others are folded.
  const more = notShown > 0 && <p class="notice muted">{strings.pageMatchesNotShown(notShown)}</p>;
  const own = page.own ?? 0;
  const folded = own > 0 && own < page.matches.length;
  const list = (matches: readonly Match[]) => (
    <ol class="items">
      {matches.map((match) => (
        <li key={`${match.date}-${match.item.section}-${match.item.rank}`}>
          <ItemCard
            item={match.item}
            date={match.date}
            store={store}
            scope="page-"
            meta={<MatchMeta match={match} store={store} />}
          />
        </li>
      ))}
    </ol>
  );
  return (
    <section class="page-matches" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} class="page-matches-heading">
        {strings.onThisPage}
      </h2>
      {folded ? (
        <>
          {list(page.matches.slice(0, own))}
          <details class="page-matches-related">
            <summary>{sidebarStrings(store.lang).related(page.related ?? 'page', page.total - own)}</summary>
            {list(page.matches.slice(own))}
            {more}
          </details>
        </>
      ) : (
        <>
          {list(page.matches)}
          {more}
        </>
      )}
    </section>
  );
}

/** Which digest the match is from (date, 今天 / 昨天 / weekday), where it ranked, and 另见 N 期. */
function MatchMeta({ match, store }: { match: Match; store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const { date, item, alsoIn } = match;
  return (
    <p class="page-match-meta">
      <time dateTime={date}>
        {date} {dateLabel(date, store.now(), store.lang).text}
      </time>
      {' · '}
      {sectionName(strings, item.section)} {strings.rank(item.rank, item.section)}
      {alsoIn > 0 && ` · ${strings.alsoInIssues(alsoIn)}`}
    </p>
  );
}
