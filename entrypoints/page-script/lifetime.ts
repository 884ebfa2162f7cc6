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

/**
 * Said on the document by a copy that starts in a document already loaded: the background gives the page script to
 * the open tabs at an install, an update or a reload (lib/background/reach-on-install.ts) and at the all-sites grant.
 * Chrome runs the new version's copy in a world of its own, which sees the DOM the orphaned copy drew but none of its
 * globals, and tells the orphan nothing: on this event the orphan looks whether its extension is gone, and if so goes
 * with everything it drew before the new copy draws. It carries nothing; a page that says it only has the running
 * copy read `runtime.id`.
 */
const NEW_COPY_EVENT = 'digest-lens-copy';

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
  document.addEventListener(NEW_COPY_EVENT, () => context.isInvalid, { signal: controller.signal });
  return context;
}

/**
 * Tell a copy orphaned in this document (its extension reloaded or updated) to go. Said only by a copy injected into a
 * loaded document: a page's ordinary load (the script at document_start) says nothing a page's script could hear.
 */
export function endOrphans(): void {
  if (document.readyState !== 'loading') document.dispatchEvent(new Event(NEW_COPY_EVENT));
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
 * reloaded or updated is not running any more: the new copy takes over (false). (Chromium 156 runs a reloaded
 * extension's copy in a new world, where the orphan's marker is not seen at all: `endOrphans` reaches it there.)
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
