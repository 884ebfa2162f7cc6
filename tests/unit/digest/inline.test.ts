import { describe, expect, it } from 'vitest';
import { renderInline } from '../../../lib/digest/inline';

describe('renderInline', () => {
  it.each([
    ['plain text', '纯文本', '纯文本', []],
    [
      'a link becomes its label',
      '见[公告](https://a.example.com/x)。',
      '见公告。',
      ['https://a.example.com/x'],
    ],
    [
      'brackets inside a label',
      '[FLUX [dev] 发布](https://b.example.com)',
      'FLUX [dev] 发布',
      ['https://b.example.com'],
    ],
    [
      'balanced parentheses in a target',
      '[维基](https://en.wikipedia.org/wiki/A_(b)_c)',
      '维基',
      ['https://en.wikipedia.org/wiki/A_(b)_c'],
    ],
    ['a target with a title', '[a](https://c.example.com "标题")', 'a', ['https://c.example.com']],
    ["a target with a 'title'", "[a](https://c.example.com '标题')", 'a', ['https://c.example.com']],
    ['a target with a (title)', '[a](https://c.example.com (标题))', 'a', ['https://c.example.com']],
    ['a target with a space that is no title', '[a](https://exa mple.com)', 'a', []],
    ['a target with text after a space', '[a](https://c.example.com 来源)', 'a', []],
    ['an angle-bracket target', '[a](<https://d.example.com/p>)', 'a', ['https://d.example.com/p']],
    ['a fake target', '[标题](来源：文章内容)', '标题', []],
    ['a javascript: target', '[点我](javascript:alert(1))', '点我', []],
    ['a data: target', '[点我](data:text/html,<b>x</b>)', '点我', []],
    ['a relative target', '[点我](/relative/path)', '点我', []],
    ['an image gives its alt text, not a link', '![示意图](https://img.example.com/a.png)', '示意图', []],
    [
      'a bare URL stays as text',
      '见 https://e.example.com/a，谢谢',
      '见 https://e.example.com/a，谢谢',
      ['https://e.example.com/a'],
    ],
    [
      'a bare URL ends before Chinese punctuation',
      '（https://f.example.com/b）',
      '（https://f.example.com/b）',
      ['https://f.example.com/b'],
    ],
    [
      'a bare URL in ASCII parentheses',
      '(see https://g.example.com/c_(d))',
      '(see https://g.example.com/c_(d))',
      ['https://g.example.com/c_(d)'],
    ],
    [
      'trailing punctuation is not part of a bare URL',
      'at https://h.example.com/d.',
      'at https://h.example.com/d.',
      ['https://h.example.com/d'],
    ],
    ['a URL inside a word is not a link', 'xhttps://i.example.com', 'xhttps://i.example.com', []],
    ['emphasis goes', '**加粗** 与 *斜体* 与 `代码`', '加粗 与 斜体 与 代码', []],
    [
      'underscore emphasis goes, bare URLs keep their _ and *',
      '__要点__：见 https://x.com/_lab_/status/1 与 https://a.example.com/**b**',
      '要点：见 https://x.com/_lab_/status/1 与 https://a.example.com/**b',
      ['https://x.com/_lab_/status/1', 'https://a.example.com/**b'],
    ],
    ['code spans keep brackets literally', '`[a](https://j.example.com)`', '[a](https://j.example.com)', []],
    ['HTML stays as it is', '<b>粗</b> &amp; <script>x</script>', '<b>粗</b> &amp; <script>x</script>', []],
    [
      'links in order, repeats kept',
      '[a](https://k.example.com), [b](https://k.example.com)',
      'a, b',
      ['https://k.example.com', 'https://k.example.com'],
    ],
  ])('%s', (_case, source, text, links) => {
    const rendered = renderInline(source);
    expect(rendered.text).toBe(text);
    expect(rendered.links).toEqual(links);
  });

  it.each([
    ['[a](https://a.example.com)，[b](https://b.example.com)', false],
    ['https://a.example.com, https://b.example.com', false],
    ['- [a](https://a.example.com)', false],
    ['说明 [a](https://a.example.com)', true],
    ['[标题](来源：文章内容)', true],
  ])('hasOtherText of %j is %s', (source, expected) => {
    expect(renderInline(source).hasOtherText).toBe(expected);
  });

  it('flags a link whose target is never closed and drops the broken target', () => {
    expect(renderInline('[被截断的标题](https://x.com')).toEqual({
      text: '被截断的标题',
      links: [],
      hasOtherText: false,
      hasCutOffLink: true,
    });
  });

  it('reads each line on its own: a link on one line does not close a bracket on the next', () => {
    expect(renderInline('[a](https://a.example.com/x)').links).toEqual(['https://a.example.com/x']);
    expect(renderInline('[a](https://a.example.com/x')).toMatchObject({ links: [], hasCutOffLink: true });
    expect(renderInline('[a] (https://a.example.com/x)').links).toEqual(['https://a.example.com/x']);
  });

  it('reads links on a line longer than the shared bracket table', () => {
    const line = `${'说明'.repeat(3000)}[a](https://a.example.com/long)`;
    expect(renderInline(line).links).toEqual(['https://a.example.com/long']);
  });
});
