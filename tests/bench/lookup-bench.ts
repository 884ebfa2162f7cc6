/**
 * Section 3: `lookup` with a year stored, as the content script sends it (identity keys and the site), from an
 * extension page to the background and back. Keys of real items and misses, mixed.
 */
import type { Envelope } from '../../lib/protocol';
import type { SiteId } from '../../lib/schema';
import { type ExtensionSession, projectRoot } from '../e2e/harness';
import type { DevTools } from './devtools';
import { summarize, timeMessages } from './message-timing';
import type { RealArchive } from './real-corpus';
import type { BenchReport } from './report';
import { timeLookupsInWorker } from './worker-lookup';

const LOOKUPS = 1_000;
const WARM_UP = 50;

function siteOfKey(key: string): SiteId | null {
  if (key.startsWith('x:')) return 'x';
  if (key.startsWith('gh:')) return 'github';
  if (key.startsWith('hf:')) return 'huggingface';
  return null;
}

/** Every third look-up misses (a made-up repo); the others ask for the key of a real item. */
export function lookupEnvelopes(archive: RealArchive, count: number): Envelope<'lookup'>[] {
  return Array.from({ length: count }, (_, index) => {
    const key =
      index % 3 === 2
        ? `gh:repo:no-such-owner-${index}/nothing`
        : (archive.itemKeys[index % archive.itemKeys.length] as string);
    return { type: 'lookup', payload: { keys: [key], site: siteOfKey(key) } };
  });
}

export async function benchLookup(
  report: BenchReport,
  session: ExtensionSession,
  archive: RealArchive,
  devtools: DevTools,
): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('options.html'));
    await timeMessages(page, lookupEnvelopes(archive, WARM_UP));
    const envelopes = lookupEnvelopes(archive, LOOKUPS);
    const { times, failures, firstError } = await timeMessages(page, envelopes);
    const hitTimes = times.filter((_, index) => index % 3 !== 2);
    const missTimes = times.filter((_, index) => index % 3 === 2);
    const all = summarize(times);
    const note = failures ? `${failures} failed: ${firstError}` : undefined;
    report.add({
      name: `lookup: p50, ${LOOKUPS} round trips from an extension page`,
      value: all.p50,
      unit: 'ms',
      note,
    });
    report.add({ name: 'lookup: p99', value: all.p99, unit: 'ms', goal: '< 5 ms' });
    report.add({ name: 'lookup: max', value: all.max, unit: 'ms' });
    report.add({ name: 'lookup: p99 of hits (real item keys)', value: summarize(hitTimes).p99, unit: 'ms' });
    report.add({ name: 'lookup: p99 of misses', value: summarize(missTimes).p99, unit: 'ms' });
  } finally {
    await page.close();
  }
  await benchLookupInWorker(report, devtools, archive);
}

/** The same look-ups timed inside the worker: the storage query alone, without messaging, validation or badge. */
async function benchLookupInWorker(
  report: BenchReport,
  devtools: DevTools,
  archive: RealArchive,
): Promise<void> {
  const keyLists = lookupEnvelopes(archive, LOOKUPS).map((envelope) => envelope.payload.keys);
  try {
    await timeLookupsInWorker(devtools, projectRoot, keyLists.slice(0, WARM_UP));
    const inside = summarize(await timeLookupsInWorker(devtools, projectRoot, keyLists));
    report.add({ name: 'lookup: inside the worker (lookupMatches), p50', value: inside.p50, unit: 'ms' });
    report.add({ name: 'lookup: inside the worker, p99', value: inside.p99, unit: 'ms' });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report.add({
      name: 'lookup: inside the worker',
      value: Number.NaN,
      unit: '',
      note: `not measured: ${reason}`,
    });
  }
}
