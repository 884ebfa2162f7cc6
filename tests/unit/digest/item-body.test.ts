import { describe, expect, it } from 'vitest';
import { isEnglishQuotation, readBodyLine } from '../../../lib/digest/item-body';

describe('readBodyLine', () => {
  it.each([
    ['> 来源：https://a.example.com/1', ['https://a.example.com/1']],
    ['来源: https://a.example.com/2', ['https://a.example.com/2']],
    ['**来源**：https://a.example.com/3', ['https://a.example.com/3']],
    ['> **来源：** [标签](https://a.example.com/4)', ['https://a.example.com/4']],
    ['> [来源](https://a.example.com/5)', ['https://a.example.com/5']],
    ['> [来源：X @someone](https://a.example.com/6)', ['https://a.example.com/6']],
    ['> [https://a.example.com/7](https://a.example.com/7)', ['https://a.example.com/7']],
    ['> - 演示：[https://a.example.com/8](https://a.example.com/8)', ['https://a.example.com/8']],
    ['- [官方公告](https://a.example.com/9)', ['https://a.example.com/9']],
    ['https://a.example.com/10', ['https://a.example.com/10']],
    [
      '> 来源：https://a.example.com/11,https://b.example.com/12',
      ['https://a.example.com/11', 'https://b.example.com/12'],
    ],
    ['> 来源：文章内容', []],
    ['> 来源：', []],
  ])('%j is a links line', (line, links) => {
    expect(readBodyLine(line)).toEqual({ kind: 'links', links });
  });

  it.each([
    ['> 摘要文字。', '摘要文字。', []],
    ['**描述**：描述文字。', '描述文字。', []],
    ['**描述：** 描述文字。', '描述文字。', []],
    ['> 来源于社区的讨论。', '来源于社区的讨论。', []],
    ['> 来自实验室的新模型。', '来自实验室的新模型。', []],
    ['> 详见[报告](https://a.example.com/r)。', '详见报告。', ['https://a.example.com/r']],
    ['> **加粗**的摘要', '加粗的摘要', []],
  ])('%j is summary text %j', (line, text, links) => {
    expect(readBodyLine(line)).toMatchObject({ kind: 'summary', text, links });
  });

  it('keeps the English **引用** quote out of the summary', () => {
    expect(readBodyLine('**引用**："a quote from the source"')).toEqual({ kind: 'quote' });
  });

  it('reads an empty quote line as a blank line', () => {
    expect(readBodyLine('>')).toEqual({ kind: 'blank' });
  });
});

describe('isEnglishQuotation', () => {
  it.each([
    '"RL makes small teachers useful."',
    '“Small teachers, explained step by step.”',
    '"a phrase with a trailing period".',
    '"up to ~40 tasks ($1.99/hr, 70.6%)"',
  ])('%j is one', (text) => {
    expect(isEnglishQuotation(text)).toBe(true);
  });

  it.each([
    ['a Chinese summary opening with a quoted name', '“Open Owl”项目被开源，它是一个代理框架。'],
    ['a Chinese quotation', '"这款耳机可以离线翻译。"'],
    ['English with a Chinese word inside', '"a model called 海鸥"'],
    ['two quotations', '"first" and "second"'],
    ['no quotation marks', 'An English sentence.'],
    ['an unclosed quotation', '"An English sentence.'],
    ['mismatched marks', '“An English sentence."'],
    ['no letters', '"2024 — 2025"'],
    ['only quotation marks', '""'],
  ])('%s is not one', (_case, text) => {
    expect(isEnglishQuotation(text)).toBe(false);
  });

  it('is said of a summary line, which the item drops only after summary text', () => {
    expect(readBodyLine('> "An English quote."')).toMatchObject({ kind: 'summary', isEnglishQuote: true });
    expect(readBodyLine('> 中文摘要。')).toMatchObject({ kind: 'summary', isEnglishQuote: false });
  });
});
