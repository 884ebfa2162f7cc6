/** When the reader's first items are on screen (issue 13): the moment it asks for everything else. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterItemPainted, afterNextFrame } from '../../../components/popup/after-paint';

/** A PerformanceObserver that reports the entry types given, and lets the test deliver entries. */
function fakeObserver(supportedEntryTypes: string[]) {
  const observed: { options: unknown; disconnected: boolean; deliver: () => void }[] = [];
  class FakeObserver {
    static supportedEntryTypes = supportedEntryTypes;
    private readonly record: (typeof observed)[number];
    constructor(callback: () => void) {
      this.record = { options: undefined, disconnected: false, deliver: callback };
      observed.push(this.record);
    }
    observe(options: unknown) {
      this.record.options = options;
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return observed;
}

/** Whether `promise` has settled, after the microtasks and timers due now have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

let frames: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterItemPainted', () => {
  it('resolves when the browser reports a timed item painted (Element Timing), buffered ones included', async () => {
    const observed = fakeObserver(['element', 'paint']);
    const painted = afterItemPainted();
    expect(observed[0]?.options).toEqual({ type: 'element', buffered: true });
    expect(await settled(painted)).toBe(false);
    // A frame drawn is not enough: the item may not be on screen yet.
    for (const frame of frames) frame();
    expect(await settled(painted)).toBe(false);
    observed[0]?.deliver();
    expect(await settled(painted)).toBe(true);
    expect(observed[0]?.disconnected).toBe(true);
  });

  it('goes on after 200 ms when no item is painted (a tab without items, a hidden page)', async () => {
    const observed = fakeObserver(['element']);
    const painted = afterItemPainted();
    await vi.advanceTimersByTimeAsync(199);
    expect(await settled(painted)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(painted)).toBe(true);
    expect(observed[0]?.disconnected).toBe(true);
  });

  it('waits for the next frame where the browser does not report painted elements (Firefox)', async () => {
    const observed = fakeObserver(['paint']);
    const painted = afterItemPainted();
    expect(observed).toEqual([]);
    expect(await settled(painted)).toBe(false);
    for (const frame of frames) frame();
    expect(await settled(painted)).toBe(true);
  });
});

describe('afterNextFrame', () => {
  it('resolves in the task after the next animation frame, or after 200 ms without frames', async () => {
    const drawn = afterNextFrame();
    expect(await settled(drawn)).toBe(false);
    for (const frame of frames) frame();
    expect(await settled(drawn)).toBe(true);
    frames = [];
    const hidden = afterNextFrame();
    await vi.advanceTimersByTimeAsync(200);
    expect(await settled(hidden)).toBe(true);
  });
});
