/**
 * Which documents a sync asks for. Pure: settings and the clock in, a list of planned documents out.
 */
import type { Settings } from '../schema';
import { addDays, datesBetween, recentDates, shanghaiToday } from './dates';

export const DATED_TEMPLATE = 'https://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md';
export const HOMEPAGE_URL = 'https://raw.githubusercontent.com/zou8944/my-words/main/newsletters/homepage.md';
export const ARCHIVE_TEMPLATE =
  'https://raw.githubusercontent.com/zou8944/my-words/01b5b6ae296f65de0ee6fe261ee4561045bddd2a/newsletters/{date}/ai_news_summary_{date}.md';
export const ARCHIVE_FIRST_DATE = '2025-06-22';
export const ARCHIVE_LAST_DATE = '2026-06-03';
/** How many Shanghai days, today included, a sync asks a dated source for. */
export const RECENT_DAYS = 14;

export interface PlannedDocument {
  /** `dated`, `homepage`, `archive` or `custom:<id>`. */
  sourceId: string;
  url: string;
  /** The date in the URL, or null for a document that holds whatever is current (the homepage). */
  date: string | null;
  /** Asked even when it answered 404 before: today, yesterday and undated documents. */
  alwaysAsk: boolean;
}

export function fillTemplate(template: string, date: string): string {
  return template.replaceAll('{date}', date);
}

export function planSync(settings: Settings, now: number): PlannedDocument[] {
  const yesterday = addDays(shanghaiToday(now), -1);
  const dated = (sourceId: string, template: string) =>
    recentDates(now, RECENT_DAYS).map((date) => ({
      sourceId,
      url: fillTemplate(template, date),
      date,
      alwaysAsk: date >= yesterday,
    }));
  const single = (sourceId: string, url: string) => [{ sourceId, url, date: null, alwaysAsk: true }];

  const planned: PlannedDocument[] = [];
  if (settings.sources.dated) planned.push(...dated('dated', DATED_TEMPLATE));
  if (settings.sources.homepage) planned.push(...single('homepage', HOMEPAGE_URL));
  for (const source of settings.customSources) {
    if (!source.enabled) continue;
    const sourceId = `custom:${source.id}`;
    planned.push(
      ...(source.url.includes('{date}') ? dated(sourceId, source.url) : single(sourceId, source.url)),
    );
  }
  return planned;
}

/** The publisher's archive, newest first: 2025-06-22 … 2026-06-03 (days without a digest answer 404). */
export function planArchive(): PlannedDocument[] {
  return datesBetween(ARCHIVE_FIRST_DATE, ARCHIVE_LAST_DATE)
    .reverse()
    .map((date) => ({
      sourceId: 'archive',
      url: fillTemplate(ARCHIVE_TEMPLATE, date),
      date,
      alwaysAsk: false,
    }));
}
