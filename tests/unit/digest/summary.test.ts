import { expect, it } from 'vitest';
import { joinSummary } from '../../../lib/digest/summary';

const line = (text: string, bulleted = false) => ({ text, bulleted });

it.each([
  ['Chinese lines run together', [line('第一行，'), line('第二行。')], '第一行，第二行。'],
  ['Latin words get a space', [line('first line'), line('second line')], 'first line second line'],
  ['mixed: no space next to Chinese', [line('模型 GPT'), line('发布了')], '模型 GPT发布了'],
  ['paragraphs start a new line', [line('一段。'), 'paragraph-break', line('二段。')], '一段。\n二段。'],
  ['list entries start a new line', [line('要点：'), line('甲', true), line('乙', true)], '要点：\n甲\n乙'],
  ['blank lines alone give nothing', ['paragraph-break', 'paragraph-break'], ''],
] as const)('%s', (_case, parts, summary) => {
  expect(joinSummary(parts)).toBe(summary);
});
