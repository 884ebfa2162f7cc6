import type { UiLanguage } from '../../lib/i18n';

const zh = {
  unread: (count: number) => `${count} 条未读`,
  allRead: '全部已读',
  /**
   * What the shown tab's count counts, as its tooltip and for a screen reader: that tab's items of that day (the date
   * list counts the whole day, both digests), not the day alone.
   */
  unreadLabel: (date: string, tab: string, count: number) =>
    count > 0 ? `${date} ${tab}：${count} 条未读` : `${date} ${tab}：全部已读`,
  markDayRead: '全部标为已读',
  /**
   * Begins with the button's words (the name a voice-control user says is the one seen), then what it marks: the
   * shown tab's items of the day, not the whole day's.
   */
  markDayReadLabel: (date: string, tab: string) => `全部标为已读（${tab}，${date}）`,
  read: '已读',
  dateWithUnread: (date: string, count: number) => (count > 0 ? `${date} · ${count} 未读` : date),
};

export type ReadStateStrings = typeof zh;

const en: ReadStateStrings = {
  unread: (count) => `${count} unread`,
  allRead: 'All read',
  unreadLabel: (date, tab, count) =>
    count > 0 ? `${count} unread in ${tab} on ${date}` : `All read in ${tab} on ${date}`,
  markDayRead: 'Mark all as read',
  markDayReadLabel: (date, tab) => `Mark all as read (${tab}, ${date})`,
  read: 'Read',
  dateWithUnread: (date, count) => (count > 0 ? `${date} · ${count} unread` : date),
};

export function readStateStrings(lang: UiLanguage): ReadStateStrings {
  return lang === 'zh' ? zh : en;
}
