/**
 * When the reader's first items are on screen (issue 13: the first item painted < 100 ms). The reader asks for
 * everything else (the status, the date list, read state, GitHub 热门, 本页相关) only then. Traced in Chromium 156 on
 * 2026-11-30: the answers that came before were handled and drawn before that frame, and the work they started (the
 * status counts every stored day in the worker) took the machine's two cores from the frame's raster, which in the
 * side panel is a screenful of text.
 */
import { afterNextPaint } from '../../lib/ui/next-paint';

/** What item titles carry in `elementtiming` (ItemCard): the browser reports when one is painted. */
export const ITEM_TIMING = 'reader-item';

/** A page that paints no item (hidden, or a tab without items) goes on after this long. */
const NOT_PAINTED_MS = 200;

/**
 * Resolves when an item's title has been painted (Element Timing: Chromium); where the browser does not report it
 * (Firefox), once the next frame is drawn. Any element entry counts: in the reader only item titles are timed.
 */
export function afterItemPainted(): Promise<void> {
  const reported =
    typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('element');
  if (!reported) return afterNextFrame();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver(done);
    observer.observe({ type: 'element', buffered: true });
    const timer = setTimeout(done, NOT_PAINTED_MS);
  });
}

/** Resolves in the first task after the next frame is drawn, or after NOT_PAINTED_MS when none is (hidden). */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, NOT_PAINTED_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    afterNextPaint(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
