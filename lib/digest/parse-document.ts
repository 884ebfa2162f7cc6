import type { Digest, Item, ParseResult, Problem, Section } from '../schema';
import { classifyHeading, type HeadingKind } from './headings';
import { renderInline } from './inline';
import { ItemBuilder } from './item-builder';
import { DIGEST_LIMITS, formatCount } from './limits';
import { isFence, isThematicBreak, readHeading, splitLines } from './lines';
import { SECTION_NAMES } from './section-names';

/**
 * Reads a digest line by line. The digest starts at its `AINews` header or its first section heading (whatever comes
 * before, such as the homepage's other sections or an LLM preamble, is skipped) and ends at the first heading that is
 * neither a section nor a numbered item, so the sections that follow a digest embedded in a page are not read.
 */
export function parseDocument(document: string): ParseResult {
  const reader = new DigestReader();
  const lines = splitLines(document);
  for (let index = 0; index < lines.length; index++) {
    if (!reader.read(lines[index] ?? '', index + 1)) break;
  }
  return reader.finish(lines.length);
}

class DigestReader {
  readonly #problems: Problem[] = [];
  readonly #items: Item[] = [];
  readonly #seenSections = new Set<Section>();
  readonly #lastRank: Record<Section, number> = { news: 0, tools: 0, trending: 0 };
  /** The line of each section's first heading. */
  readonly #sectionLine: Record<Section, number> = { news: 0, tools: 0, trending: 0 };
  #date: string | null = null;
  #issueUrl: string | null = null;
  #section: Section | null = null;
  #item: ItemBuilder | null = null;
  /** Items past `DIGEST_LIMITS.items`, counted and not read, and the line of the first. */
  #itemsLeftOut = 0;
  #firstLeftOutLine = 0;

  /** Reads one line; false when the digest has ended. */
  read(text: string, line: number): boolean {
    if (isFence(text)) return true;
    const heading = readHeading(text);
    if (heading !== null) return this.#readHeading(classifyHeading(heading), line);
    if (isThematicBreak(text)) this.#finishItem();
    else if (this.#item !== null) this.#item.addLine(text, line);
    else if (this.#section === null && text.includes('原文链接')) {
      this.#issueUrl ??= renderInline(text).links[0] ?? null;
    }
    return true;
  }

  finish(lastLine: number): ParseResult {
    this.#finishItem();
    if (this.#seenSections.size === 0) {
      this.#problem(1, 'no digest found: no 十大AI新闻要点 or 十大工具产品要点 section');
      return { digest: null, problems: this.#problems };
    }
    for (const section of ['news', 'tools'] as const) {
      if (!this.#seenSections.has(section))
        this.#problem(lastLine, `the section ${SECTION_NAMES[section]} is missing`);
      else if (this.#lastRank[section] === 0)
        this.#problem(this.#sectionLine[section], `the section ${SECTION_NAMES[section]} has no items`);
    }
    if (this.#itemsLeftOut > 0) {
      this.#problem(
        this.#firstLeftOutLine,
        `the digest was cut at ${formatCount(DIGEST_LIMITS.items)} items (${formatCount(this.#itemsLeftOut)} more left out)`,
      );
    }
    const digest: Digest = { kind: 'ainews', date: this.#date, issueUrl: this.#issueUrl, items: this.#items };
    return { digest, problems: boundedProblems(this.#problems.sort((a, b) => a.line - b.line)) };
  }

  #readHeading(kind: HeadingKind, line: number): boolean {
    switch (kind.kind) {
      case 'header':
        if (this.#seenSections.size > 0) return false;
        this.#date = kind.date;
        this.#issueUrl = null;
        if (kind.notADate !== null)
          this.#problem(line, `the AINews header date ${kind.notADate} is not a calendar date`);
        else if (kind.date === null) this.#problem(line, 'the AINews header has no YYYY-MM-DD date');
        return true;
      case 'section':
        this.#finishItem();
        if (this.#seenSections.has(kind.section)) {
          this.#problem(line, `the section ${SECTION_NAMES[kind.section]} appears twice`);
        } else {
          this.#sectionLine[kind.section] = line;
        }
        this.#section = kind.section;
        this.#seenSections.add(kind.section);
        return true;
      case 'item':
        if (this.#section !== null) this.#startItem(this.#section, kind.rank, kind.rest, line);
        return true;
      case 'other':
        return this.#section === null;
    }
  }

  #startItem(section: Section, rank: number, headingText: string, line: number): void {
    this.#finishItem();
    const previous = this.#lastRank[section];
    if (rank < 1) {
      this.#problem(line, `${SECTION_NAMES[section]}: item number 0 is not a rank`);
      return;
    }
    if (rank !== previous + 1) {
      this.#problem(
        line,
        `${SECTION_NAMES[section]}: item ${rank} follows item ${previous} (expected ${previous + 1})`,
      );
    }
    this.#lastRank[section] = rank;
    if (this.#items.length < DIGEST_LIMITS.items) {
      this.#item = new ItemBuilder(section, rank, headingText, line);
    } else if (this.#itemsLeftOut++ === 0) {
      this.#firstLeftOutLine = line;
    }
  }

  #finishItem(): void {
    if (this.#item === null) return;
    const { item, problems } = this.#item.finish();
    this.#items.push(item);
    for (const problem of problems) this.#problems.push(problem);
    this.#item = null;
  }

  #problem(line: number, message: string): void {
    this.#problems.push({ line, message });
  }
}

/** At most `DIGEST_LIMITS.problems` problems: the last one left says how many more there were. */
function boundedProblems(problems: Problem[]): Problem[] {
  if (problems.length <= DIGEST_LIMITS.problems) return problems;
  const kept = problems.slice(0, DIGEST_LIMITS.problems - 1);
  const firstLeftOut = problems[kept.length] as Problem;
  const more = problems.length - kept.length;
  kept.push({
    line: firstLeftOut.line,
    message: `${formatCount(more)} more problems from here on are not listed`,
  });
  return kept;
}
