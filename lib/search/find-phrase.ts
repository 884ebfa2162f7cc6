/**
 * Where the whole query stands together in an item: its words in the order typed, each spelled as typed or as an alias
 * (lib/search/aliases.ts), the first at a word start and each after the one before it. Between two words there may be
 * white space or marks that join words into a name ("open-source", "owner/repo", "llama.cpp"), and nothing at all
 * where either side is Chinese (written without spaces: "Agent框架", "开源模型"), though not between two Latin words
 * ("open source" is not "opensource"). A comma or any other mark keeps them apart, as a list or a sentence does.
 */
import { isAliasAt } from './aliases';
import {
  type Field,
  type FoldedItem,
  namedLinksHolding,
  type Place,
  type QueryWord,
  startsWord,
} from './find-place';

/** What a space typed between two words may stand as in a text, besides itself. */
const GAP = /[\s\-_/.·]/;

type Term = QueryWord['terms'][number];

export interface PhraseSpan {
  start: number;
  end: number;
  /** True when a word of it was found as another spelling. */
  alias: boolean;
}

function termAt(text: string, at: number, term: Term, to: number): boolean {
  return (
    at + term.text.length <= to && startsWord(text, at) && (!term.alias || isAliasAt(text, at, term.text))
  );
}

/** Where words[index…] end when each follows the one before it from `at`, or undefined when they don't. */
function restFrom(
  text: string,
  words: readonly QueryWord[],
  index: number,
  at: number,
  to: number,
): { end: number; alias: boolean } | undefined {
  const word = words[index];
  if (!word) return { end: at, alias: false };
  let next = at;
  while (next < to && GAP.test(text[next] as string)) next += 1;
  for (const term of word.terms) {
    if (!text.startsWith(term.text, next) || !termAt(text, next, term, to)) continue;
    const rest = restFrom(text, words, index + 1, next + term.text.length, to);
    if (rest) return { end: rest.end, alias: term.alias || rest.alias };
  }
  return undefined;
}

/** The first place in text[from, to) where the words stand together, or undefined. */
export function phraseIn(
  text: string,
  words: readonly QueryWord[],
  from = 0,
  to = text.length,
): PhraseSpan | undefined {
  let found: PhraseSpan | undefined;
  for (const term of words[0]?.terms ?? []) {
    // After another spelling was found, only a place before it may replace it.
    const before = found?.start ?? to;
    const spelling = term.text;
    for (let at = text.indexOf(spelling, from); at >= 0 && at < before; at = text.indexOf(spelling, at + 1)) {
      if (!termAt(text, at, term, to)) continue;
      const rest = restFrom(text, words, 1, at + spelling.length, to);
      if (rest) {
        found = { start: at, end: rest.end, alias: term.alias || rest.alias };
        break;
      }
    }
  }
  return found;
}

/** Where the words stand together in one field of the item (in a link: among its names, from the first to the last). */
export function phraseInField(
  item: FoldedItem,
  words: readonly QueryWord[],
  field: Field,
): Place | undefined {
  if (field !== 'link') {
    const span = phraseIn(item[field], words);
    return span && { field, ...span, wordStart: true };
  }
  for (const { folded, shown, names } of namedLinksHolding(item, words[0] as QueryWord)) {
    const span = phraseIn(folded, words, names[0]?.[0], names[names.length - 1]?.[1]);
    if (span) return { field, ...span, link: shown, wordStart: true };
  }
  return undefined;
}
