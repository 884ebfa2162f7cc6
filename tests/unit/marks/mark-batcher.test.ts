import { describe, expect, it, vi } from 'vitest';
import {
  createMarkBatcher,
  MARK_ANSWERS_KEPT,
  MARK_KEYS_PER_MESSAGE,
  type MarkAnswer,
} from '../../../lib/marks/mark-batcher';

/** A background that matches the keys in `library`, with a stamp the test can change. */
function setup(library: Set<string>) {
  const frames: (() => void)[] = [];
  const state = { stamp: 's1', on: true };
  const asked: string[][] = [];
  const deps = {
    ask: vi.fn(async (keys: string[]): Promise<MarkAnswer> => {
      asked.push(keys);
      const marks = keys.filter((key) => library.has(key)).map((key) => ({ key, matches: [], total: 1 }));
      return { marks, on: state.on, stamp: state.stamp };
    }),
    schedule: (flush: () => void) => frames.push(flush),
    onAnswer: vi.fn(),
    onStale: vi.fn(),
    onOff: vi.fn(),
  };
  const batcher = createMarkBatcher(deps);
  /** Run the frames planned so far, then let the answers arrive. */
  const frame = async () => {
    for (const flush of frames.splice(0)) flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { batcher, deps, asked, frame, frames, state };
}

describe('createMarkBatcher: link keys to the background, batched', () => {
  it('sends the keys found in one frame as one message, each key once', async () => {
    const { batcher, asked, frame, frames } = setup(new Set(['x:status:1']));
    batcher.want(['x:status:1', 'x:status:2']);
    batcher.want(['x:status:2', 'x:status:3']);
    expect(frames).toHaveLength(1);
    expect(asked).toEqual([]);
    await frame();
    expect(asked).toEqual([['x:status:1', 'x:status:2', 'x:status:3']]);
    expect(batcher.answer('x:status:1')).toMatchObject({ key: 'x:status:1', total: 1 });
    expect(batcher.answer('x:status:2')).toBeNull();
    // Asked and answered: never asked again, and no frame is planned for nothing.
    batcher.want(['x:status:1', 'x:status:2']);
    expect(frames).toHaveLength(0);
    expect(asked).toHaveLength(1);
  });

  it('does not ask again for a key whose answer is on its way', async () => {
    const { batcher, asked, frame } = setup(new Set());
    batcher.want(['gh:repo:a/b']);
    const first = frame();
    batcher.want(['gh:repo:a/b']);
    await first;
    await frame();
    expect(asked).toEqual([['gh:repo:a/b']]);
  });

  it('tells which keys matched and which did not', async () => {
    const { batcher, deps, frame } = setup(new Set(['gh:repo:a/b']));
    batcher.want(['gh:repo:a/b', 'gh:repo:c/d']);
    await frame();
    const answers = deps.onAnswer.mock.calls[0]?.[0] as Map<string, unknown>;
    expect([...answers.keys()]).toEqual(['gh:repo:a/b', 'gh:repo:c/d']);
    expect(answers.get('gh:repo:c/d')).toBeNull();
  });

  it(`spreads more than ${MARK_KEYS_PER_MESSAGE} keys over frames, one message each`, async () => {
    const { batcher, asked, frame } = setup(new Set());
    batcher.want(Array.from({ length: MARK_KEYS_PER_MESSAGE + 5 }, (_, index) => `x:status:${index}`));
    await frame();
    expect(asked.map((keys) => keys.length)).toEqual([MARK_KEYS_PER_MESSAGE]);
    await frame();
    expect(asked.map((keys) => keys.length)).toEqual([MARK_KEYS_PER_MESSAGE, 5]);
  });

  it('drops its answers when the library changed (a sync) and asks its caller to ask again', async () => {
    const library = new Set<string>();
    const { batcher, deps, asked, frame, state } = setup(library);
    batcher.want(['x:status:9']);
    await frame();
    expect(batcher.answer('x:status:9')).toBeNull();
    // A sync stores an item about the tweet: the next answer (here, the check on coming back) has a new stamp.
    library.add('x:status:9');
    state.stamp = 's2';
    batcher.check();
    await frame();
    expect(asked.at(-1)).toEqual([]);
    expect(deps.onStale).toHaveBeenCalledTimes(1);
    expect(batcher.answer('x:status:9')).toBeUndefined();
    batcher.want(['x:status:9']);
    await frame();
    expect(batcher.answer('x:status:9')).toMatchObject({ key: 'x:status:9' });
    expect(deps.onStale).toHaveBeenCalledTimes(1);
  });

  it('asks again for the keys of an answer sent before the library changed', async () => {
    const { batcher, asked, deps, frame, state } = setup(new Set());
    batcher.want(['x:status:1']);
    await frame();
    // Two messages on their way; the later one is answered first, with the new stamp.
    let releaseOld: (() => void) | undefined;
    deps.ask.mockImplementationOnce(
      (keys) =>
        new Promise((resolve) => {
          asked.push(keys);
          releaseOld = () => resolve({ marks: [], on: true, stamp: 's1' });
        }),
    );
    batcher.want(['x:status:2']);
    await frame();
    state.stamp = 's2';
    batcher.check();
    await frame();
    releaseOld?.();
    await frame();
    await frame();
    expect(asked.at(-1)).toEqual(['x:status:2']);
    expect(batcher.answer('x:status:2')).toBeNull();
  });

  it(`keeps at most ${MARK_ANSWERS_KEPT} answers, asking again for a key met after they were dropped`, async () => {
    const { batcher, asked, frame } = setup(new Set());
    const keys = Array.from({ length: MARK_ANSWERS_KEPT + 1 }, (_, index) => `x:status:${index}`);
    for (let start = 0; start < keys.length; start += MARK_KEYS_PER_MESSAGE) {
      batcher.want(keys.slice(start, start + MARK_KEYS_PER_MESSAGE));
      await frame();
    }
    expect(batcher.answer('x:status:0')).toBeNull();
    batcher.want(['x:status:new']);
    await frame();
    expect(batcher.answer('x:status:0')).toBeUndefined();
    expect(batcher.answer('x:status:new')).toBeNull();
    batcher.want(['x:status:0']);
    await frame();
    expect(asked.at(-1)).toEqual(['x:status:0']);
  });

  it('stops when marks are off for the site', async () => {
    const { batcher, deps, frame, state } = setup(new Set(['x:status:1']));
    state.on = false;
    batcher.want(['x:status:1']);
    await frame();
    expect(deps.onOff).toHaveBeenCalledTimes(1);
    expect(deps.onAnswer).not.toHaveBeenCalled();
  });

  it('asks again later for keys whose message failed', async () => {
    const { batcher, deps, asked, frame } = setup(new Set());
    deps.ask.mockRejectedValueOnce(new Error('no background'));
    batcher.want(['x:status:1']);
    await frame();
    batcher.want(['x:status:1']);
    await frame();
    expect(asked).toEqual([['x:status:1']]);
    expect(deps.ask).toHaveBeenCalledTimes(2);
  });
});
