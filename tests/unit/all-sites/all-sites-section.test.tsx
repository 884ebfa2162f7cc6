// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllSitesSection } from '../../../components/all-sites/AllSitesSection';
import { type AllSitesDeps, createAllSitesStore } from '../../../components/all-sites/all-sites-store';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { interact, type Mounted, mount, textOf } from '../ui/render';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.cleanup();
  mounted = undefined;
});

/**
 * The section with a browser whose all-sites access is `granted` and whose prompt answers `grant`; `held` are the
 * origins granted by name, and giving back all sites also takes those in `takes` (as Chrome's remove does).
 */
async function mountSection(
  options: {
    granted?: boolean;
    grant?: boolean;
    releasesOnlyAllSites?: boolean;
    held?: string[];
    takes?: string[];
  } = {},
) {
  let granted = options.granted ?? false;
  const held = new Set(options.held ?? []);
  const accessListeners: (() => void)[] = [];
  const deps: AllSitesDeps = {
    lang: 'zh',
    requestAccess: vi.fn(async () => {
      granted = options.grant ?? true;
      return granted;
    }),
    releaseAccess: vi.fn(async () => {
      granted = false;
      for (const origin of options.takes ?? []) held.delete(origin);
      return true;
    }),
    releasesOnlyAllSites: options.releasesOnlyAllSites ?? true,
    hasOrigin: async (origin) => granted || held.has(origin),
    hasAccess: async () => granted,
    watchAccess: (listener) => {
      accessListeners.push(listener);
      return () => undefined;
    },
  };
  const store = createAllSitesStore(deps);
  await store.start();
  mounted = await mount(<AllSitesSection store={store} />);
  const container = mounted.container;
  const removeAccess = () =>
    interact(async () => {
      granted = false;
      for (const listener of accessListeners) listener();
    });
  return { deps, store, container, removeAccess };
}

function checkbox(container: HTMLElement): HTMLInputElement {
  return container.querySelector('[name="all-sites"]') as HTMLInputElement;
}

function click(element: HTMLElement, checked?: boolean) {
  return interact(async () => {
    if (checked !== undefined) (element as HTMLInputElement).checked = checked;
    element.dispatchEvent(new Event(checked === undefined ? 'click' : 'change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const notice = (container: HTMLElement, name: string) =>
  textOf(container.querySelector(`[data-notice="${name}"]`));

describe('the all-sites option', () => {
  it('is off by default, named in words, and says what it asks for', async () => {
    const { container } = await mountSection();
    expect(checkbox(container).checked).toBe(false);
    expect(textOf(container)).toContain('在所有网站上显示');
    expect(textOf(container)).toContain('不会发送到任何地方');
  });

  it('asks for the access inside the click, then turns on', async () => {
    const { container, deps } = await mountSection();
    await interact(async () => {
      checkbox(container).checked = true;
      checkbox(container).dispatchEvent(new Event('change', { bubbles: true }));
      // Before any await: a browser grants permissions only during the user's gesture.
      expect(deps.requestAccess).toHaveBeenCalledTimes(1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect((await loadSettings()).allSites.enabled).toBe(true);
    expect(checkbox(container).checked).toBe(true);
    expect(notice(container, 'all-sites')).toBe('已开启：在所有 https 网站上运行。');
  });

  it('stays off when the access is refused, and says so', async () => {
    const { container } = await mountSection({ grant: false });
    await click(checkbox(container), true);
    expect((await loadSettings()).allSites.enabled).toBe(false);
    expect(checkbox(container).checked).toBe(false);
    expect(notice(container, 'all-sites')).toBe('没有获得访问所有网站的权限，保持关闭。');
  });

  it('says so when the access is removed in the browser', async () => {
    await saveSettings({ allSites: { enabled: true, excluded: [] } });
    const { container, removeAccess } = await mountSection({ granted: true });
    expect(checkbox(container).checked).toBe(true);
    await removeAccess();
    expect(checkbox(container).checked).toBe(false);
    expect(notice(container, 'all-sites-access')).toContain('已停止在其他网站上运行');
  });

  it('turns off and gives the access back', async () => {
    await saveSettings({ allSites: { enabled: true, excluded: [] } });
    const { container, deps } = await mountSection({ granted: true });
    await click(checkbox(container), false);
    expect((await loadSettings()).allSites.enabled).toBe(false);
    expect(deps.releaseAccess).toHaveBeenCalledTimes(1);
    expect(notice(container, 'all-sites')).toContain('不再在其他网站上运行');
  });

  it('keeps the access, unused, where giving it back would take the feeds’ and custom sources’ sites too', async () => {
    await saveSettings({ allSites: { enabled: true, excluded: [] } });
    const { container, deps } = await mountSection({ granted: true, releasesOnlyAllSites: false });
    await click(checkbox(container), false);
    expect((await loadSettings()).allSites.enabled).toBe(false);
    expect(deps.releaseAccess).not.toHaveBeenCalled();
    expect(checkbox(container).checked).toBe(false);
    expect(notice(container, 'all-sites')).toBe(
      '已关闭：不再在其他网站上运行。访问所有网站的权限仍保留但不再使用：在这个浏览器里交还它会同时收回订阅源和自定义来源所在网站的权限。',
    );
  });

  it('names, in words, a custom source whose site’s access went with all sites', async () => {
    const source = (id: string, url: string) => ({ id, url, enabled: true, addedAt: 1 });
    await saveSettings({
      allSites: { enabled: true, excluded: [] },
      customSources: [
        source('a', 'https://feeds.example.org/{date}.md'),
        source('b', 'https://news.example.net/today.md'),
        source('c', 'https://through-all.example.com/{date}.md'),
      ],
    });
    const { container } = await mountSection({
      granted: true,
      held: ['https://feeds.example.org', 'https://news.example.net'],
      takes: ['https://feeds.example.org'],
    });
    await click(checkbox(container), false);
    // news.example.net kept its access; through-all.example.com read through the all-sites access alone: lost too.
    expect(notice(container, 'all-sites')).toBe(
      '已关闭，但浏览器同时收回了自定义来源所在网站的权限：feeds.example.org、through-all.example.com。请在“自定义来源”中重新允许访问。',
    );
  });

  it('saves the excluded sites as host names, and refuses a line that is no site in words', async () => {
    const { container, store } = await mountSection();
    store.excludedText.value = 'https://www.Example.com/page\ndocs.example.org';
    await click(container.querySelector('button') as HTMLElement);
    expect((await loadSettings()).allSites.excluded).toEqual(['example.com', 'docs.example.org']);
    expect(notice(container, 'all-sites-excluded')).toBe('已保存：排除 2 个网站。');

    store.excludedText.value = 'example.com\nnot a site';
    await click(container.querySelector('button') as HTMLElement);
    expect(notice(container, 'all-sites-excluded')).toContain('“not a site”不是一个网站的地址');
    expect((await loadSettings()).allSites.excluded).toEqual(['example.com', 'docs.example.org']);
  });
});
