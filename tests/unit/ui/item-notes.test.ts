import { describe, expect, it } from 'vitest';
import { itemNoteKey, itemNotes } from '../../../lib/ui/item-notes';

const problem = (message: string, line = 1) => ({ line, message });

describe('notes on single items from a digest’s problems', () => {
  it('matches problems to items by section name and rank', () => {
    const notes = itemNotes([
      problem('十大工具产品要点 6: the heading link is cut off (no closing parenthesis)'),
      problem('十大工具产品要点 6: the item has no summary'),
      problem('十大AI新闻要点 3: the item has no summary'),
      problem('十大AI新闻要点 12: a link is cut off (no closing parenthesis)'),
    ]);
    expect(notes.get(itemNoteKey('tools', 6))).toEqual({ cutOff: true, noSummary: true });
    expect(notes.get(itemNoteKey('news', 3))).toEqual({ cutOff: false, noSummary: true });
    expect(notes.get(itemNoteKey('news', 12))).toEqual({ cutOff: true, noSummary: false });
    expect(notes.get(itemNoteKey('news', 6))).toBeUndefined();
    expect(notes.size).toBe(3);
  });

  it('leaves out problems about the whole digest, and ones that are not about the source', () => {
    const notes = itemNotes([
      problem('the section 十大工具产品要点 is missing'),
      problem('十大AI新闻要点: item number 0 is not a rank'),
      problem('十大AI新闻要点 1: the summary was cut at 2,000 characters'),
      problem('十大AI新闻要点 2: the item has no title'),
      problem('120 more problems from here on are not listed'),
      problem('其他栏目 4: the item has no summary'),
    ]);
    expect(notes.size).toBe(0);
  });

  it('reads a list once: the same list gives the same answer', () => {
    const problems = [problem('十大AI新闻要点 1: the item has no summary')];
    expect(itemNotes(problems)).toBe(itemNotes(problems));
  });
});
