import { describe, expect, it, vi } from 'vitest';
import { searchDigests } from '../../../lib/background/search';
import type { Item, SearchHit, StoredDigest } from '../../../lib/schema';
import { foldCase } from '../../../lib/search/fold';
import { storedDigest, testItem } from '../storage/stored-digest';

const older = storedDigest('2026-11-27', {
  items: [
    { ...testItem('news', 1, []), title: 'OpenAI ships GPT-6', summary: '新模型在推理基准上大幅领先。' },
    { ...testItem('tools', 1, []), title: 'Tiny tool', summary: '一个开源的推理加速库。' },
  ],
});
const newer = storedDigest('2026-11-28', {
  items: [{ ...testItem('news', 2, []), title: 'gpt-6 pricing', summary: '价格下降。' }],
});

const news = (rank: number, title: string, summary: string, links: string[] = []) => ({
  ...testItem('news', rank, links),
  title,
  summary,
});
/** What a hit highlights: in the title as it is, elsewhere after its field; "(alias)" for another spelling. */
const marked = ({ item, field, start, end, alias, link }: SearchHit) =>
  (field === 'title' ? '' : `${field}: `) +
  (field === 'title' ? item.title : field === 'link' ? (link ?? '') : item.summary).slice(start, end) +
  (alias ? ' (alias)' : '');
const found = (digests: StoredDigest[], query: string) =>
  searchDigests(digests, query).hits.map((hit) => [hit.item.rank, marked(hit)]);

