/**
 * What the parser said about single items, read back from a stored digest's problems so an item card can say why it
 * looks wrong. Problems about an item start with its section's name and rank (`十大工具产品要点 6: the item has no
 * summary`, lib/digest/item-builder.ts); the rest of the message says what happened.
 */
import { SECTION_NAMES } from '../digest/section-names';
import type { Problem, Section } from '../schema';

/** `cutOff`: the source text ends or breaks inside the item (a link without its closing parenthesis). */
export interface ItemNote {
  cutOff: boolean;
  noSummary: boolean;
}

export const itemNoteKey = (section: Section, rank: number) => `${section}/${rank}`;

const ITEM_PROBLEM = new RegExp(`^(${Object.values(SECTION_NAMES).join('|')}) (\\d+): (.*)$`);
const SECTION_BY_NAME = new Map(
  Object.entries(SECTION_NAMES).map(([section, name]) => [name, section as Section]),
);

const cache = new WeakMap<readonly Problem[], ReadonlyMap<string, ItemNote>>();

/** The notes of a digest's items, keyed by `itemNoteKey`; only items with something to say. Cached per problems list. */
export function itemNotes(problems: readonly Problem[]): ReadonlyMap<string, ItemNote> {
  const cached = cache.get(problems);
  if (cached) return cached;
  const notes = new Map<string, ItemNote>();
  for (const { message } of problems) {
    const match = ITEM_PROBLEM.exec(message);
    if (!match) continue;
    const [, name, rank, what] = match as unknown as [string, string, string, string];
    const cutOff = /\bcut off\b/.test(what);
    const noSummary = what === 'the item has no summary';
    if (!cutOff && !noSummary) continue;
    const key = itemNoteKey(SECTION_BY_NAME.get(name) as Section, Number(rank));
    const note = notes.get(key) ?? { cutOff: false, noSummary: false };
    notes.set(key, { cutOff: note.cutOff || cutOff, noSummary: note.noSummary || noSummary });
  }
  cache.set(problems, notes);
  return notes;
}
