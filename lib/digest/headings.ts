import { isCalendarDate } from '../calendar-date';
import type { Section } from '../schema';
import type { Heading } from './lines';

export type HeadingKind =
  /** `notADate`: the header's `YYYY-MM-DD` text when it names no day of the calendar (`2026-02-30`), else null. */
  | { kind: 'header'; date: string | null; notADate: string | null }
  | { kind: 'section'; section: Section }
  | { kind: 'item'; rank: number; rest: string }
  | { kind: 'other' };

const MAX_RANK_DIGITS = 3;

/** What a heading is in a digest: the `AINews - D` header, a section, a numbered item, or anything else. */
export function classifyHeading(heading: Heading): HeadingKind {
  const text = heading.text;
  if (/^\**AINews\b/.test(text)) return readHeader(text);
  const item = readItemNumber(text);
  if (item !== null) return { kind: 'item', ...item };
  if (text.includes('工具产品要点')) return { kind: 'section', section: 'tools' };
  if (text.includes('新闻要点')) return { kind: 'section', section: 'news' };
  return { kind: 'other' };
}

/** `1. title` → rank 1 and `title`; also `1、title` and `**1. title**`. */
export function readItemNumber(text: string): { rank: number; rest: string } | null {
  let index = 0;
  while (text[index] === '*') index++;
  const digitsStart = index;
  while (isDigit(text.charCodeAt(index))) index++;
  const digits = index - digitsStart;
  if (digits === 0 || digits > MAX_RANK_DIGITS) return null;
  const mark = text[index];
  if (mark !== '.' && mark !== '、' && mark !== '．') return null;
  const prefix = text.slice(0, digitsStart);
  let rest = text.slice(index + 1).trim();
  if (prefix !== '' && rest.startsWith(prefix)) rest = rest.slice(prefix.length).trim();
  else if (prefix !== '' && rest.endsWith(prefix)) rest = rest.slice(0, -prefix.length).trim();
  return { rank: Number(text.slice(digitsStart, index)), rest };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The header's date: its first calendar date, or the first `YYYY-MM-DD` text that is none (`0000-00-00`). */
function readHeader(text: string): HeadingKind {
  const date = findDate(text);
  const notADate = date === null ? (/\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? null) : null;
  return { kind: 'header', date, notADate };
}

/** The first `YYYY-MM-DD` in the text that names a real day, or null. */
export function findDate(text: string): string | null {
  for (const [date] of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
    if (isCalendarDate(date)) return date;
  }
  return null;
}
