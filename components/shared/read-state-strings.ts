import type { UiLanguage } from '../../lib/i18n';

const zh = {
  unread: (count: number) => `${count} 条未读`,
  allRead: '全部已读',
  unreadLabel: (date: string, count: number) =>
    count > 0 ? `${date} 有 ${count} 条未读` : `${date} 的条目全部已读`,
  markDayRead: '全部标为已读',
  /** Begins with the button's words (the name a voice-control user says is the one seen). */
  markDayReadLabel: (date: string) => `全部标为已读（${date}）`,
  read: '已读',
  dateWithUnread: (date: string, count: number) => (count > 0 ? `${date} · ${count} 未读` : date),
};

export type ReadStateStrings = typeof zh;

const en: ReadStateStrings = {
  unread: (count) => `${count} unread`,
  allRead: 'All read',
  unreadLabel: (date, count) => (count > 0 ? `${date}: ${count} unread` : `${date}: all read`),
  markDayRead: 'Mark all as read',
  markDayReadLabel: (date) => `Mark all as read (${date})`,
  read: 'Read',
  dateWithUnread: (date, count) => (count > 0 ? `${date} · ${count} unread` : date),
};

export function readStateStrings(lang: UiLanguage): ReadStateStrings {
  return lang === 'zh' ? zh : en;
}
