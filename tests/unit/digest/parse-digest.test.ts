import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../lib/digest/index';
import { type Item, parseResultSchema } from '../../../lib/schema';
import { readDigestFixture } from './read-fixture';

function parseFixture(name: string) {
  const result = parseDigest(readDigestFixture(name));
  // The output has exactly the schema's shape: zod drops unknown keys, so any extra field would break equality.
  expect(parseResultSchema.parse(result)).toEqual(result);
  return result;
}

function itemsOf(name: string): Item[] {
  const { digest, problems } = parseFixture(name);
  expect(problems).toEqual([]);
  return digest?.items ?? [];
}

const brief = (items: Item[]) => items.map(({ section, rank, title }) => `${section} ${rank} ${title}`);

describe('the usual form', () => {
  it('reads the header date, the issue link and every item', () => {
    const { digest, problems } = parseFixture('standard.md');
    expect(problems).toEqual([]);
    expect(digest?.date).toBe('2026-02-10');
    expect(digest?.issueUrl).toBe('https://news.smol.ai/issues/26-02-09-lantern-fish/');
    expect(digest?.items[0]).toEqual({
      section: 'news',
      rank: 1,
      title: '灯笼鱼实验室发布开放权重模型 Lumen-7',
      summary:
        '灯笼鱼实验室公开了 Lumen-7 的权重，采用宽松许可证，支持 64K 上下文，在多个推理基准上接近同尺寸的闭源模型。',
      links: ['https://x.com/lanternfish_ai/status/1111111111111111111'],
    });
    expect(brief(digest?.items ?? [])).toEqual([
      'news 1 灯笼鱼实验室发布开放权重模型 Lumen-7',
      'news 2 Wiki 条目 [测试版] 引起关于“模型口味”的讨论',
      'news 3 北极星推理服务降价一半',
      'tools 1 纸鹤 CLI：终端里的代码代理',
      'tools 2 风铃数据集上线 Hugging Face',
      'tools 3 萤火虫：浏览器内运行的小模型',
    ]);
  });

  it('keeps a URL with balanced parentheses whole and leaves HTML as plain text', () => {
    const item = itemsOf('standard.md')[1];
    expect(item?.links).toEqual(['https://en.wikipedia.org/wiki/Taste_(sociology)']);
    expect(item?.summary).toBe(
      '一篇关于模型审美偏好的长文在社区流传，作者认为 <b>评测</b> 应当记录提示词 &amp; 采样参数，否则结论难以复现。',
    );
  });

  it('reads the tools heading with （如适用） and trailing spaces', () => {
    expect(itemsOf('standard.md').filter((item) => item.section === 'tools')).toHaveLength(3);
  });

  it('tolerates a BOM and CRLF or CR line endings', () => {
    const text = readDigestFixture('standard.md');
    const expected = parseDigest(text);
    expect(parseDigest(`\uFEFF${text.replaceAll('\n', '\r\n')}`)).toEqual(expected);
    expect(parseDigest(text.replaceAll('\n', '\r'))).toEqual(expected);
  });
});

describe('header variants', () => {
  it('reads a digest without a header: date null, issue link kept', () => {
    const { digest } = parseFixture('no-header-bold-labels.md');
    expect(digest?.date).toBeNull();
    expect(digest?.issueUrl).toBe('https://news.smol.ai/issues/25-06-20-quiet-week/');
  });

  it('reads `# AINews 总结 - D`', () => {
    expect(parseFixture('summary-header-bold-titles.md').digest?.date).toBe('2025-07-01');
  });

  it('skips an LLM preamble line and its rule before the first section', () => {
    const { digest, problems } = parseFixture('preamble.md');
    expect(problems).toEqual([]);
    expect(digest?.date).toBe('2026-04-27');
    expect(brief(digest?.items ?? [])).toEqual([
      'news 1 孔雀发布多模态模型',
      'tools 1 鹦鹉：把会议录音变成纪要',
    ]);
  });
});

