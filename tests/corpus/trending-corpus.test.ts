import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printedParseResult } from '../../lib/cli/parse-output';
import { parseDigest } from '../../lib/digest/index';
import { DIGEST_LIMITS } from '../../lib/digest/limits';
import { type ParseResult, parseResultSchema } from '../../lib/schema';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(projectRoot, '../shared/digests');
const trendingDir = path.join(corpusDir, 'github-trending');
const corpusPresent = existsSync(trendingDir);

interface TrendingFile {
  name: string;
  text: string;
  result: ParseResult;
}

function readTrending(): TrendingFile[] {
  return readdirSync(trendingDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(trendingDir, name), 'utf8');
      return { name, text, result: parseDigest(text) };
    });
}

interface ExpectedItem {
  repo: string;
  url: string;
  summary: string;
}

/**
 * The repositories of a file read here independently of the parser, by the two forms SOURCES.md describes:
 * `### N. [owner/repo](url)` + `> summary`, or `## owner/repo` + a paragraph + `[项目地址](url)`.
 */
function expectedItems(text: string): ExpectedItem[] {
  const expected: ExpectedItem[] = [];
  let current: ExpectedItem | null = null;
  for (const line of text.split('\n')) {
    const numbered = /^### \d+\. \[([^\]]+)\]\((https:\/\/github\.com\/[^)]+)\)/.exec(line);
    const plain = /^## ([^\s/]+\/[^\s/]+)$/.exec(line);
    if (numbered || plain) {
      current = { repo: (numbered?.[1] ?? plain?.[1]) as string, url: numbered?.[2] ?? '', summary: '' };
      expected.push(current);
      continue;
    }
    if (current === null || line === '---' || line.trim() === '') continue;
    const address = /^\[项目地址\]\((\S+)\)$/.exec(line);
    if (address) current.url = address[1] as string;
    else current.summary += line.replace(/^> /, '').replaceAll('`', '').trim();
  }
  return expected;
}

describe.skipIf(!corpusPresent && process.env.DIGEST_CORPUS_OPTIONAL === '1')(
  'the GitHub 热门 corpus',
  () => {
    const files = corpusPresent ? readTrending() : [];

    it('has its 239 files', () => {
      expect(files).toHaveLength(239);
    });

    it('reads every file as a GitHub 热门 digest without a problem, in the schema’s shape', () => {
      for (const { name, result } of files) {
        expect(parseResultSchema.parse(result), name).toEqual(result);
        expect(result.digest?.kind, name).toBe('github-trending');
        expect(result.problems, name).toEqual([]);
      }
    });

    it('keeps every item’s repository link and summary, ranked 1…N in order', () => {
      for (const { name, text, result } of files) {
        const items = result.digest?.items ?? [];
        const expected = expectedItems(text);
        expect(expected.length, name).toBeGreaterThan(0);
        expect(
          items.map(({ section, rank, title, summary, links }) => ({ section, rank, title, summary, links })),
          name,
        ).toEqual(
          expected.map(({ repo, url, summary }, index) => ({
            section: 'trending',
            rank: index + 1,
            title: repo,
            summary,
            links: [url],
          })),
        );
      }
    });

    it('counts the 3,253 items and 1,178 distinct repositories SOURCES.md measured', () => {
      const items = files.flatMap(({ result }) => result.digest?.items ?? []);
      expect(items).toHaveLength(3253);
      expect(new Set(items.map((item) => item.title.toLowerCase())).size).toBe(1178);
    });

    it('stays far within the digest limits', () => {
      for (const { name, result } of files) {
        const items = result.digest?.items ?? [];
        expect(items.length, name).toBeLessThanOrEqual(DIGEST_LIMITS.items);
        for (const item of items) {
          expect(item.links.length).toBeLessThanOrEqual(DIGEST_LIMITS.linksPerItem);
          expect(item.title.length).toBeLessThanOrEqual(DIGEST_LIMITS.titleLength);
          expect(item.summary.length).toBeLessThanOrEqual(DIGEST_LIMITS.summaryLength);
        }
      }
    });

    it('prints, as `digest parse` does, the kind, the date of the file name and every item of each file', () => {
      for (const { name, result } of files) {
        const printed = printedParseResult(result, path.join(trendingDir, name)) as {
          digest: { kind: string; date: string; items: unknown[] };
        };
        expect(printed.digest.kind).toBe('github-trending');
        expect(printed.digest.date).toBe(name.slice(0, 10));
        expect(printed.digest.items).toHaveLength(result.digest?.items.length ?? -1);
      }
    });
  },
);
