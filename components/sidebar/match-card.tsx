import { cardLabel } from '../../lib/sidebar/digest-label';
import type { MatchView } from '../../lib/sidebar/match-view';
import type { SidebarStrings } from '../../lib/sidebar/strings';
import { CardMeta } from './card-controls';

interface MatchCardProps {
  view: MatchView;
  strings: SidebarStrings;
  /** Put the text on the clipboard; resolves false when the browser refused. */
  copyText: (text: string) => Promise<boolean>;
}

/** What "copy" puts on the clipboard: the title, the summary and the first source. */
export function copiedText(view: MatchView): string {
  return [view.title, view.summary, view.sources[0]?.href].filter(Boolean).join('\n');
}

/** Only a click the user made copies; the button says how it went for two seconds (no hooks: see SidebarPanel). */
function copyOnClick(view: MatchView, strings: SidebarStrings, copyText: MatchCardProps['copyText']) {
  return (event: MouseEvent) => {
    const button = event.currentTarget;
    if (!event.isTrusted || !(button instanceof HTMLElement)) return;
    void copyText(copiedText(view)).then((ok) => {
      button.textContent = ok ? strings.copied : strings.copyFailed;
      setTimeout(() => {
        button.textContent = strings.copy;
      }, 2000);
    });
  };
}

/** One digest item: where it ranked and when, the Chinese summary as the main text, and where to read more. */
export function MatchCard({ view, strings, copyText }: MatchCardProps) {
  const label = cardLabel(view, strings);
  return (
    // Focusable by script only: "more" moves the focus to the first card it added.
    <article class="dl-card" tabIndex={-1}>
      <p class="dl-meta">
        <CardMeta view={view} strings={strings} />
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
      <p class="dl-footer">
        <button
          type="button"
          class="dl-copy"
          aria-label={strings.copyLabel(view.title)}
          aria-live="polite"
          onClick={copyOnClick(view, strings, copyText)}
        >
          {strings.copy}
        </button>
        {view.issueUrl && (
          <a class="dl-issue" href={view.issueUrl} target="_blank" rel="noopener noreferrer">
            {strings.originalIssue}
          </a>
        )}
        {label.recurs && <span class="dl-also">{label.recurs}</span>}
      </p>
    </article>
  );
}