describe('searchDigests', () => {
  it('finds a Chinese substring in summaries, newest digest first, with the offsets', () => {
    const { hits, total } = searchDigests([older, newer], '推理');
    expect(total).toBe(2);
    expect(hits.map((hit) => [hit.date, hit.item.title, hit.field, hit.start, hit.end])).toEqual([
      ['2026-11-27', 'OpenAI ships GPT-6', 'summary', 4, 6],
      ['2026-11-27', 'Tiny tool', 'summary', 5, 7],
    ]);
  });

  it('ignores case, prefers the title, and puts newer digests first', () => {
    const { hits } = searchDigests([older, newer], 'GPT-6');
    expect(hits.map((hit) => [hit.date, hit.field, hit.start])).toEqual([
      ['2026-11-28', 'title', 0],
      ['2026-11-27', 'title', 13],
    ]);
  });

  it('limits the hits but counts them all', () => {
    expect(searchDigests([older, newer], 'gpt', 1)).toMatchObject({
      total: 2,
      hits: [{ date: '2026-11-28' }],
    });
  });

  it('keeps offsets right when a character changes length in lower case', () => {
    expect(foldCase('İstanbul AI')).toHaveLength('İstanbul AI'.length);
    const digest = storedDigest('2026-11-28', {
      items: [{ ...testItem('news', 1, []), title: 'İstanbul AI Lab', summary: '' }],
    });
    const [hit] = searchDigests([digest], 'ai lab').hits;
    expect(hit && digest.items[0]?.title.slice(hit.start, hit.end)).toBe('AI Lab');
  });

  it('reads full-width letters, digits and brackets (what a Chinese input method types) as their ASCII, both ways', () => {
    expect(foldCase('ＤｅｅｐＳｅｅｋ　Ｖ３（公共预览）')).toBe('deepseek v3(公共预览)');
    const digest = storedDigest('2026-11-28', {
      items: [
        { ...testItem('news', 1, []), title: 'Qwen3 发布（公共预览）', summary: '' },
        { ...testItem('tools', 1, []), title: 'Tool (public preview)', summary: '' },
      ],
    });
    const title = (query: string) =>
      searchDigests([digest], query).hits.map(({ item, start, end }) => item.title.slice(start, end));
    expect(title('Ｑｗｅｎ３')).toEqual(['Qwen3']);
    expect(title('（公共预览）')).toEqual(['（公共预览）']);
    expect(title('(公共预览)')).toEqual(['（公共预览）']);
    expect(title('（ｐｕｂｌｉｃ')).toEqual(['(public']);
  });

  it('finds the items linking a pasted GitHub or Hugging Face link, by the names it carries, with or without its scheme', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        {
          ...testItem('tools', 1, ['https://github.com/Obra/SuperPowers']),
          title: 'Skills for agents',
          summary: '',
        },
        { ...testItem('tools', 2, ['https://github.com/obra/other']), title: 'Another', summary: '' },
      ],
    });
    const found = (query: string) =>
      searchDigests([digest], query).hits.map(({ item, field, link, start, end }) => [
        item.rank,
        field,
        link?.slice(start, end),
      ]);
    const superpowers = [[1, 'link', 'Obra/SuperPowers']];
    expect(found('https://github.com/obra/superpowers')).toEqual(superpowers);
    expect(found('github.com/obra/superpowers/')).toEqual(superpowers);
    expect(found('https://www.github.com/obra/superpowers?tab=readme')).toEqual(superpowers);
    expect(found('https://example.com/obra/superpowers')).toEqual([]);
    // The same names on Hugging Face find it too: a project keeps its owner/name on both sites.
    expect(found('huggingface.co/obra/superpowers')).toEqual(superpowers);
    // A tweet's link is not turned into its account (which would find the account's every item).
    const tweets = storedDigest('2026-11-28', {
      items: [
        {
          ...testItem('news', 1, ['https://x.com/OpenAI/status/111']),
          title: 'OpenAI ships a model',
          summary: '',
        },
      ],
    });
    expect(searchDigests([tweets], 'https://x.com/OpenAI/status/222').hits).toEqual([]);
  });

  it('finds an item holding every word of a query, each anywhere, and highlights the first word', () => {
    const { hits, total } = searchDigests([older, newer], 'openai  推理');
    expect(total).toBe(1);
    expect(hits.map((hit) => [hit.item.title, hit.field, hit.start, hit.end])).toEqual([
      ['OpenAI ships GPT-6', 'title', 0, 6],
    ]);
    expect(searchDigests([older, newer], 'openai 价格').total).toBe(0);
  });

  it('finds nothing for a blank query', () => {
    expect(searchDigests([older], '  ')).toEqual({ hits: [], total: 0 });
  });

  it('does not find a word split across two items of a digest', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        { ...testItem('news', 1, []), title: 'alpha', summary: 'ends with open' },
        { ...testItem('news', 2, []), title: 'AI starts', summary: '' },
      ],
    });
    expect(searchDigests([digest], 'openai').total).toBe(0);
    expect(searchDigests([digest], 'open ai').total).toBe(0);
  });

  it('finds the new text of a digest replaced under the same date', () => {
    expect(searchDigests([older], 'pricing').total).toBe(0);
    const replaced = { ...older, items: [{ ...testItem('news', 1, []), title: 'New pricing', summary: '' }] };
    expect(searchDigests([replaced], 'pricing').total).toBe(1);
  });

  it('folds five years of titles and summaries once, not again on every search', () => {
    // 1,800 digests of 20 items: 72,000 texts, more than a cache of 50,000 strings cleared when full could hold.
    const library = Array.from({ length: 1_800 }, (_, day) =>
      storedDigest(new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10), {
        items: Array.from({ length: 20 }, (_, rank) => ({
          ...testItem('news', rank + 1, []),
          title: `Title ${day}-${rank}`,
          summary: `摘要 ${day}-${rank}`,
        })),
      }),
    );
    expect(searchDigests(library, 'title 1799-19')).toMatchObject({ total: 1 });
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    for (const query of ['摘要 17', 'title 9', 'nothing']) searchDigests(library, query);
    // The three queries themselves, nothing of the library.
    expect(lowerCase.mock.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('searchDigests: ranking, stories, link names and aliases', () => {
  it('ranks a title hit above a newer summary hit that mentions it in passing', () => {
    const passing = storedDigest('2026-11-28', {
      items: [news(1, 'Local models on phones', '作者用 llama.cpp 在手机上跑了一个小模型。')],
    });
    const about = storedDigest('2026-11-20', {
      items: [news(3, 'llama.cpp adds a web UI', '新的官方界面。')],
    });
    const { hits } = searchDigests([passing, about], 'llama.cpp');
    expect(hits.map((hit) => [hit.date, hit.field])).toEqual([
      ['2026-11-20', 'title'],
      ['2026-11-28', 'summary'],
    ]);
  });

  it('ranks a match at a word start above one inside a word, then the newer digest', () => {
    const inside = storedDigest('2026-11-28', { items: [news(1, 'Ollama.cpp-style runner', '')] });
    const older = storedDigest('2026-11-10', { items: [news(1, 'Why llama.cpp is fast', '')] });
    const oldest = storedDigest('2026-11-01', { items: [news(1, 'llama.cpp turns two', '')] });
    const { hits } = searchDigests([inside, oldest, older], 'llama.cpp');
    expect(hits.map((hit) => hit.date)).toEqual(['2026-11-10', '2026-11-01', '2026-11-28']);
  });

  it('ranks every word in the title above words spread into the summary', () => {
    const spread = storedDigest('2026-11-28', { items: [news(1, 'Qwen update', '推理更快。')] });
    const inTitle = storedDigest('2026-11-02', { items: [news(1, 'Qwen 推理 update', '')] });
    const { hits } = searchDigests([spread, inTitle], 'qwen 推理');
    expect(hits.map((hit) => hit.date)).toEqual(['2026-11-02', '2026-11-28']);
  });

  it('shows a story summarised on several days once, the best version, saying in how many others', () => {
    const tweet = 'https://x.com/someone/status/42';
    const days = ['2026-11-26', '2026-11-27', '2026-11-28'].map((date, index) =>
      storedDigest(date, {
        items: [
          news(1, index === 0 ? 'Kimi K3 released' : 'A model', index === 0 ? '' : 'Kimi K3 的后续。', [
            tweet,
          ]),
          news(2, 'Other', 'Kimi 以外的事。', [`https://x.com/other/status/${index}`]),
        ],
      }),
    );
    const { hits, total } = searchDigests(days, 'kimi');
    expect(total).toBe(4);
    expect(hits[0]).toMatchObject({ date: '2026-11-26', field: 'title', alsoIn: 2 });
    expect(hits.slice(1).map((hit) => [hit.date, hit.item.rank, hit.alsoIn])).toEqual([
      ['2026-11-28', 2, undefined],
      ['2026-11-27', 2, undefined],
      ['2026-11-26', 2, undefined],
    ]);
  });

  it('finds an item by its links’ account, owner or repo, with offsets into the link as shown', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        news(1, '本地推理的新界面', '官方发布。', ['https://github.com/ggerganov/llama.cpp/pull/1']),
        news(2, 'A tweet', '', ['https://x.com/GGerganov/status/7']),
        news(3, 'Unrelated', '', ['https://example.com/ggerganov']),
      ],
    });
    const { hits, total } = searchDigests([digest], 'ggerganov');
    expect(total).toBe(2);
    expect(hits.map((hit) => [hit.field, hit.link, hit.link?.slice(hit.start, hit.end)])).toEqual([
      ['link', 'github.com/ggerganov/llama.cpp/pull/1', 'ggerganov'],
      ['link', 'x.com/GGerganov/status/7', 'GGerganov'],
    ]);
    expect(searchDigests([digest], 'pull').total).toBe(0);
  });

  it('prefers the title to a link name, and a link name to the summary', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        news(1, 'A', 'qwen 在摘要里', []),
        news(2, 'B', '', ['https://huggingface.co/Qwen/Qwen3-8B']),
        news(3, 'Qwen3 发布', '', []),
      ],
    });
    expect(searchDigests([digest], 'qwen').hits.map((hit) => [hit.item.rank, hit.field])).toEqual([
      [3, 'title'],
      [2, 'link'],
      [1, 'summary'],
    ]);
  });

  it('finds either spelling of a name from the alias table, highlighting the text’s own spelling', () => {
    const digest = storedDigest('2026-11-28', {
      items: [
        news(1, 'NVIDIA ships a chip', ''),
        news(2, '英伟达发布新芯片', ''),
        news(3, 'Artificial intelligence', '英特尔以外'),
      ],
    });
    const zh = searchDigests([digest], '英伟达').hits;
    expect(zh.map((hit) => [hit.item.rank, hit.item.title.slice(hit.start, hit.end), hit.alias])).toEqual([
      [1, 'NVIDIA', true],
      [2, '英伟达', undefined],
    ]);
    expect(searchDigests([digest], 'nvidia').total).toBe(2);
    // A Latin alias stands as a word: "intel" is not in "intelligence".
    expect(searchDigests([digest], '英特尔').hits.map((hit) => hit.item.rank)).toEqual([3]);
  });
});

