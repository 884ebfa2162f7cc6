/**
 * zod 4 compiles fast parsers with `new Function` and probes for it with `new Function("")`. Under an extension's
 * CSP that probe is logged as a violation (Firefox MV2, seen 2026-11 in Firefox ESR 153) and `web-ext lint` reports
 * DANGEROUS_EVAL. lib/schema.ts turns the JIT off (`z.config({ jitless: true })`), so that code never runs; this build
 * step also takes the `Function` constructor out of zod's files, so no bundle contains it at all.
 */
import type { Plugin } from 'vite';

/** How zod 4.6 takes the constructor (core/util.js's probe, core/doc.js and core/compile.js's code generators). */
const TAKES_FUNCTION = /\bconst F = Function;/g;
/** Called with `new`, it throws as `new Function` does under a CSP without 'unsafe-eval': zod's probe says "no". */
const REFUSES_EVAL = 'const F = function () { throw new EvalError("Digest Lens builds zod without eval"); };';
/** `Function(…)` and `new Function(…)`, or the constructor taken as a value (`= Function;`, `= Function,`). */
export const USES_FUNCTION_CONSTRUCTOR = /(?<![\w$.])Function\s*\(|=\s*Function\s*[;,)]/;

/** zod's source without the `Function` constructor (null for other files); throws when some other use is left. */
export function removeZodEval(code: string, id: string): string | null {
  const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
  if (!path.includes('/node_modules/zod/')) return null;
  const changed = code.replace(TAKES_FUNCTION, REFUSES_EVAL);
  if (USES_FUNCTION_CONSTRUCTOR.test(changed)) {
    throw new Error(
      `${path}: zod uses the Function constructor in a way lib/build/zod-without-eval.ts doesn't remove`,
    );
  }
  return changed === code ? null : changed;
}

export function zodWithoutEval(): Plugin {
  return {
    name: 'digest-lens:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      const changed = removeZodEval(code, id);
      // Each change stays on its line, so the existing source map still holds.
      return changed === null ? null : { code: changed, map: null };
    },
  };
}
