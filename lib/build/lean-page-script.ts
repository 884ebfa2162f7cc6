/**
 * The every-page script's wrapper, lean (issue 12: ≤ 14 kB on every page). WXT wraps each unlisted script in a
 * try/catch whose only work is a logger that prints nothing in a production build, yet its two "crashed on startup"
 * messages and the logger's shell are ~500 bytes of page-script.js. This keeps what the wrapper does (plugins
 * started, then the script's `main`, its result the script's result); an error still reaches the page's console
 * uncaught, as it did after being rethrown. And the built script is given a second pass of terser after Vite's own
 * minifier: 189 bytes less on 2026-12-01 (13,991 → 13,802), which pays for the marks' privacy and the lookup gate's
 * expiry inside the 14,000 bytes (terser as Vite's only minifier made it 101 bytes larger).
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

const WRAPPER_ID = /^\0virtual:wxt-unlisted-script-entrypoint\?.*\/entrypoints\/page-script\/index\.ts$/;
/** The every-page script as built (wxt.config.ts names it in the manifest's content scripts). */
export const PAGE_SCRIPT = 'page-script.js';
const USER_ENTRY = /^import definition from (["'][^"']+["']);$/m;

/** The lean wrapper for WXT's unlisted-script wrapper `code` of the page script; null for any other module. */
export function leanWrapper(code: string, id: string): string | null {
  if (!WRAPPER_ID.test(id)) return null;
  const entry = USER_ENTRY.exec(code)?.[1];
  if (!entry)
    throw new Error(`${id}: WXT's unlisted-script wrapper changed; see lib/build/lean-page-script.ts`);
  return [
    `import definition from ${entry};`,
    `import { initPlugins } from "virtual:wxt-plugins";`,
    'initPlugins();',
    'export default definition.main();',
  ].join('\n');
}

export function leanPageScript(): Plugin {
  return {
    name: 'digest-lens:lean-page-script',
    transform(code, id) {
      const lean = leanWrapper(code, id);
      return lean === null ? null : { code: lean, map: null };
    },
    async generateBundle(_, bundle) {
      const chunk = bundle[PAGE_SCRIPT];
      if (chunk?.type !== 'chunk') return;
      const squeezed = await minify(chunk.code, { compress: { passes: 3 }, mangle: true });
      if (squeezed.code) chunk.code = squeezed.code;
    },
  };
}
