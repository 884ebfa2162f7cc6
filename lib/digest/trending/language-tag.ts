/** A language tag: one word in a code span (`python`, `golang`, `c++`). */
const TAG = /^`[^`\s]{1,40}`$/;

/**
 * The item heading without the language tag the publisher writes after the link since 2026-06
 * (`[owner/repo](url) `python``): the tag is no part of the repository's name.
 */
export function withoutLanguageTag(heading: string): string {
  const trimmed = heading.trimEnd();
  const space = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
  if (space < 0 || !TAG.test(trimmed.slice(space + 1))) return heading;
  const before = trimmed.slice(0, space).trimEnd();
  return before.endsWith(')') ? before : heading;
}
