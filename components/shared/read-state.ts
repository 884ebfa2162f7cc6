/**
 * The reader's read state (issue 13), shared by the popup and the side panel: which items of the days it follows
 * are read and how many are unread, and marking items read. Marking shows at once; the days are then asked again,
 * since a story read on one day is read on every day it was told (lib/read-state/read-key.ts).
 */
import { batch, signal } from '@preact/signals';
import type { DayReadState, ItemRef } from '../../lib/schema';
import type { BackgroundClient } from './client';

export type ReadState = ReturnType<typeof createReadState>;

export function createReadState(client: BackgroundClient) {
  const days = signal<ReadonlyMap<string, DayReadState>>(new Map());
  let followed: readonly string[] = [];
  let loadSeq = 0;

  /**
   * Follow `dates` (lib/read-state/followed-dates.ts): ask for them unless they are the days already followed and
   * nothing says to ask `again` (the page's items changed: visiting a page reads its items).
   */
  function follow(dates: readonly string[], again = false): Promise<void> {
    const same = dates.length === followed.length && dates.every((date, index) => followed[index] === date);
    if (same && !again) {
      return Promise.resolve();
    }
    followed = dates;
    return refresh();
  }

  /** Ask again for the days followed; a failure keeps what was known (the items simply show unread). */
  async function refresh(): Promise<void> {
    const seq = ++loadSeq;
    if (followed.length === 0) return;
    try {
      const answer = await client('readState', { dates: [...followed] });
      if (seq !== loadSeq) return;
      days.value = new Map(answer.days.map((day) => [day.date, day]));
    } catch (error) {
      console.warn('[digest-lens] could not read what was read', error);
    }
  }

  function isRead(date: string, section: ItemRef['section'], rank: number): boolean {
    return days.value.get(date)?.read.some((item) => item.section === section && item.rank === rank) ?? false;
  }

  /** How many items of `date` are unread; undefined while not known. */
  function unread(date: string): number | undefined {
    return days.value.get(date)?.unread;
  }

  /** The user opened these items' sources from the reader. */
  async function markRead(items: readonly ItemRef[]): Promise<void> {
    const fresh = items.filter(({ date, section, rank }) => !isRead(date, section, rank));
    if (fresh.length === 0) return;
    batch(() => {
      for (const { date, section, rank } of fresh) {
        const day = days.value.get(date);
        if (day)
          setDay({ ...day, unread: Math.max(0, day.unread - 1), read: [...day.read, { section, rank }] });
      }
    });
    await settle(() =>
      client('markRead', { items: fresh.map(({ date, section, rank }) => ({ date, section, rank })) }),
    );
  }

  /** 全部标为已读: every item of the day shown. */
  async function markDayRead(
    date: string,
    items: readonly Pick<ItemRef, 'section' | 'rank'>[],
  ): Promise<void> {
    setDay({
      date,
      total: items.length,
      unread: 0,
      read: items.map(({ section, rank }) => ({ section, rank })),
    });
    await settle(() => client('markDayRead', { date }));
  }

  function setDay(day: DayReadState): void {
    const next = new Map(days.value);
    next.set(day.date, day);
    days.value = next;
  }

  /** Send a mark, then ask for the days again: what the background holds replaces the guess, failed or not. */
  async function settle(mark: () => Promise<unknown>): Promise<void> {
    try {
      await mark();
    } catch (error) {
      console.warn('[digest-lens] could not mark as read', error);
    }
    await refresh();
  }

  return { days, follow, refresh, isRead, unread, markRead, markDayRead };
}
