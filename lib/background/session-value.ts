/**
 * One value the worker keeps in `storage.session` as well as in memory, because Chrome stops an idle worker and a
 * page may ask long after the value was learnt (each tab's matches, the tabs the user was on). Read once, lazily,
 * through its schema: anything that is not what this module wrote is dropped, not trusted. Writes follow one
 * another, so the last write holds the last change; a write that fails is logged and the memory copy stays.
 */
import type { z } from 'zod';

/** The part of `storage.session` used here (the fake browser's and the real one's). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SessionValue<T> {
  /** The value, read from the area the first time. */
  read(): Promise<T>;
  /** Write `value` after the writes before it. */
  write(value: unknown): Promise<void>;
}

/** `what` names the value in the console's warnings ("the tab matches"). */
export function sessionValue<T>(
  area: SessionArea,
  key: string,
  schema: z.ZodType<T>,
  empty: () => T,
  what: string,
): SessionValue<T> {
  let loaded: Promise<T> | undefined;
  let written: Promise<void> = Promise.resolve();
  return {
    read() {
      loaded ??= readStored();
      return loaded;
    },
    write(value) {
      written = written
        .then(() => area.set({ [key]: value }))
        .catch((error: unknown) => console.warn(`[digest-lens] could not keep ${what}`, error));
      return written;
    },
  };

  async function readStored(): Promise<T> {
    try {
      const parsed = schema.safeParse((await area.get(key))[key]);
      return parsed.success ? parsed.data : empty();
    } catch (error) {
      console.warn(`[digest-lens] could not read ${what}`, error);
      return empty();
    }
  }
}
