/**
 * The sections that need the built extension in headless Chromium, in one browser session: the archive import
 * fills the library with a year, and every later section measures with that year stored. A section that cannot run
 * (its part of the extension missing or broken) is reported as not measured, in words, and the others still run.
 */

import { FixtureServer } from '../e2e/fixture-server';
import { type ExtensionSession, launchExtension } from '../e2e/harness';
import { DevTools } from './devtools';
import { benchImport } from './import-bench';
import { benchLookup } from './lookup-bench';
import { benchPopup } from './popup-bench';
import { archiveHandler, readRealArchive } from './real-corpus';
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

export async function benchBrowser(report: BenchReport, corpusDir: string): Promise<void> {
  const archive = readRealArchive(corpusDir);
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
    await section(report, 'service worker heap after the import', () =>
      benchWorkerHeap(report, session, devtools, 'after the import'),
    );
    if (!imported) console.log('  (no year stored: the sections below measure an empty library)');
    await section(report, 'lookup latency', () => benchLookup(report, session, archive, devtools));
    await section(report, 'IndexedDB size', () => benchStorage(report, session));
    await section(report, 'navigation → sidebar', () => benchSidebar(report, session, archive, devtools));
    await section(report, 'popup and search', () => benchPopup(report, session, archive));
    await section(report, 'service worker heap at the end', () =>
      benchWorkerHeap(report, session, devtools, 'at the end (restarted, after look-ups and searches)'),
    );
  } finally {
    await devtools.close();
    await session.close();
    await server.stop();
  }
}
