import { describe, expect, it } from 'vitest';
import { readBodyLine } from '../../../lib/digest/item-body';

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
