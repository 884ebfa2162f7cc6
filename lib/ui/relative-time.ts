/** "5 分钟前" / "5 minutes ago": how long ago `then` was, in the largest whole unit, for status lines. */
import type { UiLanguage } from '../i18n';

const UNITS = [
  { ms: 86_400_000, zh: '天', en: 'day' },
  { ms: 3_600_000, zh: '小时', en: 'hour' },
  { ms: 60_000, zh: '分钟', en: 'minute' },
] as const;

export function relativeTime(then: number, now: number, lang: UiLanguage): string {
  const elapsed = Math.max(0, now - then);
  for (const unit of UNITS) {
    const count = Math.floor(elapsed / unit.ms);
    if (count >= 1) {
      return lang === 'zh' ? `${count} ${unit.zh}前` : `${count} ${unit.en}${count === 1 ? '' : 's'} ago`;
    }
  }
  return lang === 'zh' ? '刚刚' : 'just now';
}
