import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { removeZodEval, USES_FUNCTION_CONSTRUCTOR } from '../../../lib/build/zod-without-eval';
import '../../../lib/schema';

const require = createRequire(import.meta.url);
/** zod's ESM files as the build reads them, from zod's own package. */
function zodFile(name: string): { code: string; id: string } {
  const id = join(dirname(require.resolve('zod')), 'v4/core', name);
  return { code: readFileSync(id, 'utf8'), id };
}

describe('zod without eval', () => {
  it('is configured jitless by the schema module, so zod never probes for `new Function`', () => {
    expect(z.config().jitless).toBe(true);
  });

  it.each(['util.js', 'doc.js', 'compile.js'])(
    'takes the Function constructor out of zod/v4/core/%s',
    (name) => {
      const { code, id } = zodFile(name);
      expect(code).toMatch(USES_FUNCTION_CONSTRUCTOR);
      const built = removeZodEval(code, id);
      expect(built).not.toBeNull();
      expect(built).not.toMatch(USES_FUNCTION_CONSTRUCTOR);
    },
  );

  it('leaves files outside zod alone', () => {
    expect(removeZodEval('const F = Function;', '/x/node_modules/preact/dist/preact.mjs')).toBeNull();
    expect(removeZodEval('const F = Function;', '/x/lib/schema.ts')).toBeNull();
  });

  it('stops the build when zod takes the constructor some other way', () => {
    expect(() =>
      removeZodEval(
        'export const run = new Function("x", "return x");',
        '/x/node_modules/zod/v4/core/util.js',
      ),
    ).toThrow(/Function constructor/);
    expect(() => removeZodEval('const G = Function;', '/x/node_modules/zod/v4/core/doc.js')).toThrow(
      /zod-without-eval/,
    );
  });

  it('finds the constructor in the forms a minifier writes', () => {
    for (const use of [
      'try{return Function(``),!0}',
      'let e=Function,t=1',
      'new Function(`a`)',
      'x=Function;',
    ]) {
      expect(use).toMatch(USES_FUNCTION_CONSTRUCTOR);
    }
    for (const fine of [
      'typeof e==`function`',
      'AsyncFunction',
      'e instanceof Function',
      'isAsyncFunction(e)',
    ]) {
      expect(fine).not.toMatch(USES_FUNCTION_CONSTRUCTOR);
    }
  });
});
