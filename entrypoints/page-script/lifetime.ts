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

/** The copy running in this document, on this world's `globalThis` (`Symbol.for` in the page's realm is another). */
const RUNNING_COPY = Symbol.for('digest-lens.page-script');

interface RunningCopy {
  readonly lifetime: PageScriptLifetime;
  /** Look the page up again (the card's and the marks'). */
  lookAgain(): void;
}

type World = Record<symbol, RunningCopy | undefined>;

/**
 * One copy of the page script per document. The all-sites grant injects it into the tabs already open
 * (lib/all-sites/open-tabs.ts), and some run it already (loaded while it was registered): there the running copy
 * looks its page up again, as a new load would, and the new copy does nothing (true). A copy whose extension was
 * reloaded or updated is not running any more: the new copy takes over (false).
 */
export function runsAlready(): boolean {
  const running = (globalThis as unknown as World)[RUNNING_COPY];
  if (!running || running.lifetime.isInvalid) return false;
  running.lookAgain();
  return true;
}

/** This copy runs the document now (see `runsAlready`). */
export function runHere(copy: RunningCopy): void {
  (globalThis as unknown as World)[RUNNING_COPY] = copy;
}
