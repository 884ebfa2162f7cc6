/**
 * The sections that need the built extension in headless Chromium, in one browser session. The archive import
 * stores the real year and every measuring section runs with it; then five years are stored (five-years.ts) and the
 * same sections run again, so each figure is printed at both sizes. A section that cannot run (its part of the
 * extension missing or broken) is reported as not measured, in words, and the others still run.
 */

import { FixtureServer } from '../e2e/fixture-server';
import { type ExtensionSession, launchExtension } from '../e2e/harness';
import { DevTools } from './devtools';
import { fiveYears, importFiveYears } from './five-years';
import { benchImport } from './import-bench';
import { benchLookup } from './lookup-bench';
import { benchPopup, benchTodaysFirstScreen } from './popup-bench';
import { archiveHandler, type BenchLibrary, readRealArchive, yearLibrary } from './real-corpus';
import type { BenchReport } from './report';
import { benchSidebar, sitePageHandler } from './sidebar-bench';
import { benchStorage, benchWorkerHeap } from './storage-bench';

async function section(report: BenchReport, title: string, run: () => Promise<unknown>): Promise<boolean> {
  console.log(title);
  try {
    await run();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report.add({ name: title, value: Number.NaN, unit: '', note: `not measured: ${reason}` });
    return false;
  }
}

/** Wait for the sync that a fresh install starts by itself, so it does not run during the measurements. */
async function settle(session: ExtensionSession): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = await session.send('status').catch(() => undefined);
    if (!status?.running) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every measuring section, with `library` stored; its rows carry the library's scale. */
async function measureLibrary(
  report: BenchReport,
  session: ExtensionSession,
  devtools: DevTools,
  library: BenchLibrary,
): Promise<void> {
  report.scale = library.scale;
  console.log(
    `— with ${library.scale} stored (${library.digestCount} digests, ${library.itemCount} items) —`,
  );
  try {
    // BENCH_ONLY=sidebar: the navigation → sidebar rows alone (tests/bench/run.ts).
    if (process.env.BENCH_ONLY === 'sidebar') {
      await section(report, 'navigation → sidebar', () => benchSidebar(report, session, library, devtools));
      return;
    }
    // BENCH_ONLY=popup: the popup's and side panel's rows alone.
    if (process.env.BENCH_ONLY === 'popup') {
      await section(report, 'popup and search', () => benchPopup(report, session, library));
      return;
    }
    await section(report, 'service worker heap with the library stored', () =>
      benchWorkerHeap(report, session, devtools, 'with the library stored'),
    );
    await section(report, 'lookup latency', () => benchLookup(report, session, library, devtools));
    await section(report, 'IndexedDB size', () => benchStorage(report, session));
    await section(report, 'navigation → sidebar', () => benchSidebar(report, session, library, devtools));
    await section(report, 'popup and search', () => benchPopup(report, session, library));
    await section(report, 'service worker heap at the end', () =>
      benchWorkerHeap(report, session, devtools, 'at the end (restarted, after look-ups and searches)'),
    );
  } finally {
    report.scale = undefined;
  }
}

export async function benchBrowser(report: BenchReport, corpusDir: string): Promise<void> {
  const archive = readRealArchive(corpusDir);
  const year = yearLibrary(archive);
  const serveArchive = archiveHandler(archive);
  const server = await new FixtureServer()
    .setHandler((url, request) => serveArchive(url, request) ?? sitePageHandler(url, request))
    .start();
  const session = await launchExtension({ server });
  const devtools = await DevTools.open(session);
  try {
    report.environment.browser = await devtools.browserVersion();
    await settle(session);
    await section(report, 'service worker heap before the import', () =>
      benchWorkerHeap(report, session, devtools, 'after install, before the import'),
    );
    const imported = await section(report, 'archive import', () => benchImport(report, session));
    if (!imported) console.log('  (no year stored: the sections below measure an empty library)');
    await measureLibrary(report, session, devtools, year);
    const five = fiveYears(archive, year);
    const stored = await section(report, 'five years import', () =>
      importFiveYears(report, session, five.synthetic),
    );
    if (stored) await measureLibrary(report, session, devtools, five.library);
    else console.log('  (five years not stored: their sections are not measured)');
    if (stored && (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'popup'))
      await section(report, 'the readers with five years and today’s digest stored', () =>
        benchTodaysFirstScreen(report, session),
      );
  } finally {
    await devtools.close();
    await session.close();
    await server.stop();
  }
}
