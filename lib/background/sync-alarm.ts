import { browser } from 'wxt/browser';
import { nextFreshCheck, type ScheduleInput } from '../sync/schedule';

export const SYNC_ALARM = 'sync';
/** A one-shot alarm for the next look for today's digest (lib/sync/schedule.ts), set again after every sync. */
export const FRESH_ALARM = 'sync-fresh';

/**
 * Chrome may drop alarms when the browser restarts: every worker start checks, and the alarm is (re)created when
 * it is missing or its period no longer matches the setting.
 */
export async function ensureSyncAlarm(intervalHours: number): Promise<void> {
  const periodInMinutes = Math.round(intervalHours * 60);
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Set the one-shot alarm for the next look for today's digest. */
export async function scheduleFreshCheck(input: ScheduleInput): Promise<void> {
  await browser.alarms.create(FRESH_ALARM, { when: nextFreshCheck(input) });
}

/**
 * Whether the next look for today's digest is already set. A worker start keeps it: the worker starts often, and each
 * start must not push the check further away (nor read the stored status to plan one).
 */
export async function hasFreshCheck(): Promise<boolean> {
  return (await browser.alarms.get(FRESH_ALARM)) !== undefined;
}
