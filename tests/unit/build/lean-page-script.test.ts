import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leanWrapper } from '../../../lib/build/lean-page-script';

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
