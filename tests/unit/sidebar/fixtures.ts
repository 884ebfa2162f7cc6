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

/** An event as the user's input makes it: trusted (happy-dom has no isTrusted; a page script's event is false). */
export function byUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export const userClick = (element: Element | null | undefined) =>
  element?.dispatchEvent(byUser(new MouseEvent('click', { bubbles: true, cancelable: true })));

export const userKey = (element: Element | null | undefined, key: string) => {
  const event = byUser(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }),
  );
  element?.dispatchEvent(event);
  return event;
};
