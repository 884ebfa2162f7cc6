// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { interact, textOf } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

function typeUrl(value: string) {
  const field = kit?.container.querySelector<HTMLInputElement>('[name="custom-url"]');
  if (!field) throw new Error('no URL field');
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function submit() {
  kit?.container
    .querySelector('form.add-source')
    ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

const notice = () => textOf(kit?.container.querySelector('[data-notice="custom"]'));

describe('the options page’s custom sources', () => {
  it('asks for the host permission right inside the click, then adds the source', async () => {
    kit = await mountOptions();
    typeUrl(' https://mirror.example.com/digests/{date}.md ');
    submit();
    // Synchronously, before any await: a browser grants permissions only during the user gesture.
    expect(kit.requestPermission).toHaveBeenCalledWith('https://mirror.example.com');
    await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
    const stored = await loadSettings();
    expect(stored.customSources.map((source) => [source.url, source.enabled])).toEqual([
      ['https://mirror.example.com/digests/{date}.md', true],
    ]);
    expect(textOf(kit.container.querySelector('.custom-url'))).toBe(
      'https://mirror.example.com/digests/{date}.md',
    );
    expect(kit.container.querySelector<HTMLInputElement>('[name="custom-url"]')?.value).toBe('');
  });

  it.each([
    ['', '请填写网址。'],
    ['example.com/{date}.md', '这不是一个完整的网址（需以 https:// 开头）。'],
    ['ftp://example.com/{date}.md', '只支持 https 网址（http 传输的内容可能在途中被篡改）。'],
    ['http://example.com/{date}.md', '只支持 https 网址（http 传输的内容可能在途中被篡改）。'],
    ['https://{date}.example.com/a.md', '{date} 只能出现在路径或查询参数中，不能在域名里。'],
  ])('rejects %j in words without asking for a permission', async (value, message) => {
    kit = await mountOptions();
    typeUrl(value);
    await interact(submit);
    expect(notice()).toBe(message);
    expect(kit.requestPermission).not.toHaveBeenCalled();
    expect((await loadSettings()).customSources).toEqual([]);
  });

  it('replaces an earlier complaint with "asking" while the permission prompt is open', async () => {
    let answer: (granted: boolean) => void = () => {};
    kit = await mountOptions();
    kit.requestPermission.mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    typeUrl('not a url');
    await interact(submit);
    expect(notice()).toBe('这不是一个完整的网址（需以 https:// 开头）。');
    typeUrl('https://example.org/latest.md');
    await interact(submit);
    expect(notice()).toContain('正在请求访问 https://example.org 的权限');
    await interact(() => answer(true));
    await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(notice()).toBe('');
  });

  it.each([
    ['daily source', 'https://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md'],
    [
      'daily source, its scheme in capitals',
      'HTTPS://static.zou8944.com/newsletter/{date}/ai_news_summary_{date}.md',
    ],
    ['GitHub 热门 source', 'https://static.zou8944.com/newsletter/{date}/github_trending_{date}.md'],
  ])('refuses the built-in %s typed in as a custom one', async (_name, url) => {
    kit = await mountOptions();
    typeUrl(url);
    await interact(submit);
    expect(notice()).toBe('这个来源已经添加过了。');
    expect(kit.requestPermission).not.toHaveBeenCalled();
  });

  it('shows the status of each source as the background writes it after a sync', async () => {
    await saveSettings({
      customSources: [{ id: 'm1', url: 'https://mirror.example.com/{date}.md', enabled: true, addedAt: 1 }],
    });
    kit = await mountOptions();
    const failed = {
      sourceId: 'custom:m1',
      lastAttemptAt: 1,
      lastSuccessAt: null,
      lastError: 'mirror.example.com：服务器返回 HTTP 500',
      counts: { stored: 0, unchanged: 0, notFound: 0, failed: 1 },
    };
    await interact(() =>
      fakeBrowser.storage.local.set({
        syncStatus: {
          running: false,
          progress: null,
          lastSyncAt: 1,
          sources: [failed],
          digestCount: 0,
          newestDate: null,
        },
      }),
    );
    expect(textOf(kit.container.querySelector('.custom-source .health'))).toContain('服务器返回 HTTP 500');
  });

  it('does not add a source when the permission is refused, and says so', async () => {
    kit = await mountOptions({ granted: false });
    typeUrl('https://example.org/latest.md');
    await interact(submit);
    expect(notice()).toBe('没有获得访问 https://example.org 的权限，来源未添加。');
    expect((await loadSettings()).customSources).toEqual([]);
  });

  it('rejects a duplicate, and removes and toggles a source', async () => {
    kit = await mountOptions();
    typeUrl('https://example.org/latest.md');
    await interact(submit);
    typeUrl('https://example.org/latest.md');
    await interact(submit);
    expect(notice()).toBe('这个来源已经添加过了。');

    const toggle = kit.container.querySelector<HTMLInputElement>('.custom-source input[type="checkbox"]');
    await interact(() => {
      if (!toggle) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect((await loadSettings()).customSources[0]?.enabled).toBe(false);

    expect(toggle?.getAttribute('aria-label')).toBe('启用 https://example.org/latest.md');
    const remove = kit.container.querySelector<HTMLButtonElement>('.custom-source .remove');
    expect(remove?.getAttribute('aria-label')).toBe('删除 https://example.org/latest.md');
    await interact(() => remove?.click());
    expect((await loadSettings()).customSources).toEqual([]);
    expect(kit.container.querySelector('.custom-source')).toBeNull();
  });

  it('offers to allow a source again when its site permission was withdrawn', async () => {
    await saveSettings({
      customSources: [{ id: 'm1', url: 'https://mirror.example.com/{date}.md', enabled: true, addedAt: 1 }],
    });
    kit = await mountOptions({ allowedOrigins: [] });
    await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
    const grant = kit.container.querySelector<HTMLButtonElement>('.custom-source .grant');
    expect(grant?.getAttribute('aria-label')).toBe('授权访问 https://mirror.example.com/{date}.md');
    expect(textOf(kit.container.querySelector('.custom-source'))).toContain('没有读取这个网站的权限');

    grant?.click();
    // Synchronously, inside the click, like adding a source.
    expect(kit.requestPermission).toHaveBeenCalledWith('https://mirror.example.com');
    await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(kit.container.querySelector('.custom-source .grant')).toBeNull();
  });

  it('says in English that only https is supported', async () => {
    kit = await mountOptions({ lang: 'en' });
    typeUrl('http://example.com/{date}.md');
    await interact(submit);
    expect(notice()).toBe('Only https URLs are supported (what comes over http can be altered on the way).');
    expect(kit.requestPermission).not.toHaveBeenCalled();
  });

  describe('removing a source', () => {
    function fakePermissions() {
      vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
        manifest_version: 3,
        name: 'Digest Lens',
        version: '1',
        host_permissions: ['https://static.zou8944.com/*', 'https://raw.githubusercontent.com/*'],
      });
      return vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(undefined);
    }
    const removeButton = (url: string) =>
      kit?.container.querySelector<HTMLButtonElement>(`.custom-source .remove[aria-label="删除 ${url}"]`);

    it("gives its site's permission back once no remaining source needs it", async () => {
      const remove = fakePermissions();
      await saveSettings({
        customSources: [
          { id: 'a', url: 'https://mirror.example.com/{date}.md', enabled: true, addedAt: 1 },
          { id: 'b', url: 'https://mirror.example.com/latest.md', enabled: true, addedAt: 2 },
          { id: 'c', url: 'https://static.zou8944.com/mirror/{date}.md', enabled: true, addedAt: 3 },
        ],
      });
      kit = await mountOptions();
      await interact(() => removeButton('https://mirror.example.com/{date}.md')?.click());
      await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
      // The other source of that site still reads it.
      expect(remove).not.toHaveBeenCalled();
      await interact(() => removeButton('https://mirror.example.com/latest.md')?.click());
      await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
      expect(remove).toHaveBeenCalledExactlyOnceWith({ origins: ['https://mirror.example.com/*'] });
      // The built-in source's host stays: the extension needs it (and the browser would refuse).
      await interact(() => removeButton('https://static.zou8944.com/mirror/{date}.md')?.click());
      await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
      expect(remove).toHaveBeenCalledTimes(1);
      expect((await loadSettings()).customSources).toEqual([]);
    });

    it('removes the source even when the browser will not take the permission back', async () => {
      fakePermissions().mockRejectedValue(new Error('You cannot remove required permissions.'));
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await saveSettings({
        customSources: [{ id: 'a', url: 'https://mirror.example.com/{date}.md', enabled: true, addedAt: 1 }],
      });
      kit = await mountOptions();
      await interact(() => removeButton('https://mirror.example.com/{date}.md')?.click());
      await interact(() => new Promise((resolve) => setTimeout(resolve, 5)));
      expect((await loadSettings()).customSources).toEqual([]);
      expect(kit.container.querySelector('.custom-source')).toBeNull();
      expect(warn).toHaveBeenCalled();
    });
  });
});