describe('bold labels (**描述** / **引用** / **来源**)', () => {
  it('takes the description as the summary, the 来源 URL as the link, and leaves the English quote out', () => {
    expect(itemsOf('no-header-bold-labels.md')[0]).toEqual({
      section: 'news',
      rank: 1,
      title: '山雀科技推出语音助手',
      summary: '山雀科技发布了面向老年人的语音助手，强调方言识别与离线运行。',
      links: ['https://x.com/titmouse_tech/status/2222222222222222222'],
    });
  });
});

describe('English quote lines (the 2025-06-24 form and **引用**)', () => {
  it('keeps a quoted English sentence under the Chinese summary out of it, and every Chinese line in', () => {
    const items = itemsOf('english-quote-lines.md');
    expect(items.map(({ section, rank, summary }) => `${section} ${rank} ${summary}`)).toEqual([
      'news 1 海鸥实验室发布了一个只有 300M 参数的港口天气预报模型，可在笔记本电脑上每小时更新一次，权重已公开。',
      'news 2 “Lighthouse”评测集被公开，它收录两千道需要多步检索的问答题，并附带参考推理链。',
      'news 3 "Heron-2"在开放排行榜上位列第一，团队称其训练数据全部来自公开许可的语料。',
      'news 4 松果公司发布离线翻译耳机，支持十二种语言，续航八小时。"这款耳机可以在没有网络时完成翻译。"',
      'news 5 "A log analyzer that groups similar errors and suggests the likely cause."',
      'tools 1 纸船插件可以把网页上的表格一键导出为 CSV，并保留原有的列名。',
      'tools 2 山雀命令行工具 2.0 新增插件机制，允许用户用 Lua 编写扩展，并带来了 "dry run" 模式。',
    ]);
    expect(items[0]?.links).toEqual(['https://x.com/seagull_lab/status/3333333333333333331']);
  });

  it('gives the same item whether the quote is labelled **引用** or not', () => {
    const digestWith = (...body: string[]) =>
      parseDigest(['## 📰 十大AI新闻要点', '### 1. 标题', ...body, '## 🛠️ 十大工具产品要点'].join('\n')).digest
        ?.items;
    const summary = '> 中文摘要。';
    const quote = '"An English quote from the source."';
    const unlabelled = digestWith(summary, `> ${quote}`);
    expect(unlabelled).toEqual(digestWith(summary, `> **引用**：${quote}`));
    expect(unlabelled).toEqual(digestWith(summary, '', `> ${quote}`));
    expect(unlabelled?.[0]?.summary).toBe('中文摘要。');
  });
});

describe('item headings', () => {
  it('removes markdown emphasis (`**`, `*`, `__`, `_`) and code-span backticks from titles, not names', () => {
    expect(brief(itemsOf('summary-header-bold-titles.md'))).toEqual([
      'news 1 海豚模型支持实时翻译',
      'news 2 斑马 团队开源训练框架',
      'tools 1 uv 风格的模型下载器',
      'tools 2 鹈鹕 与 鸬鹚 合作的 __init__ 标注平台',
    ]);
    expect(itemsOf('standard.md')[2]?.title).toBe('北极星推理服务降价一半');
  });

  it('removes bidi controls, so a title or summary shows the order it is written in', () => {
    const { digest } = parseDigest(
      [
        '## 📰 十大AI新闻要点',
        '### 1. [下载 \u202Egnp.exe](https://a.example.com/file)',
        '> 附件 \u2066名为\u2069 \u202Egnp.exe\u202C，\u200F请勿打开。',
        '## 🛠️ 十大工具产品要点',
      ].join('\n'),
    );
    expect(digest?.items[0]).toMatchObject({
      title: '下载 gnp.exe',
      summary: '附件 名为 gnp.exe，请勿打开。',
    });
  });
});

