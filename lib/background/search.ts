/**
 * Case-insensitive substring search over the titles, summaries and link names (lib/search/link-names.ts) of stored
 * digests (Chinese included: a substring needs no word boundaries). Each word of the query is looked for as typed and
 * as its other spellings (lib/search/aliases.ts: 英伟达 finds NVIDIA); an item holds every word, wherever each one is.
 * A word typed running Latin into Chinese is its parts (lib/search/query-parts.ts: "agent框架" is "agent" and "框架").
 *
 * Ranking, in order: the weakest field a word was found in (title, then link name, then summary: "llama.cpp" in a
 * title beats a passing mention in a summary), then the whole query standing together in that field above its words
 * apart (lib/search/find-phrase.ts: "Agent 框架" or "agent框架" for agent框架, "open-source model" for open source
 * model), then a match at a word start above one inside a Latin word, then the newest digest, then digest order (the AI
 * digest before the GitHub 热门 of the same day when given in that order). One hit per story (lib/match-order.ts),
 * saying in how many other digests it also matched. A hit highlights the whole query where it stands together, else
 * its first word.
 */

import { onePerStory } from '../match-order';
import type { Item, SearchHit, StoredDigest } from '../schema';
import { phraseInField } from '../search/find-phrase';
import {
  type Field,
  type FoldedItem,
  findPlace,
  type Place,
  placeRank,
  type QueryWord,
  queryWord,
  RANK_COUNT,
  TIERS,
  weakestTier,
} from '../search/find-place';
import { foldCase, shownSpan } from '../search/fold';
import { pastedLinkNames } from '../search/link-names';
import { queryParts } from '../search/query-parts';
import { storyKey } from '../story';

export const DEFAULT_SEARCH_LIMIT = 50;

interface Candidate {
  date: string;
  item: Item;
  folded: FoldedItem;
  place: Place;
  story: string | null;
  /**
   * The weakest field the words of a query of several were found in, when the whole query does not stand together
   * there: it may in a weaker field, which the highlight looks for in the hits shown only.
   */
  apartIn?: number;
}

export function searchDigests(
  digests: readonly StoredDigest[],
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): { hits: SearchHit[]; total: number } {
  // A pasted link (the page the reader is on) is searched by its names, as the items' links are.
  const trimmed = query.trim();
  const pasted = pastedLinkNames(trimmed);
  const needle = foldCase(pasted ?? trimmed);
  if (!needle) return { hits: [], total: 0 };
  const words = (pasted === null ? queryParts(needle) : [needle]).map(queryWord);
  const newestFirst = [...digests].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  // Candidates are met newest first, in digest order: one list per rank keeps that order within the rank.
  const byRank: Candidate[][] = Array.from({ length: RANK_COUNT }, () => []);
  for (const digest of newestFirst) {
    const folded = foldedDigest(digest);
    if (!words.every((word) => word.terms.some((term) => folded.all.includes(term.text)))) continue;
    for (const index of itemsHolding(folded, words[0] as QueryWord)) {
      const found = rankedCandidate(digest, index, folded.items[index] as FoldedItem, words);
      if (found) byRank[found.rank]?.push(found.candidate);
    }
  }
  const stories = onePerStory(withStories(byRank.flat()));
  const hits = stories.hits.slice(0, limit).map((candidate) => {
    const alsoIn = stories.otherDates.get(candidate.story ?? '')?.size ?? 0;
    return toHit(candidate, highlighted(candidate, words), alsoIn);
  });
  return { hits, total: stories.hits.length };
}

/**
 * The items of a digest whose text holds a spelling of the word, in digest order, from one pass over the digest's
 * text (an item's first occurrence is enough).
 */
function itemsHolding({ all, starts }: FoldedDigest, word: QueryWord): number[] {
  const found: number[] = [];
  for (const { text } of word.terms) {
    let item = 0;
    for (let at = all.indexOf(text); at >= 0; at = all.indexOf(text, starts[item + 1] ?? all.length)) {
      while ((starts[item + 1] ?? Number.POSITIVE_INFINITY) <= at) item += 1;
      found.push(item);
    }
  }
  // One spelling finds its items in order; another one's are merged in.
  return word.terms.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b);
}

