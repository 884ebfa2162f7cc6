/**
 * `npm run bench`: measures and prints; never fails on a time. Writes tests/bench/results.json.
 * Sections that need the built extension use EXTENSION_DIR (default .output/chrome-mv3); the browser sections run
 * it in headless Chromium with one year and then five years stored (see browser-bench.ts) unless BENCH_SKIP_BROWSER
 * is set. Every figure is printed with the machine's load average when it was taken.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { benchBrowser } from './browser-bench';
import { benchBundle } from './bundle-bench';
import { benchMarks } from './marks-bench';
import { benchParse } from './parse-bench';
import { benchParseShapes } from './parse-shapes-bench';
import { BenchReport } from './report';

const projectRoot = resolve(import.meta.dirname, '../..');
const corpusDir = process.env.DIGEST_CORPUS ?? resolve(projectRoot, '../shared/digests');
const extensionDir = privateCopy(resolve(projectRoot, process.env.EXTENSION_DIR ?? '.output/chrome-mv3'));

/**
 * The build folder is shared: another `wxt build` during the minutes the bench runs replaces its files under the
 * running extension (seen 2026-11-30: popup.html not found half-way). The bench loads a copy of its own.
 */
function privateCopy(built: string): string {
  if (!existsSync(join(built, 'manifest.json')))
    throw new Error(`no build in ${built}: run "npm run build" first`);
  const copy = join(mkdtempSync(join(tmpdir(), 'digest-lens-bench-build-')), 'chrome-mv3');
  cpSync(built, copy, { recursive: true });
  process.env.EXTENSION_DIR = copy;
  process.on('exit', () => rmSync(dirname(copy), { recursive: true, force: true }));
  return copy;
}

const started = performance.now();
const report = new BenchReport();
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`,
);
/**
 * BENCH_ONLY=<section> (parse, bundle, browser, sidebar, popup, marks) runs that section alone (sidebar and popup:
 * in browser).
 */
const only = process.env.BENCH_ONLY;
const runs = (section: string) => !only || only === section;
if (runs('parse')) {
  console.log('parse throughput');
  const { msPerMB } = benchParse(report, corpusDir);
  console.log('parse shapes (child processes, each stopped after 30 s)');
  benchParseShapes(report, msPerMB);
}
if (runs('bundle')) {
  console.log('bundle sizes');
  benchBundle(report, extensionDir);
}
if (process.env.BENCH_SKIP_BROWSER) console.log('browser sections skipped (BENCH_SKIP_BROWSER)');
else {
  if (runs('browser') || only === 'sidebar' || only === 'popup') await benchBrowser(report, corpusDir);
  if (runs('marks')) {
    console.log('marks on links (a small library of its own)');
    await benchMarks(report).catch((error: unknown) =>
      report.add({
        name: 'marks on links',
        value: Number.NaN,
        unit: '',
        note: `not measured: ${String(error).split('\n')[0]}`,
      }),
    );
  }
}
report.print();
// One section's figures would replace the whole run's in results.json: written only by a full run.
if (!only) report.write(resolve(projectRoot, 'tests/bench/results.json'));
console.log(`\nthe bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
