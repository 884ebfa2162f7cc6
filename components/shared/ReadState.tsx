/** The read state's views, shared by the popup and the side panel (issue 13). */
import type { UiLanguage } from '../../lib/i18n';
import type { Item } from '../../lib/schema';
import type { ReadState } from './read-state';
import { readStateStrings } from './read-state-strings';

interface DayProps {
  readState: ReadState;
  date: string;
  lang: UiLanguage;
}

/** How many items of the day are unread (全部已读 when none); nothing while not known. */
export function UnreadCount({ readState, date, lang }: DayProps) {
  const strings = readStateStrings(lang);
  const unread = readState.unread(date);
  if (unread === undefined) return null;
  return (
    <span class="unread-count" data-unread={unread} title={strings.unreadLabel(date, unread)}>
      {unread > 0 ? strings.unread(unread) : strings.allRead}
    </span>
  );
}

/** 全部标为已读 for the day shown, while some of its items are unread. */
export function MarkDayReadButton({ readState, date, lang, items }: DayProps & { items: readonly Item[] }) {
  const strings = readStateStrings(lang);
  if (!readState.unread(date)) return null;
  return (
    <button
      type="button"
      class="link-button mark-day-read"
      aria-label={strings.markDayReadLabel(date)}
      onClick={() => void readState.markDayRead(date, items)}
    >
      {strings.markDayRead}
    </button>
  );
}

/** The shown day's read state above its items: how many are unread, and 全部标为已读 while some are. */
export function DayReadBar(props: DayProps & { items: readonly Item[] }) {
  if (props.readState.unread(props.date) === undefined) return null;
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
