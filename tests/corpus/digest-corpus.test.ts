import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../lib/digest/index';
import { DIGEST_LIMITS } from '../../lib/digest/limits';
import { type Item, type ParseResult, parseResultSchema } from '../../lib/schema';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(projectRoot, '../shared/digests');
const corpusOptional = process.env.DIGEST_CORPUS_OPTIONAL === '1';
const corpusPresent = existsSync(corpusDir);

const CUT_OFF_HOMEPAGE = 'homepage-2026-08-12.md';

interface CorpusFile {
  folder: 'archive' | 'homepage';
  name: string;
  /** The date in the file name. */
  date: string;
  text: string;
  result: ParseResult;
}

function readCorpus(): CorpusFile[] {
  return (['archive', 'homepage'] as const).flatMap((folder) =>
    readdirSync(path.join(corpusDir, folder))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => {
        const text = readFileSync(path.join(corpusDir, folder, name), 'utf8');
        return { folder, name, date: name.slice(-13, -3), text, result: parseDigest(text) };
      }),
  );
}

/** The `### N. …` heading lines of the digest: the whole archive file, the `### AI 动态速览` part of a homepage. */
function itemHeadings(file: CorpusFile): string[] {
  const lines = file.text.split(/\r?\n/);
  if (file.folder === 'archive') return lines.filter((line) => /^### \d+\. /.test(line));
  const start = lines.findIndex((line) => line.startsWith('### AI 动态速览'));
  const headings: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('### ')) continue;
    if (!/^### \d+\. /.test(line)) break;
    headings.push(line);
  }
  return headings;
}

/** `### N. [title](url)`: the rank and the heading link, read here independently of the parser. */
function headingLink(heading: string): { rank: number; url: string } | null {
  const match = /^### (\d+)\. \[(.+)\]\((https?:\/\/\S+)\)\s*$/.exec(heading);
  return match ? { rank: Number(match[1]), url: match[3] ?? '' } : null;
}

const ranks = (items: Item[], section: Item['section']) =>
  items.filter((item) => item.section === section).map((item) => item.rank);
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** A whole quotation holding Latin letters and no Chinese, at the start of a summary line or after a sentence. */
const ENDS_IN_ENGLISH_QUOTATION =
  /(^|[。！？.!?])\s*["“][^"“”\u2e80-\u9fff\uff00-\uffef]*[A-Za-z][^"“”\u2e80-\u9fff\uff00-\uffef]*["”][\s.,;:!?。，；：！？…]*$/m;
/** A `来源` label at the start of a summary line or after its last sentence. */
const SOURCE_LABEL = /(^|[。！？.!?；;]\s*)(\*\*|\[)?来源(（[^）]{0,28}）)?(\*\*)?\s*[：:\]]/m;

