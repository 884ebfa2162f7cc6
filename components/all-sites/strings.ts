import type { UiLanguage } from '../../lib/i18n';

const zh = {
  heading: '所有网站',
  toggle: '在所有网站上显示',
  hint: '打开后会请求访问所有 https 网站的权限。获准后，当你打开的网页正是某条摘要链接的页面（arXiv 论文、博客、Reddit、新闻网站……）时显示卡片，列表里指向摘要条目的链接旁显示标记。网址只在浏览器里比对，不会发送到任何地方；没有匹配的网页保持原样。',
  asking: '正在请求访问所有网站的权限，请在浏览器的提示中选择…',
  denied: '没有获得访问所有网站的权限，保持关闭。',
  failed: (error: string) => `操作失败：${error}`,
  on: (excluded: number) =>
    excluded > 0
      ? `已开启：在所有 https 网站上运行（已排除 ${excluded} 个网站）。`
      : '已开启：在所有 https 网站上运行。',
  off: '已关闭：不再在其他网站上运行，并已交还访问所有网站的权限。',
  offKept:
    '已关闭：不再在其他网站上运行。访问所有网站的权限仍保留但不再使用：在这个浏览器里交还它会同时收回订阅源和自定义来源所在网站的权限。',
  offLost: (hosts: readonly string[]) =>
    `已关闭，但浏览器同时收回了自定义来源所在网站的权限：${hosts.join('、')}。请在“自定义来源”中重新允许访问。`,
  noAccess:
    '浏览器中访问所有网站的权限已被移除：Digest Lens 已停止在其他网站上运行。勾选上面的选项可以重新请求。',
  excluded: '不在这些网站上运行',
  excludedHint: '每行一个网站（如 example.com），也包括它的子域名。',
  saveExcluded: '保存排除列表',
  excludedSaved: (count: number) =>
    count > 0 ? `已保存：排除 ${count} 个网站。` : '已保存：没有排除的网站。',
  badLine: (line: string) => `“${line}”不是一个网站的地址（例如 example.com），排除列表没有保存。`,
  servedLine: (line: string) =>
    `“${line}”是 X、GitHub 或 Hugging Face：它们在上面的“网站”里单独开关，不在这个列表里；排除列表没有保存。`,
  tooMany: (count: number, max: number) => `一共 ${count} 个网站，最多只能排除 ${max} 个，排除列表没有保存。`,
};

export type AllSitesStrings = typeof zh;

const en: AllSitesStrings = {
  heading: 'All sites',
  toggle: 'Show on all sites',
  hint: 'Turning this on asks for access to all https sites. Once granted, the card shows when the page you open is the page a digest item links to (arXiv papers, blogs, Reddit, news sites, …), and links to digest items are marked in lists. Addresses are matched inside your browser and never sent anywhere; pages without a match are left as they are.',
  asking: 'Asking for access to all sites: choose in the browser’s prompt…',
  denied: 'Access to all sites was not granted: it stays off.',
  failed: (error: string) => `That failed: ${error}`,
  on: (excluded: number) =>
    excluded > 0 ? `On: runs on all https sites (${excluded} excluded).` : 'On: runs on all https sites.',
  off: 'Off: no longer runs on other sites, and the access to all sites was given back.',
  offKept:
    'Off: no longer runs on other sites. The access to all sites stays granted but unused: in this browser, giving it back would also take away the sites of the feeds and of your custom sources.',
  offLost: (hosts: readonly string[]) =>
    `Off, but the browser also took away the access of your custom sources’ sites: ${hosts.join(', ')}. Allow them again under Custom sources.`,
  noAccess:
    'The access to all sites was removed in the browser: Digest Lens stopped running on other sites. Tick the option above to ask again.',
  excluded: 'Never on these sites',
  excludedHint: 'One site a line (like example.com), its subdomains included.',
  saveExcluded: 'Save the excluded sites',
  excludedSaved: (count: number) =>
    count > 0 ? `Saved: ${count} ${count === 1 ? 'site' : 'sites'} excluded.` : 'Saved: no site excluded.',
  badLine: (line: string) => `“${line}” is not a site’s address (like example.com): the list was not saved.`,
  servedLine: (line: string) =>
    `“${line}” is X, GitHub or Hugging Face, switched on and off under Sites above, not in this list: the list was not saved.`,
  tooMany: (count: number, max: number) =>
    `${count} sites, but at most ${max} can be excluded: the list was not saved.`,
};

export function allSitesStrings(lang: UiLanguage): AllSitesStrings {
  return lang === 'zh' ? zh : en;
}
