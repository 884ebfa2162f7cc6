/**
 * The words beside the popup's shown date: 今天 / 昨天 and the weekday. A digest's date is a Shanghai calendar date
 * (the publisher's day), so "today" is the Shanghai date of now, whatever the user's own time zone.
 */
import type { UiLanguage } from '../i18n';
import { addDays, shanghaiToday } from '../sync/dates';

export type RelativeDay = 'today' | 'yesterday' | null;

export interface DateLabel {
  relative: RelativeDay;
  /** 0 = Sunday … 6 = Saturday, of the calendar date itself. */
  weekday: number;
  /** What the popup shows: `今天 · 周六`, `周四`; `Today · Sat`, `Thu`. */
  text: string;
}

const WEEKDAYS: Record<UiLanguage, readonly string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

const RELATIVE: Record<UiLanguage, Record<'today' | 'yesterday', string>> = {
  zh: { today: '今天', yesterday: '昨天' },
  en: { today: 'Today', yesterday: 'Yesterday' },
};

/** The weekday of a `YYYY-MM-DD` calendar date, 0 = Sunday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function weekdayName(date: string, lang: UiLanguage): string {
  return WEEKDAYS[lang][weekdayOf(date)] as string;
}

/** Whether `date` is today or yesterday in Shanghai at `now`. A later date (a clock behind) is neither. */
export function relativeDay(date: string, now: number): RelativeDay {
  const today = shanghaiToday(now);
  if (date === today) return 'today';
  if (date === addDays(today, -1)) return 'yesterday';
  return null;
}

export function dateLabel(date: string, now: number, lang: UiLanguage): DateLabel {
  const relative = relativeDay(date, now);
  const weekday = weekdayOf(date);
  const name = weekdayName(date, lang);
  return { relative, weekday, text: relative ? `${RELATIVE[lang][relative]} · ${name}` : name };
}
