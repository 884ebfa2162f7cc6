/**
 * Where a query word is in one item: its title, its links' names (lib/search/link-names.ts) or its summary, spelled
 * as typed or as an alias (lib/search/aliases.ts). All texts are folded (lib/search/fold.ts): a place in a link is
 * at the offsets of the link as shown; one in a title or summary is mapped back onto the text as written by the hit.
 */
import { aliasesOf, isAliasAt } from './aliases';
import { type NamedLink, namedLinks } from './link-names';

/** Best first: a hit in the title, then in a link's names, then in the summary. */
export const TIERS = ['title', 'link', 'summary'] as const;
export type Field = (typeof TIERS)[number];

export interface FoldedItem {
  /** Title, summary and links, one after another: an item without a word of the query is skipped at once. */
  text: string;
  title: string;
  summary: string;
  /** The item's links as stored. */
  links: readonly string[];
  /** Its links that carry names, made on the first search that looks in them. */
  named?: NamedLink[];
  /** The item's story (lib/story.ts), worked out on the first hit. */
  story?: string | null;
}

/** A query word and the spellings that find it: as typed, then its aliases. */
export interface QueryWord {
  terms: { text: string; alias: boolean }[];
}

export function queryWord(word: string): QueryWord {
  return {
    terms: [{ text: word, alias: false }, ...aliasesOf(word).map((text) => ({ text, alias: true }))],
  };
}

export interface Place {
  field: Field;
  start: number;
  end: number;
  /** The link as shown, when the field is `link`. */
  link?: string;
  alias: boolean;
  /** False when the match begins inside a Latin word ("llama.cpp" in "ollama.cpp"): a passing mention. */
  wordStart: boolean;
}

/** A folded Latin letter or digit: a word goes on across two of them. */
function isLatinOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

export function startsWord(text: string, at: number): boolean {
  return at === 0 || !isLatinOrDigit(text.charCodeAt(at - 1)) || !isLatinOrDigit(text.charCodeAt(at));
}

/** The first occurrence of a term in text[from, to) that starts a word, else the first at all, else -1. */
function findTerm(text: string, term: QueryWord['terms'][number], from: number, to: number): number {
  let first = -1;
  for (let at = text.indexOf(term.text, from); at >= 0; at = text.indexOf(term.text, at + 1)) {
    if (at + term.text.length > to) break;
    if (term.alias && !isAliasAt(text, at, term.text)) continue;
    if (startsWord(text, at)) return at;
    if (first < 0) first = at;
  }
  return first;
}

function placeIn(field: Field, text: string, word: QueryWord, from = 0, to = text.length): Place | undefined {
  let weak: Place | undefined;
  for (const term of word.terms) {
    const at = findTerm(text, term, from, to);
    if (at < 0) continue;
    const wordStart = startsWord(text, at);
    const place = { field, start: at, end: at + term.text.length, alias: term.alias, wordStart };
    if (wordStart) return place;
    weak ??= place;
  }
  return weak;
}

/** The item's links that carry names, or none when no spelling of the word is in its links at all. */
export function namedLinksHolding(item: FoldedItem, word: QueryWord): NamedLink[] {
  const linksStart = item.title.length + item.summary.length + 2;
  if (!word.terms.some((term) => item.text.includes(term.text, linksStart))) return [];
  item.named ??= namedLinks(item.links);
  return item.named;
}

function placeInLinks(item: FoldedItem, word: QueryWord): Place | undefined {
  let weak: Place | undefined;
  for (const { folded, shown, names } of namedLinksHolding(item, word)) {
    // Each name, and all of them as written (owner/repo: a pasted link's names, lib/search/link-names).
    const [first] = names;
    const last = names[names.length - 1];
    const spans = names.length > 1 && first && last ? [...names, [first[0], last[1]] as const] : names;
    for (const [from, to] of spans) {
      const place = placeIn('link', folded, word, from, to);
      if (place?.wordStart) return { ...place, link: shown };
      if (place) weak ??= { ...place, link: shown };
    }
  }
  return weak;
}

/** The best place of a word in an item, or undefined when the item does not hold it. */
export function findPlace(item: FoldedItem, word: QueryWord): Place | undefined {
  const title = placeIn('title', item.title, word);
  if (title?.wordStart) return title;
  const link = placeInLinks(item, word);
  if (link?.wordStart && !title) return link;
  return title ?? link ?? placeIn('summary', item.summary, word);
}

/**
 * How good a hit is, smaller first: the weakest field any word was found in (every word in the title beats one
 * word only in the summary), then the whole query standing together in that field (lib/search/find-phrase.ts:
 * "Agent 框架" beats "框架 … Agent"), else whether every word was found at a word start.
 */
export function placeRank(places: readonly Place[], together: boolean): number {
  const grade = together ? 0 : places.every((place) => place.wordStart) ? 1 : 2;
  return weakestTier(places) * GRADES + grade;
}

/** The weakest field any word was found in, as its index in TIERS. */
export function weakestTier(places: readonly Place[]): number {
  return Math.max(0, ...places.map((place) => TIERS.indexOf(place.field)));
}

/** Within a field: the query together, its words apart at word starts, a word inside a word. */
const GRADES = 3;
export const RANK_COUNT = TIERS.length * GRADES;
