/**
 * Splits text around a match's [start, end) offsets so the UI can wrap the match in <mark> as text nodes, never as
 * HTML. Offsets come from the background's search answer and are clamped, so a stale or hostile hit cannot throw.
 */
export interface TextPart {
  text: string;
  mark: boolean;
}

export function highlightParts(text: string, start: number, end: number): TextPart[] {
  const from = clamp(start, 0, text.length);
  const to = clamp(end, from, text.length);
  if (from === to) return text ? [{ text, mark: false }] : [];
  const parts: TextPart[] = [
    { text: text.slice(0, from), mark: false },
    { text: text.slice(from, to), mark: true },
    { text: text.slice(to), mark: false },
  ];
  return parts.filter((part) => part.text.length > 0);
}

export interface Snippet {
  text: string;
  start: number;
  end: number;
}

/** A window of `radius` characters either side of the match, with an ellipsis where text was cut. */
export function snippetAround(text: string, start: number, end: number, radius = 30): Snippet {
  const from = clamp(start, 0, text.length);
  const to = clamp(end, from, text.length);
  const cutStart = Math.max(0, from - radius);
  const cutEnd = Math.min(text.length, to + radius);
  const prefix = cutStart > 0 ? '…' : '';
  const suffix = cutEnd < text.length ? '…' : '';
  return {
    text: `${prefix}${text.slice(cutStart, cutEnd)}${suffix}`,
    start: from - cutStart + prefix.length,
    end: to - cutStart + prefix.length,
  };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
