import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_KEY,
  forgetFirstScreen,
  keepFirstScreen,
  keptFirstScreen,
  newestPossible,
} from '../../../components/shared/first-screen';
import { storedDigest } from '../ui/fake-client';

/** A `localStorage` of the test's own; `full` refuses writes as a full disk does. */
function memoryStorage(full = false) {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      values.set(key, value);
    },
    removeItem: (key: string) => void values.delete(key),
  };
}

// Shanghai is UTC+8: 2026-12-02 begins at 2026-12-01T16:00Z, its publication window opens at 2026-12-02T00:45Z.
const AT = (iso: string) => Date.parse(iso);

describe('which kept first screen a reader may draw before the worker answers', () => {
  it.each([
    ['today’s, any time of the day', '2026-12-02', '2026-12-02T10:00:00Z', true],
    ['today’s, just after midnight in Shanghai', '2026-12-02', '2026-12-01T16:00:30Z', true],
    ['yesterday’s, before today’s publication window opens', '2026-12-01', '2026-12-02T00:44:00Z', true],
    ['yesterday’s, once today’s may be out', '2026-12-01', '2026-12-02T00:46:00Z', false],
    ['older than yesterday', '2026-11-30', '2026-12-02T00:10:00Z', false],
    ['a day ahead of the clock', '2026-12-03', '2026-12-02T10:00:00Z', false],
  ])('%s', (_, date, now, expected) => {
    expect(newestPossible(date, AT(now))).toBe(expected);
    const storage = memoryStorage();
    keepFirstScreen(storage, storedDigest(date));
    expect(keptFirstScreen(storage, AT(now)) !== undefined).toBe(expected);
  });

  it('keeps the worker’s answer as it came, and forgets it when the answer is none or GitHub 热门 alone', () => {
    const storage = memoryStorage();
    const digest = storedDigest('2026-12-02');
    keepFirstScreen(storage, digest);
    expect(keptFirstScreen(storage, AT('2026-12-02T10:00:00Z'))?.text).toBe(JSON.stringify(digest));
    keepFirstScreen(storage, null);
    expect(storage.values.has(FIRST_SCREEN_KEY)).toBe(false);
    keepFirstScreen(storage, digest);
    keepFirstScreen(storage, storedDigest('2026-12-02', { kind: 'github-trending' }));
    expect(storage.values.has(FIRST_SCREEN_KEY)).toBe(false);
    keepFirstScreen(storage, digest);
    forgetFirstScreen(storage);
    expect(keptFirstScreen(storage, AT('2026-12-02T10:00:00Z'))).toBeUndefined();
  });

  it('draws nothing kept that is broken, of another form, or when the storage refuses', () => {
    const storage = memoryStorage();
    const now = AT('2026-12-02T10:00:00Z');
    for (const text of [
      '{',
      'null',
      '"text"',
      '{"date":"2026-12-02","kind":"ainews"}',
      '{"date":1,"items":[]}',
    ]) {
      storage.values.set(FIRST_SCREEN_KEY, text);
      expect(keptFirstScreen(storage, now)).toBeUndefined();
    }
    const full = memoryStorage(true);
    keepFirstScreen(full, storedDigest('2026-12-02'));
    expect(keptFirstScreen(full, now)).toBeUndefined();
    expect(keptFirstScreen(undefined, now)).toBeUndefined();
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(keptFirstScreen(refusing, now)).toBeUndefined();
  });
});
