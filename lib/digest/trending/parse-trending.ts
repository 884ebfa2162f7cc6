import type { Item, ParseResult, Problem } from '../../schema';
import { isTrendingTitle } from '../digest-kind';
import { findDate, readItemNumber } from '../headings';
import { ItemAllowance, rankProblem, SectionRanks } from '../item-allowance';
import { ItemBuilder } from '../item-builder';
import { type LineReader, readLines } from '../line-reader';
import { isFence, isThematicBreak, readHeading, stripQuoteMarkers } from '../lines';
import { boundedProblems } from '../problems';
import { SECTION_NAMES } from '../section-names';
import { withoutLanguageTag } from './language-tag';

/** What the publisher writes when the model gave no summary: no summary at all. */
const NO_SUMMARY = '无摘要';

/**
 * Reads a GitHub 热门 digest: from its title (`## GitHub Trending`, or `# GitHub 每日趋势 - …`) every deeper heading is
 * one repository — `### N. [owner/repo](url)` with a `> summary`, maybe a language tag after the link, or in the first
 * two days an unnumbered `## owner/repo` with a plain paragraph and a `[项目地址](url)` line — until a heading as high
 * as the title. Items are in the section `trending`, ranked as numbered (or in order when unnumbered).
 */
export function parseTrending(lines: readonly string[]): ParseResult {
  return readLines(lines, new TrendingReader());
}

class TrendingReader implements LineReader {
  readonly #problems: Problem[] = [];
  readonly #items: Item[] = [];
  readonly #allowance = new ItemAllowance();
  /** The title's heading level and line; 0 until the title is read. */
  #titleLevel = 0;
  #titleLine = 0;
  #date: string | null = null;
  #lastRank = 0;
  readonly #ranks = new SectionRanks();
  #item: ItemBuilder | null = null;

  read(text: string, line: number): boolean {
    if (isFence(text)) return true;
    const heading = readHeading(text);
    if (heading !== null) return this.#readHeading(heading.level, heading.text, line);
    if (isThematicBreak(text)) this.#finishItem();
    else if (this.#item !== null && stripQuoteMarkers(text).text.trim() !== NO_SUMMARY)
      this.#item.addLine(text, line);
    return true;
  }

  finish(): ParseResult {
    this.#finishItem();
    if (this.#lastRank === 0)
      this.#problems.push({ line: this.#titleLine, message: 'the digest has no items' });
    const leftOut = this.#allowance.problem();
    if (leftOut !== null) this.#problems.push(leftOut);
    return {
      digest: { kind: 'github-trending', date: this.#date, issueUrl: null, items: this.#items },
      problems: boundedProblems(this.#problems),
    };
  }

  #readHeading(level: number, text: string, line: number): boolean {
    if (this.#titleLevel === 0) {
      if (isTrendingTitle(text)) {
        this.#titleLevel = level;
        this.#titleLine = line;
        this.#date = findDate(text);
      }
      return true;
    }
    if (level <= this.#titleLevel) return false;
    this.#startItem(text, line);
    return true;
  }

  #startItem(headingText: string, line: number): void {
    this.#finishItem();
    const numbered = readItemNumber(headingText);
    const rank = numbered?.rank ?? this.#lastRank + 1;
    const problem = rankProblem(SECTION_NAMES.trending, rank, this.#lastRank);
    if (problem !== null) this.#problems.push({ line, message: problem });
    if (rank < 1) return;
    this.#lastRank = rank;
    const placed = this.#ranks.place(SECTION_NAMES.trending, rank);
    if (placed.problem !== null) this.#problems.push({ line, message: placed.problem });
    const title = withoutLanguageTag(numbered?.rest ?? headingText);
    if (this.#allowance.take(line)) this.#item = new ItemBuilder('trending', placed.rank, title, line);
  }

  #finishItem(): void {
    this.#item?.finishInto(this.#items, this.#problems);
    this.#item = null;
  }
}
