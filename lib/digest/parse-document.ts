import type { Digest, Item, ParseResult, Problem, Section } from '../schema';
import { classifyHeading, type HeadingKind } from './headings';
import { renderInline } from './inline';
import { ItemAllowance, rankProblem, SectionRanks } from './item-allowance';
import { ItemBuilder } from './item-builder';
import { type LineReader, readLines } from './line-reader';
import { isFence, isThematicBreak, readHeading } from './lines';
import { boundedProblems } from './problems';
import { SECTION_NAMES } from './section-names';

/**
 * Reads a digest line by line. The digest starts at its `AINews` header or its first section heading (whatever comes
 * before, such as the homepage's other sections or an LLM preamble, is skipped) and ends at the first heading that is
 * neither a section nor a numbered item, so the sections that follow a digest embedded in a page are not read.
 */
export function parseDocument(lines: readonly string[]): ParseResult {
  return readLines(lines, new DigestReader());
}

class DigestReader implements LineReader {
  readonly #problems: Problem[] = [];
  readonly #items: Item[] = [];
  readonly #seenSections = new Set<Section>();
  readonly #lastRank: Record<Section, number> = { news: 0, tools: 0, trending: 0 };
  readonly #ranks: Record<Section, SectionRanks> = {
    news: new SectionRanks(),
    tools: new SectionRanks(),
    trending: new SectionRanks(),
  };
  /** The line of each section's first heading. */
  readonly #sectionLine: Record<Section, number> = { news: 0, tools: 0, trending: 0 };
  #date: string | null = null;
  #issueUrl: string | null = null;
  #section: Section | null = null;
  #item: ItemBuilder | null = null;
  readonly #allowance = new ItemAllowance();

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
    const leftOut = this.#allowance.problem();
    if (leftOut !== null) this.#problems.push(leftOut);
    const digest: Digest = { kind: 'ainews', date: this.#date, issueUrl: this.#issueUrl, items: this.#items };
    return { digest, problems: boundedProblems(this.#problems) };
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
    const problem = rankProblem(SECTION_NAMES[section], rank, this.#lastRank[section]);
    if (problem !== null) this.#problem(line, problem);
    if (rank < 1) return;
    this.#lastRank[section] = rank;
    const placed = this.#ranks[section].place(SECTION_NAMES[section], rank);
    if (placed.problem !== null) this.#problem(line, placed.problem);
    if (this.#allowance.take(line)) this.#item = new ItemBuilder(section, placed.rank, headingText, line);
  }

  #finishItem(): void {
    this.#item?.finishInto(this.#items, this.#problems);
    this.#item = null;
  }

  #problem(line: number, message: string): void {
    this.#problems.push({ line, message });
  }
}
