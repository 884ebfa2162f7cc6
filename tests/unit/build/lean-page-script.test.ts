import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leanPageScript, leanWrapper } from '../../../lib/build/lean-page-script';

const WXT_WRAPPER = readFileSync(
  resolve(import.meta.dirname, '../../../node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs'),
  'utf-8',
).replace('virtual:user-unlisted-script-entrypoint', '/work/x/entrypoints/page-script/index.ts');
const PAGE_SCRIPT_ID = '\0virtual:wxt-unlisted-script-entrypoint?/work/x/entrypoints/page-script/index.ts';

describe('the every-page script without WXT’s logging wrapper (issue 12: ≤ 14 kB)', () => {
  it('runs the page script’s main after the plugins, its result the script’s, with no logger', () => {
    const lean = leanWrapper(WXT_WRAPPER, PAGE_SCRIPT_ID) ?? '';
    expect(lean).toContain('import definition from "/work/x/entrypoints/page-script/index.ts";');
    expect(lean).toContain('initPlugins();');
    expect(lean).toContain('export default definition.main();');
    expect(lean).not.toContain('crashed on startup');
  });

  it('leaves every other module (the UI chunk’s wrapper too) as WXT wrote it', () => {
    expect(leanWrapper(WXT_WRAPPER, PAGE_SCRIPT_ID.replace('page-script', 'page-ui'))).toBeNull();
    expect(leanWrapper('export {}', '/work/x/entrypoints/page-script/index.ts')).toBeNull();
  });

  it('says so when WXT’s wrapper no longer names the script the same way', () => {
    expect(() => leanWrapper('export default 1;', PAGE_SCRIPT_ID)).toThrow(/lean-page-script/);
  });
});

describe('the every-page script’s second minifier pass', () => {
  const code =
    '(function(){function greeting(name){var text="hello "+name;return text}globalThis.said=greeting("page")})();';
  async function built(): Promise<Record<string, { type: 'chunk'; code: string }>> {
    const bundle = {
      'page-script.js': { type: 'chunk', code },
      'page-ui.js': { type: 'chunk', code },
    };
    const hook = leanPageScript().generateBundle as unknown as (
      this: unknown,
      options: unknown,
      bundle: unknown,
    ) => Promise<void>;
    await hook.call({}, {}, bundle);
    return bundle as Record<string, { type: 'chunk'; code: string }>;
  }

  it('makes the page script smaller, doing what it did', async () => {
    const { 'page-script.js': script } = await built();
    expect(script?.code.length).toBeLessThan(code.length);
    const scope = {} as { said?: string };
    new Function('globalThis', script?.code ?? '')(scope);
    expect(scope.said).toBe('hello page');
  });

  it('leaves every other file as built', async () => {
    expect((await built())['page-ui.js']?.code).toBe(code);
  });
});
