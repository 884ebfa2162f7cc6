import { renderInline } from './inline';
import { stripBulletMarker, stripQuoteMarkers } from './lines';
import { cutTrailingSource, isSourceLabelled } from './source-label';

/** One line under an item heading, read. */
export type BodyLine =
  | { kind: 'blank' }
  /** A `来源` line or a list of links: it gives links and no summary text. */
  | { kind: 'links'; links: string[] }
  /** A `**引用**` line: a quote from the source, kept out of the Chinese summary. */
  | { kind: 'quote' }
  | {
      kind: 'summary';
      text: string;
      links: string[];
      bulleted: boolean;
      hasCutOffLink: boolean;
      /** The whole line is one English quotation (`"…"` or `“…”`): a quote when it follows summary text. */
      isEnglishQuote: boolean;
    };

const DESCRIPTION_LABELS = ['描述', '摘要', '简介'];
const MAX_LABEL_LENGTH = 10;

export function readBodyLine(raw: string): BodyLine {
  const unquoted = stripQuoteMarkers(raw).text.trim();
  if (unquoted === '') return { kind: 'blank' };
  const { text, bulleted } = stripBulletMarker(unquoted);
  if (isSourceLabelled(text)) return { kind: 'links', links: renderInline(text).links };
  // Every link is an http(s) URL: a line without `://` has none, and a labelled one is rendered after its label only.
  const inline = text.includes('://') ? renderInline(text) : null;
  if (inline !== null && inline.links.length > 0 && holdsOnlyLinks(text, inline.hasOtherText)) {
    return { kind: 'links', links: inline.links };
  }
  const labelled = readLabel(text);
  if (labelled?.label === '引用') return { kind: 'quote' };
  const isDescription = labelled !== null && DESCRIPTION_LABELS.includes(labelled.label);
  const summary = isDescription ? renderInline(labelled.rest) : (inline ?? renderInline(text));
  const summaryText = cutTrailingSource(summary.text.trim());
  return {
    kind: 'summary',
    text: summaryText,
    links: summary.links,
    bulleted,
    hasCutOffLink: summary.hasCutOffLink,
    isEnglishQuote: isEnglishQuotation(summaryText),
  };
}

const QUOTE_CLOSERS: Record<string, string> = { '"': '"', '“': '”' };
/** What may follow the closing quotation mark: sentence punctuation. */
const AFTER_QUOTE = new Set(Array.from(' .,;:!?。，；：！？…'));
/** Chinese, Japanese and Korean characters and full-width forms: a quotation holding any is not English. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * Whether the text is, in full, one quotation in English: it opens with `"` or `“`, closes with the matching mark
 * (then at most sentence punctuation), holds Latin letters, no Chinese and no other closing mark. A Chinese summary
 * that starts with a quoted name (`“Open Agents”项目被开源…`) is not one.
 */
export function isEnglishQuotation(text: string): boolean {
  const closer = QUOTE_CLOSERS[text[0] ?? ''];
  if (closer === undefined) return false;
  let end = text.length;
  while (end > 2 && AFTER_QUOTE.has(text[end - 1] ?? '')) end--;
  if (end < 3 || text[end - 1] !== closer) return false;
  const quoted = text.slice(1, end - 1);
  return !quoted.includes(closer) && LATIN_LETTER.test(quoted) && !CJK.test(quoted);
}

/** Only links and separators after an optional leading `label：` (`演示：[url](url)`); the caller saw a link. */
function holdsOnlyLinks(text: string, hasOtherText: boolean): boolean {
  if (!hasOtherText) return true;
  const firstLink = firstIndexOf(text, ['[', 'http://', 'https://', 'HTTP']);
  const colon = firstIndexOf(firstLink < 0 ? text : text.slice(0, firstLink), ['：', ':']);
  return !renderInline(colon < 0 ? text : text.slice(colon + 1)).hasOtherText;
}

function firstIndexOf(text: string, needles: readonly string[]): number {
  let first = -1;
  for (const needle of needles) {
    const index = text.indexOf(needle);
    if (index >= 0 && (first < 0 || index < first)) first = index;
  }
  return first;
}

/** A leading bold label: `**描述**：rest` → `描述` and `rest`. */
function readLabel(text: string): { label: string; rest: string } | null {
  if (!text.startsWith('**')) return null;
  const close = text.indexOf('**', 2);
  if (close < 0 || close - 2 > MAX_LABEL_LENGTH) return null;
  let label = text.slice(2, close).trim();
  let rest = text.slice(close + 2).trimStart();
  if (label.endsWith('：') || label.endsWith(':')) label = label.slice(0, -1).trim();
  else if (rest.startsWith('：') || rest.startsWith(':')) rest = rest.slice(1);
  else return null;
  return { label, rest: rest.trim() };
}