describe('fences and missing rules', () => {
  it('reads sections inside balanced and unbalanced ``` fences, with items not separated by ---', () => {
    const { digest, problems } = parseFixture('fenced-no-rules.md');
    expect(problems).toEqual([]);
    expect(digest?.items.map((item) => [item.section, item.rank, item.links])).toEqual([
      ['news', 1, ['https://x.com/egret_ai/status/4444444444444444444']],
      ['news', 2, ['https://huggingface.co/greycrane/voice-1b']],
      ['tools', 1, ['https://github.com/cormorant/label-cli']],
      ['tools', 2, ['https://github.com/kingfisher/dash']],
    ]);
    expect(digest?.items[1]?.summary).toBe('灰鹤的语音模型只有 1B 参数，可以在笔记本电脑上实时运行。');
  });
});

describe('where an item keeps its links', () => {
  const items = itemsOf('source-lines.md');
  const item = (section: Item['section'], rank: number) =>
    items.find((candidate) => candidate.section === section && candidate.rank === rank);

  it.each([
    [
      '`> 来源：URL` inside the quote, after the summary',
      1,
      ['https://x.com/seagull_co/status/6000000000000000001'],
    ],
    [
      '`来源：[label](url)` outside the quote, before the summary',
      2,
      ['https://x.com/albatross_dev/status/6000000000000000002'],
    ],
    [
      'several `来源` lines outside the quote',
      3,
      ['https://penguin.example.org/report-2026', 'https://x.com/penguin_fdn/status/6000000000000000003'],
    ],
    [
      '`> 来源：` with a `> - label：[url](url)` list',
      4,
      ['https://x.com/swan_ai/status/6000000000000000004', 'https://github.com/mandarin-duck/agent-eval'],
    ],
    [
      'a `- [label](url)` list',
      5,
      ['https://x.com/pelican_chips/status/6000000000000000005', 'https://pelican.example.com/roadmap'],
    ],
    [
      'comma-joined links (`,` and `，`)',
      6,
      [
        'https://x.com/heron_a/status/6000000000000000006',
        'https://x.com/heron_b/status/6000000000000000007',
        'https://x.com/heron_c/status/6000000000000000008',
      ],
    ],
    ['`来源：文章内容` (no link)', 7, []],
    ['a fake heading target `[title](来源：文章内容)` (no link)', 8, []],
    [
      'an inline link in the summary and links after `来源：文章内容（综合自 …）`',
      9,
      [
        'https://swallow.example.com/bench',
        'https://x.com/swallow_a/status/6000000000000000009',
        'https://x.com/swallow_b/status/6000000000000000010',
      ],
    ],
    [
      'a URL in parentheses at the end of the heading',
      10,
      ['https://x.com/thrush_ai/status/6000000000000000011'],
    ],
  ])('news: %s', (_case, rank, links) => {
    expect(item('news', rank)?.links).toEqual(links);
  });

  it.each([
    ['`（来源：文章内容）` at the end of the heading (no link)', 1, []],
    [
      '`> [来源：X @name](url)` before the summary',
      2,
      ['https://x.com/magpie_review/status/6000000000000000012'],
    ],
    [
      'heading link, `> [url](url)` and `> [来源](url)`, deduplicated in order',
      3,
      ['https://github.com/partridge-db/partridge', 'https://partridge.example.com/docs'],
    ],
    ['`来源：label ([链接](url))`', 4, ['https://oriole.example.com/parser']],
    [
      '`来源（qualifier）：[label](url)` and `来源（qualifier）：文章内容`',
      6,
      ['https://github.com/hoopoe/clean'],
    ],
  ])('tools: %s', (_case, rank, links) => {
    expect(item('tools', rank)?.links).toEqual(links);
  });

  it('keeps 来源 lines out of the summary and joins the summary lines', () => {
    expect(item('news', 2)?.summary).toBe(
      '信天翁团队开源了一种长上下文训练方案，声称能把有效上下文扩展到 1M token。',
    );
    expect(item('news', 4)?.summary).toBe('两家团队联合发布了代码智能体评测，覆盖重构、修复与测试生成。');
    expect(item('news', 7)?.summary).toBe('据报道，猫头鹰公司的估值在半年内翻倍，但公司尚未回应。');
    expect(item('news', 9)?.summary).toBe('燕子团队总结了多条推理优化经验，并附上了详细的基准数据。');
    expect(item('tools', 5)?.summary).toBe(
      '白头翁团队发布了新一轮代码模型评测，覆盖十种编程语言，并解释了分数差异的来源：数据污染与提示词格式。',
    );
    expect(item('tools', 6)?.summary).toBe('戴胜同时推出了数据清洗工具与标注工具。');
    for (const { summary } of items) expect(summary).not.toMatch(/^来源|。来源/m);
  });

  it('cuts the source group off the heading title', () => {
    expect(item('news', 8)?.title).toBe('麻雀模型登上排行榜');
    expect(item('news', 10)?.title).toBe('画眉发布语音克隆模型');
    expect(item('tools', 1)?.title).toBe('杜鹃：模型量化工具箱');
  });
});

