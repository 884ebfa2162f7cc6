/**
 * The page script's life: invalidated when the extension goes away (reloaded, updated or removed: `runtime.id` is
 * then gone) and everything tied to it stops. WXT's ContentScriptContext does the same with timers, a location
 * watcher and a "newer copy started" event the script never used: 3 kB of a 10 kB budget, so the lean script is an
 * unlisted script declared in the manifest (wxt.config.ts) and carries this instead.
 */
import { browser } from 'wxt/browser';
import type { PageScriptLifetime } from '../../lib/page-ui/contract';

export interface PageScriptContext extends PageScriptLifetime {
  /** Aborted on invalidation: pass it to listeners so they go with the script. */
  readonly signal: AbortSignal;
  /** Stop everything now (the extension is gone, or a test ends). */
  invalidate(): void;
}

export function createPageScriptContext(): PageScriptContext {
  const controller = new AbortController();
  const context: PageScriptContext = {
    signal: controller.signal,
    get isInvalid() {
      if (!browser.runtime?.id) context.invalidate();
      return controller.signal.aborted;
    },
    onInvalidated(callback) {
      controller.signal.addEventListener('abort', () => callback());
    },
    invalidate() {
      controller.abort();
    },
  };
  return context;
}
