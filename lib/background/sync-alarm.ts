import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'sync';

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
