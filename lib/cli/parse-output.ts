import path from 'node:path';
import { findDate } from '../digest/headings';
import type { Item, ParseResult } from '../schema';

/** A GitHub 热门 item as printed: every one is in the section `trending`, so the section is left out. */
type PrintedTrendingItem = Omit<Item, 'section'>;

/**
 * What `digest parse <file>` prints: the parse result, with two changes for people reading it. A document that names
 * no date is dated by its file name (`github_trending_2026-06-03.md`), as the sync dates it by its URL; a GitHub 热门
 * digest is printed as `{kind, date, items: [{rank, title, summary, links}]}` (it has no issue link and one section).
 */
export function printedParseResult(result: ParseResult, file: string): unknown {
  const { digest, problems } = result;
  if (digest === null) return result;
  const date = digest.date ?? findDate(path.basename(file));
  if (digest.kind !== 'github-trending') return { digest: { ...digest, date }, problems };
  const items: PrintedTrendingItem[] = digest.items.map(({ rank, title, summary, links }) => ({
    rank,
    title,
    summary,
    links,
  }));
  return { digest: { kind: digest.kind, date, items }, problems };
}
