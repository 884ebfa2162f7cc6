/** Sizes of what the build ships, read from the built extension folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchReport } from './report';

export interface Manifest {
  content_scripts: {
    js?: string[];
    css?: string[];
    matches: string[];
    all_frames?: boolean;
    run_at?: string;
  }[];
  web_accessible_resources?: unknown[];
}

/** The files every page of the served sites gets: the content scripts' JS and CSS (the lean page script). */
export function everyPageFiles(manifest: Manifest): string[] {
  return [
    ...new Set(manifest.content_scripts.flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])])),
  ];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The JS and CSS a page gets from the content script: its entry file plus the CSS it injects into its shadow root. */
export function contentScriptBytes(extensionDir: string): number {
  const dir = join(extensionDir, 'content-scripts');
  return filesUnder(dir)
    .filter((path) => /\.(js|css)$/.test(path))
    .reduce((sum, path) => sum + statSync(path).size, 0);
}

function bytesOf(extensionDir: string, pattern: RegExp): number {
  return filesUnder(extensionDir)
    .filter((path) => pattern.test(path.slice(extensionDir.length + 1)))
    .reduce((sum, path) => sum + statSync(path).size, 0);
}

export function benchBundle(report: BenchReport, extensionDir: string): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no build in ${extensionDir}`);
  const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const content = contentScriptBytes(extensionDir);
  const contentGzip = filesUnder(join(extensionDir, 'content-scripts'))
    .filter((path) => /\.(js|css)$/.test(path))
    .reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0);
  report.add({ name: 'bundle: content script (JS+CSS)', value: kB(content), unit: 'kB', goal: '≤ 40 kB' });
  report.add({ name: 'bundle: content script gzipped', value: kB(contentGzip), unit: 'kB' });
  report.add({
    name: 'bundle: background',
    value: kB(bytesOf(extensionDir, /^background\.js$/)),
    unit: 'kB',
  });
  report.add({
    name: 'bundle: popup (HTML+JS+CSS incl. shared chunks)',
    value: kB(bytesOf(extensionDir, /^(popup\.html|chunks\/.*\.js|assets\/.*\.css)$/)),
    unit: 'kB',
  });
}
