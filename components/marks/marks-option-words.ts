/** The marks' option words, Chinese and English. */
import type { UiLanguage } from '../../lib/i18n';

const WORDS: Record<UiLanguage, { heading: string; hint: string }> = {
  zh: {
    heading: '链接标记',
    hint: '在时间线、搜索结果和列表里，给日报收录过的推文、仓库和模型的链接旁加一个小标记（如 日报 · 新闻 #3），悬停即可看到摘要。',
  },
  en: {
    heading: 'Marks on links',
    hint: 'In timelines, search results and lists, a small mark (such as Digest · News #3) beside each link to a tweet, repository or model the digest covered; hover it for the summary.',
  },
};

export function marksOptionWords(language: UiLanguage) {
  return WORDS[language];
}
