// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageScriptContext, endOrphans } from '../../../entrypoints/page-script/lifetime';

const contexts: ReturnType<typeof createPageScriptContext>[] = [];
/** A copy's life, as the page script makes it; each ends with its test. */
function copy() {
  const context = createPageScriptContext();
  contexts.push(context);
  const gone = vi.fn();
  context.onInvalidated(gone);
  return { context, gone };
}

/** An extension reload or update: `runtime.id` is gone for the copies running. */
const EXTENSION_ID = fakeBrowser.runtime.id;
const extensionGone = () => Object.assign(fakeBrowser.runtime, { id: undefined });

afterEach(() => {
  Object.assign(fakeBrowser.runtime, { id: EXTENSION_ID });
  for (const context of contexts.splice(0)) context.invalidate();
  vi.restoreAllMocks();
});

describe('a copy orphaned by an update or a reload, when the new version’s copy starts in its document', () => {
  it('goes, with everything tied to it, before the new copy draws', () => {
    const orphan = copy();
    extensionGone();
    endOrphans();
    expect(orphan.gone).toHaveBeenCalledTimes(1);
    expect(orphan.context.signal.aborted).toBe(true);
  });

  it('a copy whose extension is there stays (the same version given to the tab again, or a page saying it)', () => {
    const live = copy();
    endOrphans();
    document.dispatchEvent(new Event('digest-lens-copy'));
    expect(live.gone).not.toHaveBeenCalled();
    expect(live.context.isInvalid).toBe(false);
  });

  it('nothing is said on an ordinary load (the script at document_start): the page hears nothing of it', () => {
    const heard = vi.fn();
    document.addEventListener('digest-lens-copy', heard);
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const orphan = copy();
    extensionGone();
    endOrphans();
    expect(heard).not.toHaveBeenCalled();
    expect(orphan.gone).not.toHaveBeenCalled();
    document.removeEventListener('digest-lens-copy', heard);
  });
});
