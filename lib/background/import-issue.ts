/**
 * Why an entry of an imported file (a digest, a read) failed its schema, in the words of each UI language: where
 * (第 1 条的第 1 个链接 / item 1, link 1) and what is wrong with it. Never zod's English nor its path: QA 13 was told
 * 第 5 份摘要（2026-10-21）未导入：items.0.links.0 无效（not an absolute http(s) URL）.
 */
import type { core } from 'zod';
import { formatCount } from '../digest/limits';
import type { UiLanguage } from '../i18n';
import { DIGEST_DATE_PATTERN, HTTP_URL_PATTERN } from '../schema';

type Issue = core.$ZodIssue;

interface IssueWords {
  /** The entry itself (it is no object at all). */
  entry: string;
  /** A field of the stored shapes by its name in the file (`issueUrl`, `readAt`…). */
  fields: Record<string, string>;
  /** The n-th (from 1) element of a list by the list's name in the file (`items`, `links`, `problems`). */
  elements: Record<string, (position: number) => string>;
  /** The place of a field (`field`, absent for an element) inside the elements around it, outermost first. */
  place: (elements: string[], field: string | undefined) => string;
  sentence: (where: string, what: string) => string;
  missing: string;
  notA: Record<string, string>;
  wrongType: string;
  url: string;
  date: string;
  badFormat: string;
  empty: string;
  tooSmall: (origin: string, minimum: string, inclusive: boolean) => string;
  tooBig: (origin: string, maximum: string) => string;
  oneOf: (values: string[]) => string;
  invalid: string;
}

const ISSUE_WORDS: Record<UiLanguage, IssueWords> = {
  zh: {
    entry: '这一项',
    fields: {
      kind: '类型',
      date: '日期',
      issueUrl: '原文链接',
      items: '条目列表',
      sourceId: '来源',
      sourceUrl: '来源地址',
      fetchedAt: '获取时间',
      contentHash: '内容哈希',
      problems: '问题列表',
      section: '栏目',
      rank: '名次',
      title: '标题',
      summary: '摘要',
      links: '链接列表',
      line: '行号',
      message: '说明',
      key: '键',
      readAt: '阅读时间',
    },
    elements: {
      items: (position) => `第 ${position} 条`,
      links: (position) => `第 ${position} 个链接`,
      problems: (position) => `第 ${position} 个问题`,
    },
    place: (elements, field) => [...elements, ...(field ? [field] : [])].join('的'),
    sentence: (where, what) => `${where}${what}`,
    missing: '缺失',
    notA: {
      string: '不是文本',
      number: '不是数字',
      int: '不是整数',
      boolean: '不是 true 或 false',
      array: '不是列表',
      object: '不是对象',
    },
    wrongType: '类型不对',
    url: '不是以 http:// 或 https:// 开头的完整网址',
    date: '不是 YYYY-MM-DD 格式',
    badFormat: '格式不对',
    empty: '是空的',
    tooSmall: (origin, minimum, inclusive) =>
      origin === 'string'
        ? `少于 ${minimum} 个字符`
        : origin === 'array'
          ? `少于 ${minimum} 项`
          : `须${inclusive ? '不小于' : '大于'} ${minimum}`,
    tooBig: (origin, maximum) =>
      origin === 'string'
        ? `超过 ${maximum} 个字符`
        : origin === 'array'
          ? `超过 ${maximum} 项`
          : `须不大于 ${maximum}`,
    oneOf: (values) => `须是 ${values.join('、')} 之一`,
    invalid: '无效',
  },
  en: {
    entry: 'the entry',
    fields: {
      kind: 'kind',
      date: 'date',
      issueUrl: 'issue link',
      items: 'item list',
      sourceId: 'source',
      sourceUrl: 'source address',
      fetchedAt: 'fetch time',
      contentHash: 'content hash',
      problems: 'problem list',
      section: 'section',
      rank: 'rank',
      title: 'title',
      summary: 'summary',
      links: 'link list',
      line: 'line',
      message: 'message',
      key: 'key',
      readAt: 'time read',
    },
    elements: {
      items: (position) => `item ${position}`,
      links: (position) => `link ${position}`,
      problems: (position) => `problem ${position}`,
    },
    place: (elements, field) => {
      if (!field) return elements.join(', ');
      return elements.length > 0 ? `${elements.join(', ')}'s ${field}` : `the ${field}`;
    },
    sentence: (where, what) => `${where} ${what}`,
    missing: 'is missing',
    notA: {
      string: 'is not text',
      number: 'is not a number',
      int: 'is not a whole number',
      boolean: 'is not true or false',
      array: 'is not a list',
      object: 'is not an object',
    },
    wrongType: 'is not of the right type',
    url: 'is not an absolute http(s) URL',
    date: 'is not in the form YYYY-MM-DD',
    badFormat: 'is not in the right format',
    empty: 'is empty',
    tooSmall: (origin, minimum, inclusive) =>
      origin === 'string'
        ? `is shorter than ${minimum} characters`
        : origin === 'array'
          ? `has fewer than ${minimum} entries`
          : `must be ${inclusive ? 'at least' : 'more than'} ${minimum}`,
    tooBig: (origin, maximum) =>
      origin === 'string'
        ? `is longer than ${maximum} characters`
        : origin === 'array'
          ? `has more than ${maximum} entries`
          : `must be at most ${maximum}`,
    oneOf: (values) => `must be one of ${values.join(', ')}`,
    invalid: 'is not valid',
  },
};

/** What is wrong with `entry` (the value zod checked) as `issue` says, in `language`: "第 1 条的名次须大于 0". */
export function issueText(issue: Issue | undefined, entry: unknown, language: UiLanguage): string {
  const words = ISSUE_WORDS[language];
  if (!issue) return words.sentence(words.entry, words.invalid);
  return words.sentence(placeOf(issue.path, words), problemOf(issue, entry, words));
}

function placeOf(path: readonly PropertyKey[], words: IssueWords): string {
  const elements: string[] = [];
  let field: string | undefined;
  for (const [index, segment] of path.entries()) {
    const next = path[index + 1];
    if (typeof segment === 'number') continue;
    const name = String(segment);
    const element = words.elements[name];
    if (typeof next === 'number') elements.push(element ? element(next + 1) : `${name}[${next}]`);
    else field = words.fields[name] ?? name;
  }
  return elements.length === 0 && !field ? words.entry : words.place(elements, field);
}

function problemOf(issue: Issue, entry: unknown, words: IssueWords): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(entry, issue.path) === undefined) return words.missing;
      return words.notA[issue.expected] ?? words.wrongType;
    case 'invalid_format':
      if (issue.pattern === String(HTTP_URL_PATTERN)) return words.url;
      if (issue.pattern === String(DIGEST_DATE_PATTERN)) return words.date;
      return words.badFormat;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return words.empty;
      return words.tooSmall(issue.origin, formatCount(Number(issue.minimum)), issue.inclusive === true);
    case 'too_big':
      return words.tooBig(issue.origin, formatCount(Number(issue.maximum)));
    case 'invalid_value':
      return words.oneOf(issue.values.map(String));
    default:
      return words.invalid;
  }
}

function valueAt(entry: unknown, path: readonly PropertyKey[]): unknown {
  let value = entry;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
