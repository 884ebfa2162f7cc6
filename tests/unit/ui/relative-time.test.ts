import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../lib/ui/relative-time';

const now = Date.UTC(2026, 0, 10, 12, 0, 0);
const minutes = (count: number) => now - count * 60_000;

describe('relativeTime', () => {
  it.each([
    [now - 10_000, 'zh', '刚刚'],
    [minutes(5), 'zh', '5 分钟前'],
    [minutes(125), 'zh', '2 小时前'],
    [minutes(60 * 24 * 3), 'zh', '3 天前'],
    [now + 60_000, 'zh', '刚刚'],
    [now - 10_000, 'en', 'just now'],
    [minutes(1), 'en', '1 minute ago'],
    [minutes(5), 'en', '5 minutes ago'],
    [minutes(60), 'en', '1 hour ago'],
    [minutes(60 * 48), 'en', '2 days ago'],
  ] as const)('%i in %s is "%s"', (then, lang, expected) => {
    expect(relativeTime(then, now, lang)).toBe(expected);
  });
});
