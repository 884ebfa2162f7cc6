/**
 * Five years stored: the real year plus a synthetic library for every other day of the 1,800 days up to the newest
 * real digest, made at run time from the real archive (nothing of it is written to disk). Each synthetic digest
 * repeats the items of a real one with their links moved to made-up pages of that day, so its stories are new ones;
 * one item in ten keeps its real links, a story summarised again. It is stored through the extension's own
 * `importData`, in files of a few hundred digests, as a user restoring an export would.
 */
import { identityKeys, siteOf } from '../../lib/links/index';
import type { Item, StoredDigest } from '../../lib/schema';
import type { ExtensionSession } from '../e2e/harness';
import { archiveUrl } from '../fixtures/digest-builder';
import { type BenchLibrary, mostRepeatedKeys, type RealArchive, shuffled } from './real-corpus';
import type { BenchReport } from './report';

export const FIVE_YEARS_DAYS = 1_800;
const DIGESTS_PER_FILE = 200;
const RECURRING_EVERY = 10;
const DAY_MS = 86_400_000;

export interface FiveYears {
  library: BenchLibrary;
  /** The digests to import: every day of the five years without a real one, oldest first. */
  synthetic: StoredDigest[];
}

/** `count` calendar dates ending with `last`, oldest first. */
export function datesUpTo(last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(end - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The link moved to a made-up page of the same kind on the same host, named with `tag`. */
export function movedLink(link: string, tag: string, serial: number): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const site = siteOf(url);
  const status = segments.findIndex((segment) => segment === 'status' || segment === 'statuses');
  if (site === 'x') {
    // A tweet is its status id: a new id of 18 digits; a profile stays (people recur).
    if (status >= 0) segments[status + 1] = `1${String(serial).padStart(17, '0')}`;
  } else if (site === 'github' && segments.length >= 2) {
    segments[1] = `${segments[1]}-${tag}`;
  } else if (site === 'huggingface' && segments.length >= 2) {
    const name = ['datasets', 'spaces', 'collections'].includes(segments[0] as string) ? 2 : 1;
    if (segments[name] !== undefined) segments[name] = `${segments[name]}-${tag}`;
  } else if (segments.length > 0) {
    segments[segments.length - 1] = `${segments.at(-1)}-${tag}`;
  } else {
    segments.push(tag);
  }
  url.pathname = `/${segments.join('/')}`;
  return url.href;
}

function syntheticDigest(
  date: string,
  source: RealArchive['digests'][number],
  nextSerial: () => number,
): StoredDigest {
  const tag = date.replaceAll('-', '');
  const items: Item[] = source.items.map((item, position) =>
    position % RECURRING_EVERY === Number(tag) % RECURRING_EVERY
      ? item
      : { ...item, links: item.links.map((link) => movedLink(link, `${tag}p${position}`, nextSerial())) },
  );
  return {
    kind: 'ainews',
    date,
    issueUrl: source.issueUrl,
    items,
    sourceId: 'archive',
    sourceUrl: archiveUrl(date),
    fetchedAt: Date.parse(`${date}T02:00:00Z`),
    contentHash: `bench-five-years-${date}`,
    problems: [],
  };
}

export function fiveYears(archive: RealArchive, year: BenchLibrary): FiveYears {
  const real = new Set(archive.digests.map((digest) => digest.date));
  const last = archive.digests.at(-1)?.date;
  if (!last) throw new Error('no real digest to build five years from');
  let serial = 0;
  const synthetic = datesUpTo(last, FIVE_YEARS_DAYS)
    .filter((date) => !real.has(date))
    .map((date, index) =>
      syntheticDigest(
        date,
        archive.digests[index % archive.digests.length] as RealArchive['digests'][number],
        () => (serial += 1),
      ),
    );
  const itemKeys = new Set(year.itemKeys);
  const pages = new Map<string, string>();
  for (const digest of synthetic) {
    for (const link of digest.items.flatMap((item) => item.links)) {
      const keys = identityKeys(link);
      for (const key of keys) itemKeys.add(key);
      if (keys[0] && siteOf(link) && !pages.has(keys[0])) pages.set(keys[0], link);
    }
  }
  return {
    synthetic,
    library: {
      scale: '5 years',
      digestCount: year.digestCount + synthetic.length,
      itemCount: year.itemCount + synthetic.reduce((sum, digest) => sum + digest.items.length, 0),
      itemKeys: shuffled([...itemKeys]),
      linkedPages: shuffled([...year.linkedPages, ...pages.values()]),
      searchWords: year.searchWords,
      repeatedKeys: mostRepeatedKeys([...archive.digests, ...synthetic]),
    },
  };
}

/** Store the synthetic digests through `importData`, a file at a time; reports the time and what was stored. */
export async function importFiveYears(
  report: BenchReport,
  session: ExtensionSession,
  synthetic: StoredDigest[],
): Promise<void> {
  const counts = { added: 0, updated: 0, kept: 0 };
  const rejected: string[] = [];
  const start = performance.now();
  for (let first = 0; first < synthetic.length; first += DIGESTS_PER_FILE) {
    const file = {
      format: 'digest-lens-export',
      version: 1,
      exportedAt: Date.now(),
      digests: synthetic.slice(first, first + DIGESTS_PER_FILE),
    };
    const answer = (await session.send('importData', { file })) as Partial<typeof counts> & {
      rejected?: ({ en?: string } | string)[];
    };
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += answer[key] ?? 0;
    for (const reason of answer.rejected ?? [])
      rejected.push(typeof reason === 'string' ? reason : `${reason.en}`);
  }
  const seconds = (performance.now() - start) / 1000;
  const files = Math.ceil(synthetic.length / DIGESTS_PER_FILE);
  const items = synthetic.reduce((sum, digest) => sum + digest.items.length, 0);
  report.add({
    name: `import: ${synthetic.length} synthetic digests (${items} items) by importData, ${files} files`,
    value: seconds,
    unit: 's',
    note:
      `added ${counts.added}, updated ${counts.updated}, kept ${counts.kept}` +
      (rejected.length ? `, rejected ${rejected.length}: ${rejected[0]}` : ''),
  });
  const stored = (await session.send('listDigests')).digests.length;
  report.add({ name: 'import: digests stored for five years', value: stored, unit: 'digests' });
}
