import type { Match } from '../../../lib/schema';
import { storyKey } from '../../../lib/story';

/** One match as the background sends it; fields can be overridden per test. */
export function makeMatch(
  overrides: Partial<Omit<Match, 'item'>> & { item?: Partial<Match['item']> } = {},
): Match {
  const { item, ...rest } = overrides;
  const fullItem: Match['item'] = {
    section: 'news',
    rank: 3,
    title: '开源推理模型发布',
    summary: '某实验室发布了一个开源推理模型，在数学基准上接近闭源水平，并附带完整的训练报告。',
    links: ['https://x.com/lab/status/1111', 'https://github.com/lab/reasoner'],
    ...item,
  };
  return {
    date: '2026-11-20',
    issueUrl: 'https://news.smol.ai/issues/26-11-20-fixture/',
    alsoIn: 0,
    // As the background computes it for the stored item.
    story: storyKey(fullItem.links[0]),
    ...rest,
    item: fullItem,
  };
}

export const HOSTILE_TITLE = '<img src=x onerror="globalThis.__pwned=1"> 标题';
export const HOSTILE_SUMMARY = '<script>globalThis.__pwned=2</script>摘要<b>粗体</b>';
