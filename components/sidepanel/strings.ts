/** The side panel's words (issue 13), in both languages, where the popup, the panel and the options page say them. */
import type { UiLanguage } from '../../lib/i18n';

const zh = {
  openPanel: '在侧边栏打开',
  panelButton: '侧边栏',
  panelTitle: 'Digest Lens 侧边栏',
  noCurrentTab: '没有可打开链接的标签页：在新标签页中打开。',
  panelSection: '侧边栏',
  modePanel: '只在侧边栏中显示（页面上不显示卡片，工具栏徽标照常计数）',
  modePanelShortcut: (key: string) =>
    `只在侧边栏中显示（页面上不显示卡片，工具栏徽标照常计数；${key} 打开侧边栏）`,
  toolbarOpensPanel: '点击工具栏图标时打开侧边栏，而不是弹出窗口',
  toolbarOpensPanelFirefox: 'Firefox：点击工具栏图标会打开或关闭侧边栏（也可在“查看 → 侧栏”中打开）。',
  openPanelNow: '打开侧边栏',
  panelFollows: '侧边栏停靠在页面旁，切换标签页时跟随当前页面：本页相关的条目排在最前。',
};

const en: typeof zh = {
  openPanel: 'Open in side panel',
  panelButton: 'Side panel',
  panelTitle: 'Digest Lens side panel',
  noCurrentTab: 'No tab to open the link in: opening a new tab.',
  panelSection: 'Side panel',
  modePanel: 'In the side panel only (no card on the page; the toolbar badge still counts)',
  modePanelShortcut: (key: string) =>
    `In the side panel only (no card on the page; the toolbar badge still counts; ${key} opens the panel)`,
  toolbarOpensPanel: 'The toolbar button opens the side panel instead of the popup',
  toolbarOpensPanelFirefox:
    'Firefox: the toolbar button then opens and closes the sidebar (also under View → Sidebar).',
  openPanelNow: 'Open the side panel',
  panelFollows:
    'The side panel sits beside the page and follows the tab you are on: the items about that page come first.',
};

export type SidePanelStrings = typeof zh;

export function sidePanelStrings(lang: UiLanguage): SidePanelStrings {
  return lang === 'zh' ? zh : en;
}
