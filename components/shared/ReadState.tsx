/** The read state's views, shared by the popup and the side panel (issue 13). */
import type { UiLanguage } from '../../lib/i18n';
import type { Item, Section } from '../../lib/schema';
import type { ReadState } from './read-state';
import { readStateStrings } from './read-state-strings';
import { refocusIfLost } from './refocus';

interface DayProps {
  readState: ReadState;
  date: string;
  /** The tab shown: its items are counted and marked (GitHub 热门's on its tab, not the AI digest's). */
  section: Section;
  lang: UiLanguage;
}

interface CountProps extends DayProps {
  /** The shown tab's name, said with its count and in the button's name: only that tab's items count and are marked. */
  tabName: string;
}

/**
 * How many items of the day's section are unread (全部已读 when none); nothing while not known. Its tooltip says what
 * it counts (the tab's items of the day), and a screen reader is given those same words instead of the short ones,
 * which a `title` on plain text does not reach (QA: the count said only a number, its tooltip only the day).
 */
export function UnreadCount({ readState, date, section, lang, tabName }: CountProps) {
  const strings = readStateStrings(lang);
  const unread = readState.unreadIn(date, section);
  if (unread === undefined) return null;
  const label = strings.unreadLabel(date, tabName, unread);
  return (
    <span class="day-unread" title={label}>
      <span class="unread-count" data-unread={unread} aria-hidden="true">
        {unread > 0 ? strings.unread(unread) : strings.allRead}
      </span>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

interface MarkProps extends CountProps {
  items: readonly Item[];
  /** Where the focus goes once the button is gone (nothing left to mark), rather than to the page's body. */
  focusAfter: () => HTMLElement | null | undefined;
}

/** 全部标为已读 for the day's section shown (`items`), while some of its items are unread. */
export function MarkDayReadButton({ readState, date, section, lang, items, tabName, focusAfter }: MarkProps) {
  const strings = readStateStrings(lang);
  if (!readState.unreadIn(date, section)) return null;
  return (
    <button
      type="button"
      class="link-button mark-day-read"
      aria-label={strings.markDayReadLabel(date, tabName)}
      onClick={(event) => {
        const button = event.currentTarget;
        // Gone at once when the guess reads every item, else when the background answers.
        const marked = readState.markDayRead(date, items, section);
        refocusIfLost(button, focusAfter);
        void marked.then(() => refocusIfLost(button, focusAfter));
      }}
    >
      {strings.markDayRead}
    </button>
  );
}

/** The shown day's tab's read state above its items: how many are unread, and 全部标为已读 while some are. */
export function DayReadBar(props: MarkProps) {
  if (props.readState.unreadIn(props.date, props.section) === undefined) return null;
  return (
    <div class="day-read-bar">
      <UnreadCount {...props} />
      <MarkDayReadButton {...props} />
    </div>
  );
}

/** The mark of a read item, in words (a screen reader says it with the title). */
export function ReadTag({ lang }: { lang: UiLanguage }) {
  return <span class="read-tag">{readStateStrings(lang).read}</span>;
}