/** An item holding every word, as a candidate with its rank; undefined when a word is not there. */
function rankedCandidate(
  digest: StoredDigest,
  index: number,
  texts: FoldedItem,
  words: readonly QueryWord[],
): { rank: number; candidate: Candidate } | undefined {
  const places = placesOfEvery(texts, words);
  if (!places) return undefined;
  const tier = weakestTier(places);
  // No better field holds every word: the weakest is the only one the whole query may stand together in.
  const together = words.length > 1 ? phraseInField(texts, words, TIERS[tier] as Field) : undefined;
  const candidate: Candidate = {
    date: digest.date,
    item: digest.items[index] as Item,
    folded: texts,
    place: together ?? (places[0] as Place),
    story: null,
  };
  if (words.length > 1 && !together) candidate.apartIn = tier;
  return { rank: placeRank(places, together !== undefined), candidate };
}

/** Where each word is in the item, or undefined when one is not there. */
function placesOfEvery(texts: FoldedItem, words: readonly QueryWord[]): Place[] | undefined {
  const places: Place[] = [];
  for (const word of words) {
    const place = findPlace(texts, word);
    if (!place) return undefined;
    places.push(place);
  }
  return places;
}

/**
 * What a hit highlights: the whole query where it stands together (lib/search/find-phrase.ts: "AI Lab", not "AI";
 * "Agent 框架" for agent框架), in a weaker field when its words are apart in the one that ranked it, else the place
 * the candidate has (the whole query, or its first word).
 */
function highlighted({ folded, place, apartIn }: Candidate, words: readonly QueryWord[]): Place {
  if (apartIn === undefined) return place;
  for (const field of TIERS.slice(apartIn + 1)) {
    const standing = phraseInField(folded, words, field);
    if (standing) return standing;
  }
  return place;
}

/** The candidates, each with its story (worked out once per item, then kept with its folded texts). */
function withStories(candidates: Candidate[]): Candidate[] {
  for (const candidate of candidates) {
    const { folded } = candidate;
    if (folded.story === undefined) folded.story = searchStory(candidate.item);
    candidate.story = folded.story;
  }
  return candidates;
}

/**
 * The item's story for one hit per story. A GitHub 热门 entry is a story apart from an AI-digest item on the same
 * repository (what it is beside what happened to it): both are hits, each saying which digest it comes from.
 */
function searchStory(item: Item): string | null {
  const story = storyKey(item.links[0]);
  return story !== null && item.section === 'trending' ? `trending:${story}` : story;
}

function toHit({ date, item }: Candidate, place: Place, alsoIn: number): SearchHit {
  // A link's names are folded in place; a title or summary without its invisible characters (lib/search/fold.ts).
  const span = place.field === 'link' ? place : shownSpan(item[place.field], place.start, place.end);
  const hit: SearchHit = { date, item, field: place.field, start: span.start, end: span.end };
  if (place.link !== undefined) hit.link = place.link;
  if (place.alias) hit.alias = true;
  if (alsoIn > 0) hit.alsoIn = alsoIn;
  return hit;
}

interface FoldedDigest {
  items: FoldedItem[];
  /** Every folded title, summary and link, one after another. */
  all: string;
  /** Where each item's text begins in `all`. */
  starts: number[];
}

/**
 * The folded titles, summaries and link names of each digest, made on its first search. The store hands out the
 * same digest objects until a write replaces them, so this holds exactly the library of the moment (5 years: 36,000
 * items), folded once; a replaced digest's entry goes with it. (A cache of 50,000 strings cleared when full thrashed
 * at 5 years: 72,000 strings, 38–103 ms a query.)
 */
const foldedByDigest = new WeakMap<StoredDigest, FoldedDigest>();

function foldedDigest(digest: StoredDigest): FoldedDigest {
  let folded = foldedByDigest.get(digest);
  if (folded) return folded;
  const parts = digest.items.map((item) => [
    foldCase(item.title),
    foldCase(item.summary),
    foldCase(item.links.join('\u0000')),
  ]);
  // The separator keeps a match from spanning two texts; a query never holds it (a false hit costs a look only).
  const all = parts.map((texts) => texts.join('\u0000')).join('\u0000');
  let offset = 0;
  const starts: number[] = [];
  const items = digest.items.map((item, index) => {
    const [title = '', summary = '', links = ''] = parts[index] as string[];
    const start = offset;
    starts.push(start);
    offset += title.length + summary.length + links.length + 3;
    // A slice of `all`: V8 keeps it as a view, not a copy.
    return { text: all.slice(start, offset - 1), title, summary, links: item.links };
  });
  folded = { items, all, starts };
  foldedByDigest.set(digest, folded);
  return folded;
}
