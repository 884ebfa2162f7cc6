/**
 * Turns the text of a fetched document into a digest ready to store, or says in words why it is not one.
 * A dated document (its URL names the day) is stored under its URL's date: a header naming another day is a problem,
 * never a reason to replace another day. An undated document (the homepage) is dated by its header.
 */
import { isCalendarDate } from '../calendar-date';
import { DIGEST_LIMITS } from '../digest/limits';
import type { LocalizedText } from '../i18n';
import type { Item, ParseResult, Problem, StoredDigest } from '../schema';
import { latestAcceptedDate } from './dates';
import type { PlannedDocument } from './sources';
import { localized } from './words';

export type DocumentReading =
  | { kind: 'digest'; digest: StoredDigest }
  | { kind: 'notDigest'; error: LocalizedText };

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export async function readDocument(
  text: string,
  planned: PlannedDocument,
  parse: (text: string) => ParseResult,
  fetchedAt: number,
): Promise<DocumentReading> {
  if (HTML_START.test(text)) return { kind: 'notDigest', error: localized((words) => words.htmlPage) };
  const { digest, problems } = parse(text);
  // The parser's own problem lines are for publishers (and in English); the user gets the reason in their words.
  if (!digest || digest.items.length === 0) {
    // Said as what the file was meant to be: a GitHub 热门 file has repositories, not news or tools sections.
    const trending = (digest?.kind ?? planned.kind) === 'github-trending';
    return {
      kind: 'notDigest',
      error: localized((words) => (trending ? words.noRepositories : words.notDigest)),
    };
  }
  // A source's URL says which kind it holds (a custom source's does not): the other kind would go to the wrong day's
  // place of its own kind, from a file that is not what the source publishes.
  const expected = planned.kind;
  if (expected && digest.kind !== expected)
    return { kind: 'notDigest', error: localized((words) => words.otherKind(expected)) };
  const dating = dateOf(text, digest.date, planned, fetchedAt);
  if (dating.kind === 'notDigest') return dating;
  return {
    kind: 'digest',
    digest: {
      kind: digest.kind,
      date: dating.date,
      issueUrl: digest.issueUrl,
      items: digest.items,
      sourceId: planned.sourceId,
      sourceUrl: planned.url,
      fetchedAt,
      contentHash: await sha256(text),
      problems: dating.problem ? [dating.problem, ...problems] : problems,
    },
  };
}

type Dating =
  | { kind: 'dated'; date: string; problem?: Problem }
  | { kind: 'notDigest'; error: LocalizedText };

/** The URL's date wins over the header's; either must be a real day, and none later than tomorrow in Shanghai. */
function dateOf(text: string, headerDate: string | null, planned: PlannedDocument, now: number): Dating {
  const date = planned.date ?? headerDate;
  if (!date) return { kind: 'notDigest', error: localized((words) => words.noDate) };
  if (!isCalendarDate(date)) return { kind: 'notDigest', error: localized((words) => words.badDate(date)) };
  const latest = latestAcceptedDate(now);
  if (date > latest)
    return { kind: 'notDigest', error: localized((words) => words.futureDate(date, latest)) };
  if (headerDate === null || headerDate === date) return { kind: 'dated', date };
  return {
    kind: 'dated',
    date,
    problem: {
      line: lineOf(text, headerDate),
      message: `header date ${headerDate} differs from the URL's date ${date}`,
    },
  };
}

/** The 1-based line where `needle` first appears (1 when it does not). */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) return 1;
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** The same digest: what a reader sees is identical, wherever and whenever it was fetched. */
export function sameContent(a: StoredDigest, b: StoredDigest): boolean {
  return (
    a.contentHash === b.contentHash ||
    JSON.stringify([a.issueUrl, a.items]) === JSON.stringify([b.issueUrl, b.items])
  );
}

/** Parser problems that say the text was cut to a bound (lib/digest/limits.ts). */
const CUT_TO_BOUND = /cut at|left out|too many|too long/i;
/** Parser problems that say the text ended early (a link or a section cut off) or was cut to a bound. */
const CUT_OFF_PROBLEM = new RegExp(`cut off|${CUT_TO_BOUND.source}|is missing|has no summary`, 'i');

/**
 * Whether a new version with fewer items than the stored one looks like a cut-off download rather than a
 * correction: the parser says it was cut off, or it is the stored version's beginning (a download cut between two
 * items parses cleanly, its last item possibly cut short). A publisher's correction (an item dropped or changed) is
 * no prefix, and an oversized stored version (thousands of items, or itself cut to a bound) is no measure at all.
 */
export function looksTruncated(stored: StoredDigest, incoming: StoredDigest): boolean {
  if (incoming.items.length >= stored.items.length) return false;
  if (incoming.problems.some((problem) => CUT_OFF_PROBLEM.test(problem.message))) return true;
  if (isOversized(stored)) return false;
  return isBeginningOf(incoming.items, stored.items);
}

function isOversized(digest: StoredDigest): boolean {
  return (
    // A digest has twenty items; one past the parser's bound is no measure of what a complete one holds.
    digest.items.length > DIGEST_LIMITS.items ||
    digest.problems.some((problem) => CUT_TO_BOUND.test(problem.message))
  );
}

/** Every item of `items` but the last equals the stored one at its place; the last may be cut short. */
function isBeginningOf(items: readonly Item[], stored: readonly Item[]): boolean {
  return items.every((item, index) => {
    const storedItem = stored[index];
    if (!storedItem) return false;
    if (index < items.length - 1) return JSON.stringify(item) === JSON.stringify(storedItem);
    return (
      item.section === storedItem.section &&
      item.rank === storedItem.rank &&
      storedItem.title.startsWith(item.title) &&
      storedItem.summary.startsWith(item.summary) &&
      item.links.every((link, at) => storedItem.links[at] === link)
    );
  });
}

/**
 * Why a fetched digest must not replace the stored one of its date, or null when it should. The homepage only
 * embeds the day's digest: its copy fills a gap but never replaces a complete document's copy (else the two would
 * replace each other on every sync).
 */
export function reasonToKeep(
  stored: StoredDigest,
  incoming: StoredDigest,
): 'same' | 'truncated' | 'preferred' | null {
  if (sameContent(stored, incoming)) return 'same';
  if (looksTruncated(stored, incoming)) return 'truncated';
  const embeddedOverComplete = incoming.sourceId === 'homepage' && stored.sourceId !== 'homepage';
  if (embeddedOverComplete && stored.items.length >= incoming.items.length && !isOversized(stored))
    return 'preferred';
  return null;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
