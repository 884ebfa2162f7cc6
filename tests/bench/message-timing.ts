/** Times protocol messages from inside an extension page, so Playwright's own round trips are not counted. */
import type { Page } from 'playwright-core';
import type { Envelope, MessageType } from '../../lib/protocol';
import { percentile } from './report';

export interface Timings {
  /** Milliseconds per message, in the order sent. */
  times: number[];
  /** Replies that were missing or not `ok`. */
  failures: number;
  /** The first failure, in words. */
  firstError?: string;
}

export async function timeMessages(page: Page, envelopes: Envelope<MessageType>[]): Promise<Timings> {
  return page.evaluate(async (messages) => {
    const times: number[] = [];
    let failures = 0;
    let firstError: string | undefined;
    for (const message of messages) {
      const start = performance.now();
      const reply = (await chrome.runtime.sendMessage(message)) as
        | { ok?: boolean; error?: string }
        | undefined;
      times.push(performance.now() - start);
      if (!reply?.ok) {
        failures++;
        firstError ??= reply?.error ?? 'no answer';
      }
    }
    return { times, failures, firstError };
  }, envelopes);
}

export function summarize(times: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}
