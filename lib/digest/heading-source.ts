import { renderInline } from './inline';
import { isSourceLabelled } from './source-label';

/** The opener of each bracket a source group may end with, by character code: `)` and the full-width `）`. */
const OPENER_OF = new Map([
  [0x29, 0x28],
  [0xff09, 0xff08],
]);

/**
 * Splits a trailing `（来源：…）` or `（https://…）` group off an item heading: it names the item's source, it is not
 * part of the title. Returns the heading without it and the group's content (or null when there is none).
 */
export function splitTrailingSource(heading: string): { title: string; source: string | null } {
  const trimmed = heading.trimEnd();
  const closer = trimmed.charCodeAt(trimmed.length - 1);
  const opener = OPENER_OF.get(closer);
  if (opener === undefined) return { title: heading, source: null };
  let depth = 0;
  for (let index = trimmed.length - 1; index >= 0; index--) {
    const code = trimmed.charCodeAt(index);
    if (code === closer) depth++;
    else if (code === opener && --depth === 0) {
      const inner = trimmed.slice(index + 1, -1).trim();
      const isLinkTarget = trimmed[index - 1] === ']';
      if (isLinkTarget || !isSource(inner)) break;
      return { title: trimmed.slice(0, index), source: inner };
    }
  }
  return { title: heading, source: null };
}

function isSource(inner: string): boolean {
  if (isSourceLabelled(inner)) return true;
  const rendered = renderInline(inner);
  return rendered.links.length > 0 && !rendered.hasOtherText;
}