describe('searching both kinds of digest', () => {
  const repo = 'https://github.com/lanternfish-lab/lumen-cli';
  const trendingDay = (date: string, summary: string) =>
    storedDigest(date, {
      kind: 'github-trending',
      issueUrl: null,
      items: [{ section: 'trending', rank: 1, title: 'lanternfish-lab/lumen-cli', summary, links: [repo] }],
    });
  const aiDay = storedDigest('2026-11-28', {
    items: [{ ...testItem('tools', 3, [repo]), title: 'Lumen CLI 2.0 发布', summary: '' }],
  });

  it('finds a repository in the AI digest and in GitHub 热门 as two hits, on the same day the AI digest’s first', () => {
    const sameDay = searchDigests([aiDay, trendingDay('2026-11-28', 'Lumen CLI 是命令行工具。')], 'lumen');
    expect(sameDay.hits.map((hit) => [hit.date, hit.item.section])).toEqual([
      ['2026-11-28', 'tools'],
      ['2026-11-28', 'trending'],
    ]);
    const { hits } = searchDigests([aiDay, trendingDay('2026-11-29', 'Lumen CLI 是命令行工具。')], 'lumen');
    expect(hits.map((hit) => [hit.date, hit.item.section, hit.alsoIn])).toEqual([
      ['2026-11-29', 'trending', undefined],
      ['2026-11-28', 'tools', undefined],
    ]);
  });

  it('shows a repository that trended on many days once, the newest, saying on how many other days', () => {
    const days = ['2026-11-26', '2026-11-27', '2026-11-28'].map((date) =>
      trendingDay(date, `${date} 的摘要。`),
    );
    const { hits, total } = searchDigests(days, 'lumen');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ date: '2026-11-28', alsoIn: 2, item: { section: 'trending' } });
  });
});

