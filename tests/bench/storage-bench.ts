/**
 * Section 6 (the browser half; bundle sizes are in bundle-bench.ts): what the stored library costs the browser.
 * IndexedDB usage as the extension's origin sees it, with what it holds of each kind of digest (the archive import
 * stores the AI digest's year and GitHub 热门's, issue 16), and the service worker's JS heap.
 */
import type { ExtensionSession } from '../e2e/harness';
import type { DevTools } from './devtools';
import type { BenchReport } from './report';

const MB = 2 ** 20;

export async function benchStorage(report: BenchReport, session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto(session.extensionUrl('options.html'));
    const estimate = await page.evaluate(async () => {
      const { usage, usageDetails } = (await navigator.storage.estimate()) as StorageEstimate & {
        usageDetails?: Record<string, number>;
      };
      return { usage: usage ?? Number.NaN, indexedDB: usageDetails?.indexedDB };
    });
    const held = await page.evaluate(storedCounts);
    const kinds = `${held.digests} AI digests (${held.items} items) and ${held.trendingDigests} GitHub 热门 (${held.trendingItems} items)`;
    report.add({
      name: 'storage: IndexedDB used',
      value: (estimate.indexedDB ?? estimate.usage) / MB,
      unit: 'MB',
      note:
        estimate.indexedDB === undefined
          ? `total origin usage (no per-store detail); ${kinds}`
          : `holding ${kinds}`,
    });
    report.add({ name: 'storage: GitHub 热门 digests stored', value: held.trendingDigests, unit: 'digests' });
  } finally {
    await page.close();
  }
}

export async function benchWorkerHeap(
  report: BenchReport,
  session: ExtensionSession,
  devtools: DevTools,
  when: string,
): Promise<void> {
  // Wake the worker if Chromium stopped it for being idle.
  if (!(await devtools.workerRunning())) await session.send('status');
  const heap = await devtools.workerHeapBytes();
  report.add({ name: `service worker: JS heap used ${when}`, value: heap.used / MB, unit: 'MB' });
}

/** How many rows each kind's digests and index entries fill, read in the extension's page (its origin's database). */
async function storedCounts(): Promise<
  Record<'digests' | 'items' | 'trendingDigests' | 'trendingItems', number>
> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('digest-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = ['digests', 'items', 'trendingDigests', 'trendingItems'] as const;
  const present = names.filter((name) => db.objectStoreNames.contains(name));
  const tx = db.transaction(present);
  const counts = await Promise.all(
    names.map(
      (name) =>
        new Promise<number>((resolve) => {
          if (!present.includes(name)) return resolve(0);
          const request = tx.objectStore(name).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(Number.NaN);
        }),
    ),
  );
  db.close();
  return Object.fromEntries(names.map((name, index) => [name, counts[index] ?? 0])) as Record<
    (typeof names)[number],
    number
  >;
}
