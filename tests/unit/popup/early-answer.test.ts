import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, drawWhenAnswered, FIRST_ANSWER_WAIT_MS } from '../../../components/shared/early-answer';
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
