/**
 * The reader's read state (issue 13), shared by the popup and the side panel: which items of the days it follows
 * are read and how many are unread, and marking items read. Marking shows at once; the days are then asked again,
 * since a story read on one day is read on every day it was told (lib/read-state/read-key.ts). What another reader or
 * a visited page read is asked for when the background says so (`changedElsewhere`).
 */
import { signal } from '@preact/signals';
import type { DayReadState, ItemRef, Section } from '../../lib/schema';
import type { BackgroundClient } from './client';

export type ReadState = ReturnType<typeof createReadState>;

/**
 * How long the changes the background tells of are gathered into one asking: 全部标为已读 in one reader, or several
 * tabs loading pages that read items, is one refresh of the others, not one per message.
 */
export const CHANGES_GATHERED_MS = 100;

/**
 * `recordsReads`: whether opening an item records it read. Not in a private window (components/shared/reader-window.ts):
 * there nothing is shown read either (QA 2026-12-02: the row showed 已读 until the days were asked again).
 */
export function createReadState(client: BackgroundClient, recordsReads: () => boolean = () => true) {
  const days = signal<ReadonlyMap<string, DayReadState>>(new Map());
  let followed: readonly string[] = [];
  let loadSeq = 0;
  /** The background told of a change that no asking begun since has seen. */
  let stale = false;
  let gathering: ReturnType<typeof setTimeout> | undefined;
  /** Marks sent and not yet answered: each asks the days again once answered, which sees every change before it. */
  let marking = 0;
  let stopped = false;

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
    stale = false;
    if (followed.length === 0) return;
    try {
      const answer = await client('readState', { dates: [...followed] });
      if (seq !== loadSeq) return;
      days.value = new Map(answer.days.map((day) => [day.date, day]));
    } catch (error) {
      console.warn('[digest-lens] could not read what was read', error);
    }
  }

  /**
   * The background says what was read changed (another reader marked items, a visited page read one): ask for the
   * days again once the burst is over. The reader that marked them has asked already, or will once its mark is
   * answered, so it asks no second time; the shown day, tab, scroll and search are left as they are.
   */
  function changedElsewhere(): void {
    if (stopped) return;
    stale = true;
    gathering ??= setTimeout(() => {
      gathering = undefined;
      if (stale && marking === 0) void refresh();
    }, CHANGES_GATHERED_MS);
  }

  /** The reader closes: no asking is left waiting, nor made for what it hears after. */
  function stop(): void {
    stopped = true;
    clearTimeout(gathering);
    gathering = undefined;
  }

  function isRead(date: string, section: ItemRef['section'], rank: number): boolean {
    const day = days.value.get(date);
    return day !== undefined && hasRead(day, section, rank);
  }

  /** How many items of `date` are unread (both its digests: the date list's count); undefined while not known. */
  function unread(date: string): number | undefined {
    return days.value.get(date)?.unread;
  }

  /** How many items of `section` on `date` are unread (the tab's count); undefined while not known. */
  function unreadIn(date: string, section: Section): number | undefined {
    return days.value.get(date)?.sections?.[section]?.unread;
  }

  /** The user opened these items' sources from the reader. */
  async function markRead(items: readonly ItemRef[]): Promise<void> {
    if (!recordsReads()) return;
    const fresh = items.filter(({ date, section, rank }) => !isRead(date, section, rank));
    if (fresh.length === 0) return;
    guessRead(fresh);
    await settle(() =>
      client('markRead', { items: fresh.map(({ date, section, rank }) => ({ date, section, rank })) }),
    );
  }

  /**
   * 全部标为已读: the items shown of the day `date` — of its `section` only (the tab shown; `items` of other sections
   * are passed over), or, without one, `items` here and every item of both its digests in the background.
   */
  async function markDayRead(
    date: string,
    items: readonly Pick<ItemRef, 'section' | 'rank'>[],
    section?: Section,
  ): Promise<void> {
    guessRead(
      items
        .filter((item) => section === undefined || item.section === section)
        .map(({ section, rank }) => ({ date, section, rank })),
    );
    await settle(() => client('markDayRead', section === undefined ? { date } : { date, section }));
  }

  /**
   * Show `items` read at once: each unread one known counts one less on its day and in its own section. An answer
   * asked for before the guess knows less than it and is dropped (the mark's own asking follows).
   */
  function guessRead(items: readonly ItemRef[]): void {
    loadSeq += 1;
    const next = new Map(days.value);
    for (const { date, section, rank } of items) {
      const day = next.get(date);
      if (!day || hasRead(day, section, rank)) continue;
      const count = day.sections?.[section];
      next.set(date, {
        ...day,
        unread: Math.max(0, day.unread - 1),
        read: [...day.read, { section, rank }],
        ...(day.sections &&
          count && {
            sections: { ...day.sections, [section]: { ...count, unread: Math.max(0, count.unread - 1) } },
          }),
      });
    }
    days.value = next;
  }

  /** Send a mark, then ask for the days again: what the background holds replaces the guess, failed or not. */
  async function settle(mark: () => Promise<unknown>): Promise<void> {
    marking += 1;
    try {
      await mark();
    } catch (error) {
      console.warn('[digest-lens] could not mark as read', error);
    } finally {
      marking -= 1;
    }
    await refresh();
  }

  return {
    days,
    follow,
    refresh,
    changedElsewhere,
    stop,
    isRead,
    unread,
    unreadIn,
    markRead,
    markDayRead,
  };
}

/** Whether `day` counts its item at `section` and `rank` read. */
function hasRead(day: DayReadState, section: ItemRef['section'], rank: number): boolean {
  return day.read.some((item) => item.section === section && item.rank === rank);
}