describe.skipIf(!corpusPresent && corpusOptional)('the parser over the real digests', () => {
  it('finds the corpus', () => {
    expect(
      corpusPresent,
      `no digest corpus at ${corpusDir}: set DIGEST_CORPUS, or DIGEST_CORPUS_OPTIONAL=1 to skip`,
    ).toBe(true);
  });

  const corpus = corpusPresent ? readCorpus() : [];
  const archive = corpus.filter((file) => file.folder === 'archive');
  const homepage = corpus.filter((file) => file.folder === 'homepage');
  const allItems = corpus.flatMap((file) => file.result.digest?.items ?? []);

  it.runIf(corpusPresent)(
    'reads 239 archive files and 11 homepage versions, every result in the schema',
    () => {
      expect(archive).toHaveLength(239);
      expect(homepage).toHaveLength(11);
      for (const file of corpus)
        expect(parseResultSchema.safeParse(file.result).success, file.name).toBe(true);
    },
  );

  it.runIf(corpusPresent)(
    'gives each archive file 10 news and 10 tools, ranks 1..10, its date, no problems',
    () => {
      for (const { name, date, result } of archive) {
        const items = result.digest?.items ?? [];
        expect(ranks(items, 'news'), name).toEqual(ONE_TO_TEN);
        expect(ranks(items, 'tools'), name).toEqual(ONE_TO_TEN);
        expect(result.digest?.date, name).toBe(name === '2025-06-22.md' ? null : date);
        expect(result.problems, name).toEqual([]);
      }
    },
  );

  it.runIf(corpusPresent)(
    'reads the 原文链接 of every file: 143 distinct smol.ai issues across the archive',
    () => {
      for (const { name, result } of corpus) {
        expect(result.digest?.issueUrl, name).toMatch(/^https:\/\/news\.smol\.ai\/issues\/[\w-]+\/$/);
      }
      expect(new Set(archive.map((file) => file.result.digest?.issueUrl)).size).toBe(143);
    },
  );

  it.runIf(corpusPresent)(
    'gives each homepage 20 items of its own digest, and 2026-08-12 10 + 6 with a problem',
    () => {
      for (const { name, date, result } of homepage) {
        const items = result.digest?.items ?? [];
        expect(result.digest?.date, name).toBe(date);
        expect(ranks(items, 'news'), name).toEqual(ONE_TO_TEN);
        if (name === CUT_OFF_HOMEPAGE) {
          expect(ranks(items, 'tools'), name).toEqual([1, 2, 3, 4, 5, 6]);
          expect(
            result.problems.some((problem) => problem.message.includes('cut off')),
            name,
          ).toBe(true);
        } else {
          expect(ranks(items, 'tools'), name).toEqual(ONE_TO_TEN);
          expect(result.problems, name).toEqual([]);
        }
      }
    },
  );

  it.runIf(corpusPresent)(
    'keeps the link of every `### N. [title](url)` heading among that item’s links',
    () => {
      let checked = 0;
      for (const file of corpus) {
        const items = file.result.digest?.items ?? [];
        const headings = itemHeadings(file);
        expect(headings, file.name).toHaveLength(items.length);
        headings.forEach((heading, index) => {
          const link = headingLink(heading);
          if (link === null) return;
          expect(items[index]?.rank, heading).toBe(link.rank);
          expect(items[index]?.links, heading).toContain(link.url);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(3500);
    },
  );

  it.runIf(corpusPresent)(
    'finds a link for at least 4,700 of the 4,996 items, and only http(s) links',
    () => {
      const withLinks = allItems.filter((item) => item.links.length > 0).length;
      const links = allItems.flatMap((item) => item.links);
      console.log(
        [
          `${corpus.length} documents in ${corpusDir}`,
          `  items: ${allItems.length} (news ${allItems.filter((item) => item.section === 'news').length}, tools ${allItems.filter((item) => item.section === 'tools').length})`,
          `  items with a link: ${withLinks}, without: ${allItems.length - withLinks}`,
          `  links: ${links.length}`,
          `  problems: ${corpus.flatMap((file) => file.result.problems.map((problem) => `${file.name}:${problem.line} ${problem.message}`)).join('; ')}`,
        ].join('\n'),
      );
      expect(allItems).toHaveLength(4996);
      expect(withLinks).toBeGreaterThanOrEqual(4700);
      for (const link of links) expect(link).toMatch(/^https?:\/\/[^\s]+$/i);
    },
  );

  it.runIf(corpusPresent)(
    'keeps English quote lines out of every summary (19 of them glued on in 2025-06-24), and the Chinese in',
    () => {
      for (const item of allItems) expect(item.summary, item.title).not.toMatch(ENDS_IN_ENGLISH_QUOTATION);
      const quoteDay = archive.find((file) => file.name === '2025-06-24.md');
      const quoteLines = quoteDay?.text.split('\n').filter((line) => /^> ["“][A-Za-z]/.test(line)) ?? [];
      expect(quoteLines).toHaveLength(19);
      for (const item of quoteDay?.result.digest?.items ?? [])
        expect(item.summary, item.title).toMatch(/[。）)]$/);
    },
  );

  it.runIf(corpusPresent)('stays far within the digest limits: at most a tenth of each', () => {
    const most = (values: number[]) => Math.max(...values);
    expect(most(corpus.map((file) => file.result.digest?.items.length ?? 0)) * 10).toBeLessThanOrEqual(
      DIGEST_LIMITS.items,
    );
    expect(most(allItems.map((item) => item.links.length)) * 10).toBeLessThanOrEqual(
      DIGEST_LIMITS.linksPerItem,
    );
    expect(most(allItems.map((item) => item.title.length)) * 10).toBeLessThanOrEqual(
      DIGEST_LIMITS.titleLength,
    );
    expect(most(allItems.map((item) => item.summary.length)) * 10).toBeLessThanOrEqual(
      DIGEST_LIMITS.summaryLength,
    );
  });

  it.runIf(corpusPresent)('keeps 来源 lines and markup out of summaries and titles', () => {
    for (const item of allItems) {
      expect(item.summary, item.title).not.toMatch(SOURCE_LABEL);
      expect(item.summary, item.title).not.toMatch(/^\s*>|\*\*|\]\(https?:/m);
      expect(item.title).not.toMatch(/\*\*|\]\(|^\[|https?:\/\//);
    }
    expect(allItems.filter((item) => item.summary === '')).toHaveLength(1);
  });
});