describe('searchDigests: a word typed running Latin into Chinese (as a Chinese input method types it)', () => {
  const agents = storedDigest('2026-11-28', {
    items: [
      news(1, 'Nimbus Agent 框架', '一个多智能体编排库。'),
      news(2, 'Corvid Agent 上线', '轻量的工作流框架。'),
      news(3, 'GPT-5 正式发布', '推理更强。'),
      news(4, 'GPT-4o 发布，5 月起免费', ''),
      news(5, 'Bream3 模型开源', ''),
      news(6, 'Bream 2 模型', '3 种尺寸。'),
      news(7, 'Agent 编排器', ''),
    ],
  });

  it('keeps a single letter with its Chinese: a股 finds A股, not every item with an a and a 股', () => {
    const stocks = storedDigest('2026-11-29', {
      items: [
        news(1, 'A股 AI 概念股大涨', ''),
        news(2, 'Anthropic 港股上市传闻', ''),
        news(3, 'OpenAI 股价', ''),
      ],
    });
    expect(found([stocks], 'a股')).toEqual([[1, 'A股']]);
  });

  it('finds the items holding every part, wherever each one is, highlighting the parts where they stand together', () => {
    const agentFramework = [
      [1, 'Agent 框架'],
      [2, 'Agent'],
    ];
    expect(found([agents], 'agent框架')).toEqual(agentFramework);
    expect(found([agents], 'Agent框架')).toEqual(agentFramework);
    expect(found([agents], 'ａｇｅｎｔ框架')).toEqual(agentFramework);
    // In the other order the parts don't stand together: the first part is highlighted.
    expect(found([agents], '框架agent')).toEqual([
      [1, '框架'],
      [2, 'summary: 框架'],
    ]);
    // Every part must be there, as with words typed apart.
    expect(found([agents], 'agent编译器')).toEqual([]);
  });

  it('keeps a hyphen or a dot inside its Latin part', () => {
    // Not "gpt", "5" and "发布" anywhere: GPT-4o … 5 月 is not GPT-5.
    expect(found([agents], 'GPT-5发布')).toEqual([[3, 'GPT-5']]);
    expect(found([agents], 'bream3模型')).toEqual([[5, 'Bream3 模型']]);
  });

  it('finds the other spelling of a name typed as a part (英伟达gpu finds NVIDIA GPU)', () => {
    const chips = storedDigest('2026-11-28', {
      items: [
        news(1, 'NVIDIA GPU 供货紧张', ''),
        news(2, '英伟达GPU 降价', ''),
        news(3, 'AMD GPU 路线图', ''),
      ],
    });
    expect(found([chips], '英伟达gpu')).toEqual([
      [1, 'NVIDIA GPU (alias)'],
      [2, '英伟达GPU'],
    ]);
    expect(found([chips], 'gpu英伟达').map(([rank]) => rank)).toEqual([1, 2]);
  });

  it('ranks and highlights a match standing unbroken where it stands: a title above a summary, together above apart', () => {
    const unbroken = storedDigest('2026-11-20', { items: [news(1, '新的agent框架', '')] });
    const inSummary = storedDigest('2026-11-27', { items: [news(1, 'Agent news', '一个agent框架的教程。')] });
    const spread = storedDigest('2026-11-28', { items: [news(1, 'Agent weekly', '框架对比。')] });
    const { hits } = searchDigests([spread, inSummary, unbroken], 'agent框架');
    expect(hits.map((hit) => [hit.date, marked(hit)])).toEqual([
      ['2026-11-20', 'agent框架'],
      ['2026-11-27', 'summary: agent框架'],
      ['2026-11-28', 'Agent'],
    ]);
  });

  it('searches a query of one script exactly as before: no split inside Chinese, at a hyphen or at a dot', () => {
    const library = storedDigest('2026-11-28', {
      items: [
        news(1, 'DeepSeek V4 发布', ''),
        news(2, '深度学习的求索', ''),
        news(3, 'GPT 5 rumours', ''),
        news(4, 'Release v2 adds 5 models', ''),
        news(5, 'Release v2.5', ''),
      ],
    });
    expect(found([library], '深度求索')).toEqual([[1, 'DeepSeek (alias)']]);
    expect(found([library], 'gpt-5')).toEqual([]);
    expect(found([library], 'v2.5')).toEqual([[5, 'v2.5']]);
  });
});

