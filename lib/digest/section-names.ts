import type { Section } from '../schema';

/** How problems name the sections: as the digest titles them. */
export const SECTION_NAMES: Record<Section, string> = {
  news: '十大AI新闻要点',
  tools: '十大工具产品要点',
  trending: 'GitHub Trending',
};
