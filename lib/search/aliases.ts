/**
 * Names written two ways in the digests: a company in Chinese or in English, with its best-known models. A query
 * word equal to a member of a group (ignoring case) also finds the other members, so "英伟达" finds items saying
 * NVIDIA and "nvidia" finds 英伟达. Only whole query words are looked up: "英伟达芯片" is searched as it is (a word
 * running Latin into Chinese is its parts, lib/search/query-parts.ts: "英伟达gpu" looks up 英伟达).
 */

/** Each line is one group; every member finds all the others. Lower case (queries are folded before the look-up). */
export const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['英伟达', '辉达', 'nvidia'],
  ['谷歌', 'google'],
  ['微软', 'microsoft'],
  ['阿里', '阿里巴巴', 'alibaba', '通义', '通义千问', 'qwen'],
  ['深度求索', 'deepseek'],
  ['智谱', 'zhipu', 'glm', 'z.ai'],
  ['月之暗面', 'moonshot', 'kimi'],
  ['字节', '字节跳动', 'bytedance', '豆包', 'doubao'],
  ['腾讯', 'tencent', '混元', 'hunyuan'],
  ['百度', 'baidu', '文心', '文心一言', 'ernie'],
  ['anthropic', 'claude'],
  ['openai', 'chatgpt'],
  ['meta', 'facebook', '脸书'],
  ['苹果', 'apple'],
  ['亚马逊', 'amazon', 'aws'],
  ['小米', 'xiaomi'],
  ['华为', 'huawei', '昇腾'],
  ['英特尔', 'intel'],
  ['高通', 'qualcomm'],
  ['特斯拉', 'tesla'],
  ['超威', 'amd'],
  ['三星', 'samsung'],
  ['稀宇', '稀宇科技', 'minimax', '海螺', 'hailuo'],
  ['阶跃星辰', '阶跃', 'stepfun'],
  ['零一万物', '01.ai'],
  ['昆仑万维', '天工', 'skywork'],
  ['快手', 'kuaishou', '可灵', 'kling'],
  ['商汤', 'sensetime'],
  ['马斯克', 'musk'],
  ['黄仁勋', 'jensen huang'],
];

/**
 * Members that are also ordinary words: a match followed (or preceded) by these characters is the ordinary word,
 * not the name ("可灵活" is "flexibly"; "2 字节" and "字节码" are bytes).
 */
const NOT_THE_NAME: Readonly<Record<string, { before?: RegExp; after?: RegExp }>> = {
  可灵: { after: /^活/ },
  字节: { before: /\d\s?$/, after: /^[码数序流]/ },
  苹果: { after: /^[汁树园]/ },
};

const groupOf = new Map<string, readonly string[]>();
for (const group of ALIAS_GROUPS) for (const member of group) groupOf.set(member, group);

/** The other spellings of a folded query word (empty when it is in no group). */
export function aliasesOf(word: string): string[] {
  const group = groupOf.get(word);
  return group ? group.filter((member) => member !== word) : [];
}

const LATIN_OR_DIGIT = /[a-z0-9]/i;

/**
 * Whether an alias found at [start, start + alias.length) of folded text is the name: a Latin alias must stand as a
 * word of its own ("intel" is not in "intelligence", "meta" not in "metadata"), and a few Chinese ones must not be
 * part of an ordinary word.
 */
export function isAliasAt(text: string, start: number, alias: string): boolean {
  const end = start + alias.length;
  if (LATIN_OR_DIGIT.test(alias)) {
    const before = text[start - 1];
    const after = text[end];
    if ((before && LATIN_OR_DIGIT.test(before)) || (after && LATIN_OR_DIGIT.test(after))) return false;
  }
  const ordinary = NOT_THE_NAME[alias];
  if (!ordinary) return true;
  if (ordinary.before?.test(text.slice(Math.max(0, start - 2), start))) return false;
  return !ordinary.after?.test(text.slice(end, end + 1));
}