describe('searchDigests: the whole query standing together', () => {
  it('highlights the whole query where its words stand together: apart by a joining mark, in a link, or unspaced in Chinese', () => {
    const library = storedDigest('2026-12-02', {
      items: [
        news(1, 'Kestrel, an open-source model for code', ''),
        news(2, '又一个开源模型的评测', ''),
        news(3, 'Open weights, open source model', ''),
      ],
    });
    expect(found([library], 'open source model')).toEqual([
      [1, 'open-source model'],
      [3, 'open source model'],
    ]);
    expect(found([library], '开源 模型')).toEqual([[2, '开源模型']]);
    const linked = storedDigest('2026-12-02', {
      items: [news(1, '本地推理', '', ['https://github.com/ggerganov/llama.cpp'])],
    });
    expect(found([linked], 'ggerganov llama')).toEqual([[1, 'link: ggerganov/llama']]);
  });

  it('highlights the whole query in the summary when the title holds its words apart, and ranks by the title', () => {
    const library = [
      storedDigest('2026-12-03', { items: [news(1, 'Agent 周报', '本周的 agent框架 对比。')] }),
      storedDigest('2026-12-01', { items: [news(1, '框架之争：Agent 该怎么写', '一个 Agent 框架的对比。')] }),
    ];
    expect(searchDigests(library, 'agent框架').hits.map((hit) => [hit.date, marked(hit)])).toEqual([
      ['2026-12-01', 'summary: Agent 框架'],
      ['2026-12-03', 'summary: agent框架'],
    ]);
  });
});

