/** The sidebar's UI strings, Chinese and English; `uiLanguage()` (lib/i18n) picks the table. */
import type { UiLanguage } from '../i18n';
import type { Section } from '../schema';
import type { RelatedKind } from './match-view';

/** What a card's items come from: the AI digest only, GitHub 热门 only, or both. */
export type HeadingKind = 'ainews' | 'trending' | 'both';

export interface SidebarStrings {
  /** Their language, set on the panel: under the page's `lang` a screen reader would use the page's voice. */
  lang: string;
  /** The card's name and heading, right for what it shows (issue 16): AI 日报, GitHub 热门 or both. */
  panelLabel: Record<HeadingKind, string>;
  heading: Record<HeadingKind, string>;
  itemCount: (count: number) => string;
  collapse: string;
  /** The collapsed tab's name: it starts with the count the tab shows (its visible text is part of its name). */
  expand: (count: number) => string;
  close: string;
  section: Record<Section, string>;
  rankLabel: (section: Section, rank: number) => string;
  sources: string;
  originalIssue: string;
  alsoIn: (count: number) => string;
  /** The button under a bounded list: its text, and its label saying how many the next press shows. */
  more: (remaining: number) => string;
  moreLabel: (remaining: number, next: number) => string;
  /** Under the longest list the card asks for, instead of the button. */
  notShown: (remaining: number) => string;
  /** The card's text can't be selected (the page could read a selection): this button copies it instead. */
  copy: string;
  copyLabel: (title: string) => string;
  copied: string;
  copyFailed: string;
  /** The mark of an item whose own link is the page being viewed. */
  thisPage: string;
  /** A control's name with the keyboard shortcut that does the same: "收起摘要卡片（Alt+Shift+D）". */
  withShortcut: (label: string, shortcut: string) => string;
  /** The fold over the page's other items: what they share with it and how many there are. */
  related: (kind: RelatedKind, count: number) => string;
  /** The docked card's button that shows it over the page instead (remembered), and the way back. */
  floatOver: string;
  dock: string;
  /** The compact bar's button that opens every card over the page: its text and its name. */
  open: (count: number) => string;
  openLabel: (count: number) => string;
}

const ZH_RELATED: Record<RelatedKind, string> = {
  repo: '同一仓库',
  model: '同一模型',
  dataset: '同一数据集',
  space: '同一 Space',
  account: '同一账号',
  page: '相关',
};

const EN_RELATED: Record<RelatedKind, string> = {
  repo: 'about this repository',
  model: 'about this model',
  dataset: 'about this dataset',
  space: 'about this Space',
  account: 'about this account',
  page: 'related',
};

const zh: SidebarStrings = {
  lang: 'zh-CN',
  panelLabel: {
    ainews: 'Digest Lens：AI 日报摘要',
    trending: 'Digest Lens：GitHub 热门',
    both: 'Digest Lens：AI 日报与 GitHub 热门',
  },
  heading: { ainews: 'AI 日报摘要', trending: 'GitHub 热门', both: '摘要' },
  itemCount: (count) => `${count} 条`,
  collapse: '收起摘要卡片',
  expand: (count) => `${count} 条摘要：展开 Digest Lens 摘要卡片`,
  close: '在本页关闭摘要卡片',
  section: { news: '新闻', tools: '工具', trending: 'GitHub 热门' },
  rankLabel: (section, rank) => `${zh.section[section]} #${rank}`,
  sources: '来源',
  originalIssue: '原文链接',
  alsoIn: (count) => `另见于其他 ${count} 期日报`,
  more: (remaining) => `更多 ${remaining} 条`,
  moreLabel: (remaining, next) => `更多 ${remaining} 条：再显示 ${next} 条摘要`,
  notShown: (remaining) => `另有 ${remaining} 条未显示`,
  copy: '复制摘要',
  copyLabel: (title) => `复制摘要：${title}`,
  copied: '已复制',
  copyFailed: '无法复制',
  withShortcut: (label, shortcut) => `${label}（${shortcut}）`,
  thisPage: '本页',
  related: (kind, count) => `${ZH_RELATED[kind]}的其他 ${count} 条`,
  floatOver: '浮在页面上显示（会遮挡页面）',
  dock: '停靠在页面旁（不遮挡页面）',
  open: (count) => (count === 1 ? '展开' : `展开全部 ${count} 条`),
  openLabel: (count) => `${count === 1 ? '展开摘要' : `展开全部 ${count} 条摘要`}，浮在页面上显示`,
};

const en: SidebarStrings = {
  lang: 'en',
  panelLabel: {
    ainews: 'Digest Lens: AI digest summaries',
    trending: 'Digest Lens: GitHub trending',
    both: 'Digest Lens: AI digest and GitHub trending',
  },
  heading: { ainews: 'AI digest', trending: 'GitHub trending', both: 'Summaries' },
  itemCount: (count) => (count === 1 ? '1 item' : `${count} items`),
  collapse: 'Collapse the summary card',
  expand: (count) =>
    `${count === 1 ? '1 summary' : `${count} summaries`}: expand the Digest Lens summary card`,
  close: 'Close the summary card on this page',
  section: { news: 'News', tools: 'Tools', trending: 'GitHub trending' },
  rankLabel: (section, rank) => `${en.section[section]} #${rank}`,
  sources: 'Sources',
  originalIssue: 'Original issue',
  alsoIn: (count) => (count === 1 ? 'Also in 1 other digest' : `Also in ${count} other digests`),
  more: (remaining) => `${remaining} more`,
  moreLabel: (remaining, next) =>
    `${remaining} more: show the next ${next === 1 ? '1 summary' : `${next} summaries`}`,
  notShown: (remaining) => `${remaining} more not shown`,
  copy: 'Copy summary',
  copyLabel: (title) => `Copy summary: ${title}`,
  copied: 'Copied',
  copyFailed: 'Could not copy',
  withShortcut: (label, shortcut) => `${label} (${shortcut})`,
  thisPage: 'This page',
  related: (kind, count) => `${count} more ${EN_RELATED[kind]}`,
  floatOver: 'Show over the page (covers part of it)',
  dock: 'Dock beside the page (covers nothing)',
  open: (count) => (count === 1 ? 'Open' : `Open all ${count}`),
  openLabel: (count) => `${count === 1 ? 'Open the summary' : `Open all ${count} summaries`} over the page`,
};

export const SIDEBAR_STRINGS: Record<UiLanguage, SidebarStrings> = { zh, en };

export function sidebarStrings(language: UiLanguage): SidebarStrings {
  return SIDEBAR_STRINGS[language];
}
