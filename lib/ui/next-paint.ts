/** Waiting for the browser's next frame, shared by the page card (lib/sidebar/page-room) and the reader (popup). */

/** Runs a task later; returns what cancels it. */
export type Later = (task: () => void) => () => void;

/**
 * After the next frame is painted: in the first task after the animation-frame callbacks, which run just before the
 * frame is drawn. A hidden page draws no frame, so the task waits until it is shown.
 */
export const afterNextPaint: Later = (task) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