describe('unsafe and fake link targets', () => {
  it('keeps only absolute http(s) URLs: never javascript:, data:, ftp:, relative, empty or host-less targets', () => {
    const items = itemsOf('unsafe-links.md');
    expect(items.map((item) => [item.title, item.links])).toEqual([
      ['看似链接的脚本', []],
      ['相对路径', []],
      ['大写协议', ['HTTPS://Example.COM/Upper']],
      ['只有协议', ['https://angle.example.com/path']],
    ]);
    expect(items[3]?.summary).toBe('只有协议没有主机的目标不是链接，空标签 也不是。');
  });
});

describe('a digest embedded in the homepage', () => {
  it('reads only the digest under `### AI 动态速览`, not the sections around it', () => {
    const { digest, problems } = parseFixture('homepage.md');
    expect(problems).toEqual([]);
    expect(digest?.date).toBe('2026-08-20');
    expect(digest?.issueUrl).toBe('https://news.smol.ai/issues/26-08-19-homepage/');
    expect(brief(digest?.items ?? [])).toEqual([
      'news 1 蓝鲸发布开源编程模型',
      'news 2 海豹推出语音接口',
      'tools 1 海獭：提示词版本管理',
    ]);
    expect(digest?.items[2]?.links).toEqual(['https://github.com/sea-otter/prompts']);
  });

  it('reads an item number used twice in a section as the next free one: no two items share a place', () => {
    const { digest, problems } = parseDigest(
      [
        '## 十大AI新闻要点',
        '### 1. [One](https://x.com/a/status/1)',
        '> 一。',
        '### 1. [Again](https://x.com/a/status/2)',
        '> 重复。',
        '## 十大工具产品要点',
        '### 1. [Tool](https://github.com/a/b)',
        '> 工具。',
      ].join('\n'),
    );
    expect(digest?.items.map((item) => [item.section, item.rank, item.title])).toEqual([
      ['news', 1, 'One'],
      ['news', 2, 'Again'],
      ['tools', 1, 'Tool'],
    ]);
    expect(problems).toContainEqual({
      line: 4,
      message: expect.stringContaining('item number 1 was already taken: read as item 2'),
    });
  });

  it('reports the cut-off last item and keeps every item it could read', () => {
    const { digest, problems } = parseFixture('cut-off.md');
    expect(brief(digest?.items ?? [])).toEqual([
      'news 1 鲸鲨推出推理加速库',
      'tools 1 魟鱼部署工具',
      'tools 2 锤头鲨 / 蝠鲼 与 刺鲀',
    ]);
    expect(digest?.items[2]).toMatchObject({ summary: '', links: [] });
    expect(problems).toEqual([
      { line: 20, message: '十大工具产品要点 2: the heading link is cut off (no closing parenthesis)' },
      { line: 20, message: '十大工具产品要点 2: the item has no summary' },
    ]);
  });
});
