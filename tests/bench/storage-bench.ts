/**
 * Section 6 (the browser half; bundle sizes are in bundle-bench.ts): what the stored library costs the browser.
 * IndexedDB usage as the extension's origin sees it, and the service worker's JS heap.
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
    report.add({
      name: 'storage: IndexedDB used',
      value: (estimate.indexedDB ?? estimate.usage) / MB,
      unit: 'MB',
      note: estimate.indexedDB === undefined ? 'total origin usage (no per-store detail)' : undefined,
    });
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
