/**
 * The reader's pages without the module script WXT adds to every HTML page to start its plugins (issue 13: the first
 * item painted < 100 ms). Their code is one classic script (entrypoints/reader), whose WXT wrapper starts the plugins
 * itself, so on these pages that module only carried Vite's modulepreload polyfill, which does nothing in the browsers
 * served. Traced in Chromium 156 on 2026-12-01: a third request beside the reader's script and stylesheet, compiled
 * and run on the main thread before the reader's script. A page with a module of its own (options) keeps it.
 */
import type { Plugin } from 'vite';

/** The script WXT's plugin loader puts first in each page's head (wxt/dist/core/builders/vite/plugins/wxtPluginLoader). */
const PLUGIN_SCRIPT = /<script\b[^>]*\bsrc="virtual:wxt-html-plugins"[^>]*><\/script>\s*/;
const MODULE_SCRIPT = /<script\b[^>]*\btype="module"/g;

/** `html` without WXT's plugin script when that is its only module script; any other page as it is. */
export function withoutPluginScript(html: string): string {
  const modules = html.match(MODULE_SCRIPT)?.length ?? 0;
  return modules === 1 && PLUGIN_SCRIPT.test(html) ? html.replace(PLUGIN_SCRIPT, '') : html;
}

export function noEmptyPageScript(): Plugin {
  return {
    name: 'digest-lens:no-empty-page-script',
    // Among the steps that read a page before it is built, after WXT's, which adds the script.
    enforce: 'post',
    transformIndexHtml: { order: 'pre', handler: withoutPluginScript },
  };
}
