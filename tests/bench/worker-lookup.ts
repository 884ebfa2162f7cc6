/**
 * The time a look-up spends inside the service worker, without the messaging around it: the background's own
 * `lookupMatches` over its own database, bundled from lib/ at run time and evaluated in the running worker through
 * DevTools (the extension's CSP forbids eval, which Playwright's `worker.evaluate(string)` needs).
 * (esbuild comes with tsx, which runs the bench.)
 */
import { build } from 'esbuild';
import type { DevTools } from './devtools';

const ENTRY = `
import { openDigestDatabase } from './lib/storage/database';
import { DigestStore } from './lib/storage/digest-store';
import { lookupMatches } from './lib/background/lookup';
let store;
globalThis.__benchLookup ??= async (keyLists) => {
  store ??= new DigestStore(await openDigestDatabase());
  const times = [];
  for (const keys of keyLists) {
    const start = performance.now();
    await lookupMatches(store, keys);
    times.push(performance.now() - start);
  }
  return times;
};
`;

async function bundle(projectRoot: string): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: projectRoot, loader: 'ts', sourcefile: 'bench-lookup.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    // Before zod builds any schema: no parsers compiled with `new Function`. The background's own zod finds eval
    // forbidden by the CSP and does without; code evaluated through DevTools is first allowed eval, then refused.
    banner: { js: '(globalThis.__zod_globalConfig ??= {}).jitless = true;' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('nothing bundled');
  return code;
}

/** Look-ups per evaluation: each must answer within DevTools' timeout even on a busy machine with 5 years stored. */
const BATCH = 100;

/** Milliseconds per look-up of each key list, measured in the worker. */
export async function timeLookupsInWorker(
  devtools: DevTools,
  projectRoot: string,
  keyLists: string[][],
): Promise<number[]> {
  const code = await bundle(projectRoot);
  const times: number[] = [];
  for (let first = 0; first < keyLists.length; first += BATCH) {
    // Again before every batch: Chromium may have stopped the idle worker, and its globals with it.
    await devtools.evaluateInWorker(code);
    const batch = JSON.stringify(keyLists.slice(first, first + BATCH));
    times.push(...(await devtools.evaluateInWorker<number[]>(`globalThis.__benchLookup(${batch})`)));
  }
  return times;
}
