/**
 * The real archive, read at run time (never copied into the project): served by the fixture server at the archive
 * URLs, and mined for the linked pages and search words the browser sections use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDigest } from '../../lib/digest/index';
import { identityKeys, siteOf } from '../../lib/links/index';
import type { Digest } from '../../lib/schema';
import type { FixtureHandler } from '../e2e/fixture-server';
import { ARCHIVE_COMMIT } from '../fixtures/digest-builder';
import type { Scale } from './report';

const ARCHIVE_PATH = new RegExp(
  `^/zou8944/my-words/${ARCHIVE_COMMIT}/newsletters/(\\d{4}-\\d{2}-\\d{2})/ai_news_summary_\\1\\.md$`,
);
/** The GitHub 热门 archive's files (issue 16), at the same commit; served from `github-trending/<date>.md`. */
const TRENDING_ARCHIVE_PATH = new RegExp(
  `^/zou8944/my-words/${ARCHIVE_COMMIT}/newsletters/(\\d{4}-\\d{2}-\\d{2})/github_trending_\\1\\.md$`,
);

export interface RealArchive {
  dir: string;
  dates: string[];
  /** Pages on x.com, github.com and huggingface.co that real items link to, one per identity, shuffled stably. */
  linkedPages: string[];
  /** The identity keys of every real item link, each once. */
  itemKeys: string[];
  /** Chinese substrings of real titles and summaries, for search. */
  searchWords: string[];
  /** Each archive file parsed, oldest first (the ones that parse to a digest). */
  digests: (Digest & { date: string })[];
}

/**
 * What the browser sections measure against: the library stored at one scale, and the item keys, linked pages and
 * words to ask it for.
 */
export interface BenchLibrary {
  scale: Scale;
  digestCount: number;
  itemCount: number;
  /** Identity keys of stored items, each once, shuffled stably. */
  itemKeys: string[];
  /** Pages on the served sites that stored items link to, shuffled stably. */
  linkedPages: string[];
  searchWords: string[];
  /** The keys held by the most stored items (the stories told again and again), most first, with their counts. */
  repeatedKeys: { key: string; items: number }[];
}

/** The `count` identity keys held by the most items of `digests`. */
export function mostRepeatedKeys(
  digests: { items: { links: string[] }[] }[],
  count = 10,
): BenchLibrary['repeatedKeys'] {
  const items = new Map<string, number>();
  for (const item of digests.flatMap((digest) => digest.items)) {
    for (const key of new Set(item.links.flatMap((link) => identityKeys(link)))) {
      items.set(key, (items.get(key) ?? 0) + 1);
    }
  }
  return [...items]
    .sort(([keyA, a], [keyB, b]) => b - a || keyA.localeCompare(keyB))
    .slice(0, count)
    .map(([key, held]) => ({ key, items: held }));
}

/** The real year, as the archive import stores it. */
export function yearLibrary(archive: RealArchive): BenchLibrary {
  return {
    scale: '1 year',
    digestCount: archive.digests.length,
    itemCount: archive.digests.reduce((sum, digest) => sum + digest.items.length, 0),
    itemKeys: archive.itemKeys,
    linkedPages: archive.linkedPages,
    searchWords: archive.searchWords,
    repeatedKeys: mostRepeatedKeys(archive.digests),
  };
}

/** Deterministic shuffle, so every run measures the same pages in the same order. */
export function shuffled<T>(values: T[], seed = 7): T[] {
  const result = [...values];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

export function readRealArchive(corpusDir: string): RealArchive {
  const dir = join(corpusDir, 'archive');
  const dates = readdirSync(dir)
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.md$/.test(name))
    .map((name) => name.slice(0, 10))
    .sort();
  const pagesByKey = new Map<string, string>();
  const itemKeys = new Set<string>();
  const searchWords = new Set<string>();
  const digests: RealArchive['digests'] = [];
  for (const date of dates) {
    const digest = parseDigest(readFileSync(join(dir, `${date}.md`), 'utf8')).digest;
    if (digest) digests.push({ ...digest, date });
    for (const item of digest?.items ?? []) {
      for (const link of item.links) {
        const keys = identityKeys(link);
        for (const key of keys) itemKeys.add(key);
        const key = keys[0];
        if (key && siteOf(link) && !pagesByKey.has(key)) pagesByKey.set(key, link);
      }
      const han = item.summary.match(/[\u4e00-\u9fff]{4,}/)?.[0];
      if (han) searchWords.add(han.slice(0, 2 + (searchWords.size % 3)));
    }
  }
  return {
    dir,
    dates,
    linkedPages: shuffled([...pagesByKey.values()]),
    itemKeys: shuffled([...itemKeys]),
    searchWords: shuffled([...searchWords]),
    digests,
  };
}

/**
 * Serves `archive/<date>.md` at the archive URL of that date, and `github-trending/<date>.md` at the GitHub 热门
 * archive's, so the import stores a year of both kinds; every other archive date is a 404.
 */
export function archiveHandler(archive: RealArchive): FixtureHandler {
  const trendingDir = join(archive.dir, '..', 'github-trending');
  return (url) => {
    if (url.hostname !== 'raw.githubusercontent.com') return undefined;
    const date = ARCHIVE_PATH.exec(url.pathname)?.[1];
    const trendingDate = TRENDING_ARCHIVE_PATH.exec(url.pathname)?.[1];
    const path =
      (date && join(archive.dir, `${date}.md`)) || (trendingDate && join(trendingDir, `${trendingDate}.md`));
    if (!path || !existsSync(path)) return undefined;
    return { body: readFileSync(path), headers: { 'content-type': 'text/plain; charset=utf-8' } };
  };
}

export function isArchiveRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.hostname === 'raw.githubusercontent.com' &&
      (ARCHIVE_PATH.test(parsed.pathname) || TRENDING_ARCHIVE_PATH.test(parsed.pathname))
    );
  } catch {
    return false;
  }
}
