/**
 * `npm run bench`: measures and prints; never fails on a time. Writes tests/bench/results.json.
 * Sections that need the built extension use EXTENSION_DIR (default .output/chrome-mv3); the browser sections run
 * it in headless Chromium (see browser-bench.ts) unless BENCH_SKIP_BROWSER is set.
 */
import { resolve } from 'node:path';
import { benchBrowser } from './browser-bench';
import { benchBundle } from './bundle-bench';
import { benchParse } from './parse-bench';
import { BenchReport } from './report';

const projectRoot = resolve(import.meta.dirname, '../..');
const corpusDir = process.env.DIGEST_CORPUS ?? resolve(projectRoot, '../shared/digests');
const extensionDir = resolve(projectRoot, process.env.EXTENSION_DIR ?? '.output/chrome-mv3');

const report = new BenchReport();
console.log('parse throughput');
benchParse(report, corpusDir);
console.log('bundle sizes');
benchBundle(report, extensionDir);
if (process.env.BENCH_SKIP_BROWSER) console.log('browser sections skipped (BENCH_SKIP_BROWSER)');
else await benchBrowser(report, corpusDir);
report.print();
report.write(resolve(projectRoot, 'tests/bench/results.json'));
