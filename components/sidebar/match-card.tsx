import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';

interface MatchCardProps {
  view: MatchView;
  strings: SidebarStrings;
}

/** One digest item: where it ranked and when, the Chinese summary as the main text, and where to read more. */
export function MatchCard({ view, strings }: MatchCardProps) {
  return (
    // Focusable by script only: "more" moves the focus to the first card it added.
    <article class="dl-card" tabIndex={-1}>
      <p class="dl-meta">
        <span class={`dl-rank dl-rank-${view.section}`}>{strings.rankLabel(view.section, view.rank)}</span>
        <time class="dl-date" dateTime={view.date}>
          {strings.digestDate(view.date)}
        </time>
      </p>
      <h3 class="dl-item-title">{view.title}</h3>
      <p class="dl-summary" lang="zh-CN">
        {view.summary}
      </p>
      {view.sources.length > 0 && (
        <ul class="dl-sources" aria-label={strings.sources}>
          {view.sources.map((source) => (
            <li key={source.href}>
              <a href={source.href} target="_blank" rel="noopener noreferrer" title={source.href}>
                {source.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {(view.issueUrl || view.alsoIn > 0) && (
        <p class="dl-footer">
          {view.issueUrl && (
            <a class="dl-issue" href={view.issueUrl} target="_blank" rel="noopener noreferrer">
              {strings.originalIssue}
            </a>
          )}
          {view.alsoIn > 0 && <span class="dl-also">{strings.alsoIn(view.alsoIn)}</span>}
        </p>
      )}
    </article>
  );
}
