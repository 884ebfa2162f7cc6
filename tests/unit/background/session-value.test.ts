import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type SessionArea, sessionValue } from '../../../lib/background/session-value';

function memoryArea(initial: Record<string, unknown> = {}) {
  const items: Record<string, unknown> = { ...initial };
  const writes: unknown[] = [];
  const area: SessionArea = {
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (next) => {
      Object.assign(items, next);
      writes.push(...Object.values(next));
    },
  };
  return { area, items, writes };
}

const numbers = z.array(z.number());

describe('sessionValue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads what an earlier worker kept, once', async () => {
    const { area } = memoryArea({ key: [1, 2] });
    const get = vi.spyOn(area, 'get');
    const value = sessionValue(area, 'key', numbers, () => [], 'the numbers');
    expect(await value.read()).toEqual([1, 2]);
    expect(await value.read()).toEqual([1, 2]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('drops what it did not write, and what is absent, for the empty value', async () => {
    expect(
      await sessionValue(memoryArea({ key: 'junk' }).area, 'key', numbers, () => [], 'n').read(),
    ).toEqual([]);
    expect(await sessionValue(memoryArea().area, 'key', numbers, () => [9], 'n').read()).toEqual([9]);
  });

  it('answers the empty value and says so when the area cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const area: SessionArea = { get: () => Promise.reject(new Error('gone')), set: async () => undefined };
    expect(await sessionValue(area, 'key', numbers, () => [], 'the numbers').read()).toEqual([]);
    expect(warn.mock.calls[0]?.[0]).toBe('[digest-lens] could not read the numbers');
  });

  it('writes one after another, so the last write holds, and a failed write does not stop the next', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { area, items, writes } = memoryArea();
    let failNext = true;
    const set = area.set;
    area.set = async (next) => {
      await new Promise((resolve) => setTimeout(resolve, failNext ? 5 : 0));
      if (failNext) {
        failNext = false;
        throw new Error('full');
      }
      return set(next);
    };
    const value = sessionValue(area, 'key', numbers, () => [], 'the numbers');
    const first = value.write([1]);
    const second = value.write([2]);
    await Promise.all([first, second]);
    expect(writes).toEqual([[2]]);
    expect(items.key).toEqual([2]);
    expect(warn.mock.calls[0]?.[0]).toBe('[digest-lens] could not keep the numbers');
  });
});
