/** The mark's words, Chinese and English: what the chip reads (日报 · 新闻 #3; its name adds the item's title). */
import type { UiLanguage } from '../i18n';
import type { Match } from '../schema';

const DIGEST = { zh: '日报', en: 'Digest' };
const SECTIONS: Record<UiLanguage, Record<string, string>> = {
  zh: { news: '新闻', tools: '工具' },
  en: { news: 'News', tools: 'Tools' },
};

/** The chip's text for the newest card of a mark: `日报 · 新闻 #3`. */
export function markText(language: UiLanguage, { item }: Match): string {
  return `${DIGEST[language]} · ${SECTIONS[language][item.section] ?? item.section} #${item.rank}`;
}
