import { withoutBidiControls } from '../plain-text';
import type { Item, Problem, Section } from '../schema';
import { splitTrailingSource } from './heading-source';
import { renderInline } from './inline';
import { readBodyLine } from './item-body';
import { cutText, DIGEST_LIMITS, formatCount } from './limits';
import { SECTION_NAMES } from './section-names';
import { joinSummary, type SummaryPart } from './summary';

/** A heading that opens a link's label and never closes it. */
const CUT_LABEL = /^\s*\[[^\]]*$/;

/** Collects one item from its heading and the lines under it. */
export class ItemBuilder {
  readonly #section: Section;
  readonly #rank: number;
  readonly #headingLine: number;
  readonly #title: string;
  readonly #links: string[];
  readonly #summaryParts: SummaryPart[] = [];
  readonly #problems: Problem[] = [];
  /**
   * Whether summary text was read: an English quotation after it (the 2025-06-24 form, `> "…"` under the Chinese
   * summary) is a quote from the source, kept out of the summary like a `**引用**` line; before it, it is the summary.
   */
  /** Characters of summary text read, separators not counted: past the limit the summary is cut, whatever follows. */
  #summaryLength = 0;

  constructor(section: Section, rank: number, headingText: string, headingLine: number) {
    this.#section = section;
    this.#rank = rank;
    this.#headingLine = headingLine;
    const { title, source } = splitTrailingSource(headingText);
    // A heading link cut before its label closed (`### 4. [owner/rep`, where a file ends): said as cut off, and its
    // bracket is no part of the title (QA 2026-12-01: shown as 「[owner/rep」).
    const labelCut = CUT_LABEL.test(title);
    const heading = renderInline(labelCut ? title.trimStart().slice(1) : title);
    this.#title = this.#bounded('title', withoutBidiControls(heading.text).trim(), DIGEST_LIMITS.titleLength);
    this.#links = [...heading.links, ...(source === null ? [] : renderInline(source).links)];
    if (heading.hasCutOffLink)
      this.#problem(headingLine, 'the heading link is cut off (no closing parenthesis)');
    if (labelCut) this.#problem(headingLine, 'the heading link is cut off (no closing bracket)');
    if (this.#title === '') this.#problem(headingLine, 'the item has no title');
  }

  addLine(raw: string, lineNumber: number): void {
    // Once the summary is sure to be cut, a line can only add links, and a line without `://` has none: skipping it
    // keeps an item of a million short lines fast.
    const summaryIsFull = this.#summaryLength > DIGEST_LIMITS.summaryLength;
    if (summaryIsFull && !raw.includes('://')) return;
    const line = readBodyLine(raw);
    if (line.kind === 'blank' && !summaryIsFull) this.#summaryParts.push('paragraph-break');
    if (line.kind === 'links' || line.kind === 'summary')
      for (const link of line.links) this.#links.push(link);
    if (line.kind === 'summary' && !(line.isEnglishQuote && this.#summaryLength > 0)) {
      const text = withoutBidiControls(line.text);
      if (!summaryIsFull) this.#summaryParts.push({ text, bulleted: line.bulleted });
      this.#summaryLength += text.length;
      if (line.hasCutOffLink) this.#problem(lineNumber, 'a link is cut off (no closing parenthesis)');
    }
  }

  /** Adds the finished item and its problems to the digest's. */
  finishInto(items: Item[], problems: Problem[]): void {
    const finished = this.#finish();
    items.push(finished.item);
    for (const problem of finished.problems) problems.push(problem);
  }

  #finish(): { item: Item; problems: Problem[] } {
    const summary = this.#bounded('summary', joinSummary(this.#summaryParts), DIGEST_LIMITS.summaryLength);
    if (summary === '') this.#problem(this.#headingLine, 'the item has no summary');
    const item: Item = {
      section: this.#section,
      rank: this.#rank,
      title: this.#title,
      summary,
      links: this.#boundedLinks(),
    };
    return { item, problems: this.#problems };
  }

  /** `text` within `maxLength`, or cut to it with a problem that says so. */
  #bounded(what: 'title' | 'summary', text: string, maxLength: number): string {
    const cut = cutText(text, maxLength);
    if (cut === null) return text;
    this.#problem(this.#headingLine, `the ${what} was cut at ${formatCount(maxLength)} characters`);
    return cut;
  }

  #boundedLinks(): string[] {
    const links = [...new Set(this.#links)];
    const extra = links.length - DIGEST_LIMITS.linksPerItem;
    if (extra <= 0) return links;
    this.#problem(
      this.#headingLine,
      `the links were cut at ${formatCount(DIGEST_LIMITS.linksPerItem)} (${formatCount(extra)} more left out)`,
    );
    return links.slice(0, DIGEST_LIMITS.linksPerItem);
  }

  #problem(line: number, message: string): void {
    this.#problems.push({ line, message: `${SECTION_NAMES[this.#section]} ${this.#rank}: ${message}` });
  }
}
