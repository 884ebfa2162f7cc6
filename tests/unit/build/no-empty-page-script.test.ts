import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noEmptyPageScript, withoutPluginScript } from '../../../lib/build/no-empty-page-script';

const root = resolve(import.meta.dirname, '../../..');
const page = (path: string) => readFileSync(resolve(root, path), 'utf-8');

/** WXT's own step that adds the script (not among its exports), run on the real pages: a change in it shows here. */
const WXT_LOADER = resolve(root, 'node_modules/wxt/dist/core/builders/vite/plugins/wxtPluginLoader.mjs');
const { wxtPluginLoader } = (await import(WXT_LOADER)) as {
  wxtPluginLoader: (config: unknown) => {
    transformIndexHtml: { handler: (html: string, context: unknown) => string | undefined };
  };
};

/** A page as WXT hands it on to the build: its plugin script first in the head. */
function withWxtScript(html: string): string {
  return wxtPluginLoader({ command: 'build', plugins: [] }).transformIndexHtml.handler(html, {}) ?? html;
}

describe('the reader’s pages without WXT’s plugin script (issue 13: the first item painted < 100 ms)', () => {
  it.each(['entrypoints/popup/index.html', 'entrypoints/sidepanel/index.html'])(
    '%s loads the reader’s script and its stylesheet only',
    (path) => {
      const given = withWxtScript(page(path));
      expect(given).toContain('virtual:wxt-html-plugins');
      const built = withoutPluginScript(given);
      expect(built).not.toContain('virtual:wxt-html-plugins');
      expect(built).toContain('<script async fetchpriority="high" src="/reader.js"></script>');
      expect(built).toContain('rel="stylesheet"');
    },
  );

  it('leaves it on a page with a module of its own (the options page): that module is what starts it there', () => {
    const given = withWxtScript(page('entrypoints/options/index.html'));
    expect(withoutPluginScript(given)).toBe(given);
  });

  it('takes it out after WXT has put it in, before the page is built', () => {
    const plugin = noEmptyPageScript();
    expect(plugin.enforce).toBe('post');
    expect(plugin.transformIndexHtml).toMatchObject({ order: 'pre' });
  });
});
