import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, drawWhenAnswered, FIRST_ANSWER_WAIT_MS } from '../../../components/shared/early-answer';
import { FIRST_SCREEN_KEY } from '../../../components/shared/first-screen';
import { fakeClient, storedDigest } from '../ui/fake-client';

/** An answer that comes when the test says so. */
function later(): { promise: Promise<void>; answer: () => void; fail: () => void } {
  let answer: () => void = () => undefined;
  let fail: () => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    answer = resolve;
    fail = () => reject(new Error('no worker'));
  });
  return { promise, answer, fail };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the reader’s early question (asked the moment its script starts)', () => {
  it('asks for the latest digest at once, answers the reader’s first latestDigest with it, and sends the rest', async () => {
    const first = storedDigest('2026-01-10');
    const second = storedDigest('2026-01-09');
    const answers = [first, second];
    const fake = fakeClient({
      latestDigest: () => ({ digest: answers.shift() ?? null }),
      listDigests: () => ({ digests: [] }),
    });
    const client = askEarly(fake.client);
    expect(fake.calls.map(({ type }) => type)).toEqual(['latestDigest']);
    expect((await client('latestDigest')).digest).toBe(first);
    await client('listDigests');
    // A refresh after a sync asks again.
    expect((await client('latestDigest')).digest).toBe(second);
    expect(fake.calls.map(({ type }) => type)).toEqual(['latestDigest', 'listDigests', 'latestDigest']);
  });

  it('passes the early question’s failure to the reader, which may read again', async () => {
    let calls = 0;
    const fake = fakeClient({
      latestDigest: () => {
        calls++;
        if (calls === 1) throw new Error('no worker');
        return { digest: null };
      },
    });
    const client = askEarly(fake.client);
    await expect(client('latestDigest')).rejects.toThrow('no worker');
    expect((await client('latestDigest')).digest).toBeNull();
  });
});

describe('the reader’s first screen kept from its last open', () => {
  const NOW = Date.parse('2026-12-02T10:00:00Z');
  /** The extension's localStorage, as the reader reads it. */
  function storage(values = new Map<string, string>()) {
    return {
      values,
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
  }

  it('draws today’s kept digest at once, asks the worker as before, and keeps its answer', async () => {
    const today = storedDigest('2026-12-02');
    const kept = storage();
    askEarly(fakeClient({ latestDigest: () => ({ digest: today }) }).client, { kept, now: NOW });
    await Promise.resolve();
    await Promise.resolve();
    expect(kept.values.get(FIRST_SCREEN_KEY)).toBe(JSON.stringify(today));

    const answer = later();
    const fake = fakeClient({
      latestDigest: async () => {
        await answer.promise;
        return { digest: today };
      },
    });
    const client = askEarly(fake.client, { kept, now: NOW });
    const different = vi.fn();
    client.whenDifferent(different);
    // Before the worker answers: the kept digest.
    expect((await client('latestDigest')).digest).toEqual(today);
    expect(fake.calls.map(({ type }) => type)).toEqual(['latestDigest']);
    answer.answer();
    await answer.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(different).not.toHaveBeenCalled();
  });

  it('tells the reader when the worker answers otherwise (a sync corrected the day) or fails', async () => {
    const drawn = storedDigest('2026-12-02');
    const corrected = storedDigest('2026-12-02', { contentHash: 'corrected' });
    for (const worker of [() => ({ digest: corrected }), () => Promise.reject(new Error('no worker'))]) {
      const kept = storage(new Map([[FIRST_SCREEN_KEY, JSON.stringify(drawn)]]));
      const client = askEarly(fakeClient({ latestDigest: worker }).client, { kept, now: NOW });
      expect((await client('latestDigest')).digest).toEqual(drawn);
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Heard even by a listener that comes after the answer (the store is made after the early question).
      const different = vi.fn();
      client.whenDifferent(different);
      expect(different).toHaveBeenCalledTimes(1);
    }
  });

  it('waits for the worker when what is kept may no longer be the newest (yesterday’s, once today’s may be out)', async () => {
    const kept = storage(new Map([[FIRST_SCREEN_KEY, JSON.stringify(storedDigest('2026-12-01'))]]));
    const today = storedDigest('2026-12-02');
    const client = askEarly(fakeClient({ latestDigest: () => ({ digest: today }) }).client, {
      kept,
      now: NOW,
    });
    expect((await client('latestDigest')).digest).toBe(today);
  });
});

describe('the reader’s first frame', () => {
  it('is drawn once the answer is in, not before', async () => {
    vi.useFakeTimers();
    const answered = later();
    const draw = vi.fn();
    drawWhenAnswered(answered.promise, draw);
    await vi.advanceTimersByTimeAsync(FIRST_ANSWER_WAIT_MS - 1);
    expect(draw).not.toHaveBeenCalled();
    answered.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(FIRST_ANSWER_WAIT_MS);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('is drawn without the answer when it is late (a worker starting), and only once', async () => {
    vi.useFakeTimers();
    const answered = later();
    const draw = vi.fn();
    drawWhenAnswered(answered.promise, draw);
    await vi.advanceTimersByTimeAsync(FIRST_ANSWER_WAIT_MS);
    expect(draw).toHaveBeenCalledTimes(1);
    answered.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('is drawn when the question failed, to say so', async () => {
    vi.useFakeTimers();
    const answered = later();
    const draw = vi.fn();
    drawWhenAnswered(answered.promise, draw);
    answered.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