describe('searchDigests: the whole query standing together ranks above its words scattered, in the same field', () => {
  const dated = (date: string, ...items: Item[]) => storedDigest(date, { items });
  const ranked = (digests: StoredDigest[], query: string) =>
    searchDigests(digests, query).hits.map((hit) => [hit.date, marked(hit)]);

  it('a split word’s parts together in the title, with or without a space, above newer titles holding them apart', () => {
    const library = [
      dated('2026-12-03', news(1, 'Lattice 框架更新：Agent 工具链也换了', '')),
      dated('2026-12-01', news(1, 'Pebble Agent 框架发布', '')),
      dated('2026-11-20', news(1, 'Moss：轻量agent框架', '')),
      // The better field first, as before: the parts together in a summary come after every title holding them.
      dated('2026-12-04', news(1, 'Agent 周报', '本周的 agent框架 对比。')),
    ];
    expect(ranked(library, 'agent框架')).toEqual([
      ['2026-12-01', 'Agent 框架'],
      ['2026-11-20', 'agent框架'],
      ['2026-12-03', 'Agent'],
      ['2026-12-04', 'summary: agent框架'],
    ]);
  });

  it('words typed apart, in their order and next to each other, above newer items holding them apart or in another order', () => {
    const library = [
      dated('2026-12-05', news(1, 'Model cards as the source of truth for open weights', '')),
      dated('2026-12-04', news(1, 'Source model, open questions', '')),
      dated('2026-12-02', news(1, 'Kestrel, an open-source model for code', '')),
      dated('2026-11-15', news(1, 'Open Source Model Day in Lisbon', '')),
    ];
    expect(ranked(library, 'open source model')).toEqual([
      ['2026-12-02', 'open-source model'],
      ['2026-11-15', 'Open Source Model'],
      ['2026-12-05', 'open'],
      ['2026-12-04', 'open'],
    ]);
  });

  it('Chinese words typed apart, together with no space, above a newer summary holding them apart', () => {
    const library = [
      dated('2026-12-06', news(1, '周报', '模型权重今天开源了。')),
      dated('2026-11-30', news(1, '评测', '又一个开源模型，这次是 7B。')),
    ];
    expect(ranked(library, '开源 模型')).toEqual([
      ['2026-11-30', 'summary: 开源模型'],
      ['2026-12-06', 'summary: 开源'],
    ]);
  });

  it('a name in either spelling', () => {
    const chips = [
      dated('2026-12-02', news(1, '英伟达财报：GPU 之外', '')),
      dated('2026-11-25', news(1, 'NVIDIA GPU 供货紧张', '')),
    ];
    expect(ranked(chips, '英伟达 gpu')).toEqual([
      ['2026-11-25', 'NVIDIA GPU (alias)'],
      ['2026-12-02', '英伟达'],
    ]);
  });

  it('names in a link: owner/repo stands as the query typed apart', () => {
    const links = [
      dated('2026-12-02', news(1, 'Llama 周报', '', ['https://x.com/ggerganov/status/9'])),
      dated('2026-11-25', news(1, '本地推理', '', ['https://github.com/ggerganov/llama.cpp'])),
    ];
    expect(ranked(links, 'ggerganov llama')).toEqual([
      ['2026-11-25', 'link: ggerganov/llama'],
      ['2026-12-02', 'link: ggerganov'],
    ]);
  });

  it('the query starting inside a Latin word is not standing together: a match inside a word, last as before', () => {
    const library = [
      dated('2026-12-02', news(1, '框架之外：llama 的新用法', '')),
      dated('2026-11-25', news(1, 'Ollama 框架教程', '')),
    ];
    expect(ranked(library, 'llama 框架')).toEqual([
      ['2026-12-02', 'llama'],
      ['2026-11-25', 'llama'],
    ]);
  });
});
