import type { UiLanguage } from '../../lib/i18n';

const zh = {
  appName: 'Digest Lens',
  searchPlaceholder: '搜索全部摘要（按 / 聚焦）',
  searchLabel: '搜索',
  news: '新闻',
  tools: '工具',
  sourceLink: '原文链接',
  older: '前一期',
  newer: '后一期',
  pickDate: '选择日期',
  monthChoice: (month: string, count: number) => `${month}（${count} 期）`,
  expand: '展开',
  collapse: '收起',
  lastSync: (ago: string) => `上次同步：${ago}`,
  neverSynced: '尚未同步',
  neverSucceeded: '尚未成功同步',
  syncing: '正在同步…',
  syncProgress: (done: number, total: number) => `正在同步 ${done}/${total}`,
  syncNow: '立即同步',
  syncFailed: '同步失败',
  syncPartlyFailed: '部分来源同步失败',
  sourceFailed: (source: string, error: string) => `${source}：${error}`,
  statusFailed: (error: string) => `无法读取同步状态：${error}`,
  noSources: '没有启用任何来源，不会同步新的摘要。',
  enableSources: '打开设置，启用来源',
  openOptions: '打开设置',
  emptyTitle: '还没有保存任何摘要',
  emptyFirstRun: '摘要会在后台按时自动同步，也可以现在就同步。',
  emptyWaiting: '正在获取最近的摘要，请稍候。',
  emptyFailed: '没能获取摘要，可能是离线或来源暂时不可用。',
  emptyLoadFailed: '已保存的摘要可能仍在，只是这次没能读出来。',
  retry: '重试',
  noItems: '这一期没有此类条目。',
  moreItems: (rest: number) => `显示更多（还有 ${rest} 条）`,
  loadFailed: (error: string) => `读取已保存的摘要失败：${error}`,
  searchFailed: (error: string) => `搜索失败：${error}`,
  noResults: (query: string) => `没有找到“${query}”`,
  moreResults: '显示更多',
  resultCount: (shown: number, total: number) =>
    shown < total ? `共 ${total} 条，显示前 ${shown} 条` : `共 ${total} 条`,
  rank: (rank: number) => `第 ${rank} 条`,
  options: '设置',
  sourceNames: {
    dated: '每日文件',
    homepage: '主页',
    archive: '历史存档',
    import: '导入',
    custom: '自定义来源',
  } as Record<string, string>,
};

export type PopupStrings = typeof zh;

const en: PopupStrings = {
  appName: 'Digest Lens',
  searchPlaceholder: 'Search all digests (press /)',
  searchLabel: 'Search',
  news: 'News',
  tools: 'Tools',
  sourceLink: 'Original issue',
  older: 'Older',
  newer: 'Newer',
  pickDate: 'Pick a date',
  monthChoice: (month, count) => `${month} (${count} ${count === 1 ? 'digest' : 'digests'})`,
  expand: 'More',
  collapse: 'Less',
  lastSync: (ago) => `Last sync: ${ago}`,
  neverSynced: 'Not synced yet',
  neverSucceeded: 'No sync has succeeded yet',
  syncing: 'Syncing…',
  syncProgress: (done, total) => `Syncing ${done}/${total}`,
  syncNow: 'Sync now',
  syncFailed: 'Sync failed',
  syncPartlyFailed: 'Some sources failed',
  sourceFailed: (source, error) => `${source}: ${error}`,
  statusFailed: (error) => `Could not read the sync status: ${error}`,
  noSources: 'No source is switched on: no new digests will be fetched.',
  enableSources: 'Open the options to switch a source on',
  openOptions: 'Open options',
  emptyTitle: 'No digests stored yet',
  emptyFirstRun: 'Digests are fetched in the background on a schedule; you can also sync now.',
  emptyWaiting: 'Fetching the latest digests, one moment.',
  emptyFailed: 'Could not fetch any digest: you may be offline or the sources may be down.',
  emptyLoadFailed: 'Your stored digests may still be there; they just could not be read this time.',
  retry: 'Retry',
  noItems: 'This digest has no items here.',
  moreItems: (rest) => `Show more (${rest} left)`,
  loadFailed: (error) => `Could not read the stored digests: ${error}`,
  searchFailed: (error) => `Search failed: ${error}`,
  noResults: (query) => `Nothing found for “${query}”`,
  moreResults: 'Show more',
  resultCount: (shown, total) =>
    shown < total ? `${total} found, showing the first ${shown}` : `${total} found`,
  rank: (rank) => `#${rank}`,
  options: 'Options',
  sourceNames: {
    dated: 'Daily files',
    homepage: 'Homepage',
    archive: 'Archive',
    import: 'Import',
    custom: 'Custom source',
  },
};

export function popupStrings(lang: UiLanguage): PopupStrings {
  return lang === 'zh' ? zh : en;
}

export function sourceName(strings: PopupStrings, sourceId: string): string {
  const kind = sourceId.startsWith('custom:') ? 'custom' : sourceId;
  return strings.sourceNames[kind] ?? sourceId;
}
