/**
 * Which documents a sync asks for. Pure: settings and the clock in, a list of planned documents out.
 */
import type { DigestKind, Settings } from '../schema';
import { addDays, datesBetween, recentDates, shanghaiToday } from './dates';

export const DATED_TEMPLATE = 'https://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md';
export const HOMEPAGE_URL = 'https://raw.githubusercontent.com/zou8944/my-words/main/newsletters/homepage.md';
/** The same publisher's daily GitHub 热门 (trending repositories), from its own code: one file a day, 404 when none. */
export const TRENDING_TEMPLATE = 'https://static.zou8944.com/newsletter/{date}/github_trending_{date}.md';
const ARCHIVE_COMMIT_URL =
  'https://raw.githubusercontent.com/zou8944/my-words/01b5b6ae296f65de0ee6fe261ee4561045bddd2a/newsletters';
export const ARCHIVE_TEMPLATE = `${ARCHIVE_COMMIT_URL}/{date}/ai_news_summary_{date}.md`;
/** The GitHub 热门 archive, at the same pinned commit and over the same days as the AI digest's. */
export const TRENDING_ARCHIVE_TEMPLATE = `${ARCHIVE_COMMIT_URL}/{date}/github_trending_{date}.md`;
export const ARCHIVE_FIRST_DATE = '2025-06-22';
export const ARCHIVE_LAST_DATE = '2026-06-03';
/** How many Shanghai days, today included, a sync asks a dated source for. */
export const RECENT_DAYS = 14;

export interface PlannedDocument {
  /** `dated`, `homepage`, `trending`, `archive` or `custom:<id>`. */
  sourceId: string;
  /** The kind of digest the URL holds; absent for a custom source (stored as the kind it parses as). */
  kind?: DigestKind;
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
  const dated = (sourceId: string, template: string, kind?: DigestKind): PlannedDocument[] =>
    recentDates(now, RECENT_DAYS).map((date) => ({
      sourceId,
      url: fillTemplate(template, date),
      date,
      alwaysAsk: date >= yesterday,
      ...(kind && { kind }),
    }));
  const single = (sourceId: string, url: string, kind?: DigestKind): PlannedDocument[] => [
    { sourceId, url, date: null, alwaysAsk: true, ...(kind && { kind }) },
  ];

  const planned: PlannedDocument[] = [];
  if (settings.sources.dated) planned.push(...dated('dated', DATED_TEMPLATE, 'ainews'));
  if (settings.sources.homepage) planned.push(...single('homepage', HOMEPAGE_URL, 'ainews'));
  if (settings.sources.trending) planned.push(...dated('trending', TRENDING_TEMPLATE, 'github-trending'));
  for (const source of settings.customSources) {
    if (!source.enabled) continue;
    const sourceId = `custom:${source.id}`;
    planned.push(
      ...(source.url.includes('{date}') ? dated(sourceId, source.url) : single(sourceId, source.url)),
    );
  }
  return planned;
}

/**
 * The publisher's archive, newest first: 2025-06-22 … 2026-06-03 (days without a digest answer 404), each day's AI
 * digest and then, unless the GitHub 热门 source is switched off, its GitHub 热门.
 */
export function planArchive(settings: Pick<Settings, 'sources'>): PlannedDocument[] {
  const templates: [DigestKind, string][] = [['ainews', ARCHIVE_TEMPLATE]];
  if (settings.sources.trending) templates.push(['github-trending', TRENDING_ARCHIVE_TEMPLATE]);
  return datesBetween(ARCHIVE_FIRST_DATE, ARCHIVE_LAST_DATE)
    .reverse()
    .flatMap((date) =>
      templates.map(([kind, template]) => ({
        sourceId: 'archive',
        url: fillTemplate(template, date),
        date,
        alwaysAsk: false,
        kind,
      })),
    );
}
