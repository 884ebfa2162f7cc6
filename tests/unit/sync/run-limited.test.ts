import { describe, expect, it } from 'vitest';
import { runLimited } from '../../../lib/sync/run-limited';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runLimited', () => {
  it('runs every task with at most `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async (task) => {
      running += 1;
      most = Math.max(most, running);
      await wait(task % 3);
      running -= 1;
      done.push(task);
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('stops taking tasks after a failure, lets the running ones end, then throws it', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = runLimited([1, 2, 3, 4, 5, 6], 2, async (task) => {
      started.push(task);
      await wait(task === 1 ? 1 : 20);
      if (task === 1) throw new Error('task 1 failed');
      ended.push(task);
    });
    await expect(run).rejects.toThrow('task 1 failed');
    expect(started).toEqual([1, 2]);
    expect(ended).toEqual([2]);
  });

  it('stops taking tasks once the signal aborts', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runLimited(
      [1, 2, 3, 4],
      1,
      async (task) => {
        started.push(task);
        if (task === 2) controller.abort();
      },
      controller.signal,
    );
    expect(started).toEqual([1, 2]);
  });
});
