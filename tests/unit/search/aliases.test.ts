import { describe, expect, it } from 'vitest';
import { ALIAS_GROUPS, aliasesOf, isAliasAt } from '../../../lib/search/aliases';

describe('the zh ↔ en alias table', () => {
  it.each([
    ['英伟达', 'nvidia'],
    ['谷歌', 'google'],
    ['微软', 'microsoft'],
    ['阿里', 'alibaba'],
    ['阿里巴巴', 'qwen'],
    ['通义', 'qwen'],
    ['深度求索', 'deepseek'],
    ['智谱', 'glm'],
    ['zhipu', '智谱'],
    ['月之暗面', 'kimi'],
    ['moonshot', '月之暗面'],
    ['字节', 'bytedance'],
    ['豆包', 'doubao'],
    ['腾讯', 'tencent'],
    ['混元', 'hunyuan'],
    ['百度', 'baidu'],
    ['文心', 'ernie'],
    ['苹果', 'apple'],
    ['亚马逊', 'amazon'],
    ['小米', 'xiaomi'],
    ['华为', 'huawei'],
    ['英特尔', 'intel'],
    ['高通', 'qualcomm'],
    ['特斯拉', 'tesla'],
    ['稀宇', 'minimax'],
    ['阶跃星辰', 'stepfun'],
    ['零一万物', '01.ai'],
    ['昆仑万维', 'skywork'],
    ['快手', 'kling'],
    ['可灵', 'kuaishou'],
    ['商汤', 'sensetime'],
  ])('%s finds %s and back', (chinese, english) => {
    expect(aliasesOf(chinese)).toContain(english);
    expect(aliasesOf(english)).toContain(chinese);
  });

  it('gives nothing for a word in no group, and never the word itself', () => {
    expect(aliasesOf('llama.cpp')).toEqual([]);
    expect(aliasesOf('nvidia')).not.toContain('nvidia');
    expect(aliasesOf('英伟达芯片')).toEqual([]);
  });

  it('is written in lower case, each name in one group only', () => {
    const members = ALIAS_GROUPS.flat();
    expect(members.filter((member) => member !== member.toLowerCase())).toEqual([]);
    expect(new Set(members).size).toBe(members.length);
  });

  it.each([
    ['the intel chip', 'intel', true],
    ['artificial intelligence', 'intel', false],
    ['metadata', 'meta', false],
    ['meta’s llama', 'meta', true],
    ['glm-4.5 发布', 'glm', true],
    ['chatglm', 'glm', false],
    ['快手可灵发布', '可灵', true],
    ['可灵活地调度', '可灵', false],
    ['字节跳动发布', '字节', true],
    ['每个参数 2 字节', '字节', false],
    ['字节码', '字节', false],
  ])('in “%s”, %s is the name: %s', (text, alias, isName) => {
    expect(isAliasAt(text, text.indexOf(alias), alias)).toBe(isName);
  });
});
