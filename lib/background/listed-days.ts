/**
 * The days the popup's date list offers (`listDigests`): every day with a stored AI digest, with its counts, and every
 * day with only a GitHub 热门 digest (no news, no tools), so such a day can be reached too (issue 16). Newest first.
 */
import type { DigestSummary } from '../schema';

export function listedDays(
  aiNews: readonly DigestSummary[],
  trending: readonly { date: string }[],
): DigestSummary[] {
  const days = aiNews.map(({ date, news, tools }) => ({ date, news, tools }));
  const listed = new Set(days.map(({ date }) => date));
  for (const { date } of trending) if (!listed.has(date)) days.push({ date, news: 0, tools: 0 });
  return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
