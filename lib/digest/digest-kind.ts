import type { DigestKind } from '../schema';
import { classifyHeading } from './headings';
import { isFence, readHeading } from './lines';

/** The title of a GitHub 热门 digest: `## GitHub Trending`, or `# GitHub 每日趋势 - …` in its first two days. */
const TRENDING_TITLE = /^\**\s*GitHub\s*(Trending|每日趋势|热门)/i;

export function isTrendingTitle(headingText: string): boolean {
  return TRENDING_TITLE.test(headingText);
}

/**
 * Which digest a document is, by its first heading that says: a GitHub 热门 title, or the AI digest's `AINews` header
 * or one of its sections. A document with neither is read as an AI digest (whose parser says what is missing).
 */
export function digestKindOf(lines: readonly string[]): DigestKind {
  for (const line of lines) {
    if (isFence(line)) continue;
    const heading = readHeading(line);
    if (heading === null) continue;
    if (isTrendingTitle(heading.text)) return 'github-trending';
    const kind = classifyHeading(heading).kind;
    if (kind === 'header' || kind === 'section') return 'ainews';
  }
  return 'ainews';
}
