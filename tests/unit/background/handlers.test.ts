import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportFileSchema } from '../../../lib/schema';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings';
import { archiveUrl, datedUrl } from '../../fixtures/digest-builder';
import { storedDigest, testItem } from '../storage/stored-digest';
import { digestText } from '../sync/sync-setup';
import { backgroundSetup, fromOurContentScript, fromOurPopup, OUR_TAB } from './background-setup';

const repoItem = (rank: number, title: string) =>
  testItem('tools', rank, ['https://github.com/acme/widget', `https://x.com/acme/status/${rank}00`], title);

describe('lookup', () => {
  it('answers each matching item once per digest, newest first, with how often it recurs', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-26', { items: [repoItem(1, 'Widget 发布')] }));
    await store.write(storedDigest('2026-11-27', { items: [repoItem(3, 'Widget 发布')] }));
    await store.write(
      storedDigest('2026-11-28', {
        items: [
          testItem(
            'news',
            2,
            ['https://x.com/someone/status/1', 'https://github.com/acme/widget'],
            '别的新闻',
          ),
          repoItem(1, 'Widget 再次发布'),
        ],
      }),
    );

    const reply = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget', 'x:status:100'], site: 'github' } },
      fromOurContentScript(),
    );

    expect(reply.ok).toBe(true);
    const { matches, mode, total } = (
      reply as {
        value: {
          matches: { date: string; item: { title: string }; alsoIn: number }[];
          mode: string;
          total: number;
        };
      }
    ).value;
    expect(mode).toBe('auto');
    // One card per story: Widget's older summaries are counted in `alsoIn`, not sent.
    expect(matches.map((match) => [match.date, match.item.title, match.alsoIn])).toEqual([
      ['2026-11-28', '别的新闻', 0],
      ['2026-11-28', 'Widget 再次发布', 2],
    ]);
    expect(total).toBe(2);
    // The badge counts what the sidebar shows: one card per story (Widget's three summaries are one).
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('2');
  });

  it('keeps two pull requests of one repo two stories: neither hides the other nor counts it as a recurrence', async () => {
    const { background, store } = await backgroundSetup();
    const pull = (number: number, title: string) =>
      testItem('tools', 1, [`https://github.com/acme/widget/pull/${number}`], title);
    await store.write(storedDigest('2026-11-27', { items: [pull(1, '合并 PR 1')] }));
    await store.write(storedDigest('2026-11-28', { items: [pull(2, '合并 PR 2')] }));
    const reply = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
      fromOurContentScript(),
    );
    const { matches } = (reply as { value: { matches: { item: { title: string }; alsoIn: number }[] } })
      .value;
    expect(matches.map((match) => [match.item.title, match.alsoIn])).toEqual([
      ['合并 PR 2', 0],
      ['合并 PR 1', 0],
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('2');
  });

  it('clears the badge on a page without matches', async () => {
    const { background } = await backgroundSetup();
    await fakeBrowser.action.setBadgeText({ tabId: OUR_TAB, text: '3' });
    const reply = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:nobody/nothing'], site: 'github' } },
      fromOurContentScript(),
    );
    expect(reply).toEqual({ ok: true, value: { matches: [], mode: 'auto', total: 0, collapsed: false } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('');
  });

  it('answers at most `limit` cards, 20 unless asked, newest first, and counts them all on the badge', async () => {
    const { background, store } = await backgroundSetup();
    const pull = (number: number) =>
      testItem('tools', number, [`https://github.com/acme/widget/pull/${number}`], `PR ${number}`);
    await store.write(storedDigest('2026-11-27', { items: [1, 2, 3, 4, 5, 6].map(pull) }));
    await store.write(
      storedDigest('2026-11-28', { items: Array.from({ length: 24 }, (_, i) => pull(i + 7)) }),
    );
    const ask = (limit?: number) =>
      background.route(
        { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github', limit } },
        fromOurContentScript(),
      ) as Promise<{ value: { matches: { date: string; item: { title: string } }[]; total: number } }>;

    const { value } = await ask();
    expect(value.total).toBe(30);
    expect(value.matches.map((match) => match.item.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `PR ${i + 7}`),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('30');
    const more = (await ask(28)).value;
    expect(more.matches).toHaveLength(28);
    expect(more.matches.at(-1)).toMatchObject({ date: '2026-11-27', item: { title: 'PR 4' } });
    expect((await ask(500)).value.matches).toHaveLength(30);
  });

  it("answers the page's own cards first, however many others, and counts only them on the badge", async () => {
    const { background, store } = await backgroundSetup();
    const pull = (number: number) =>
      testItem('tools', number, [`https://github.com/acme/widget/pull/${number}`], `PR ${number}`);
    await store.write(storedDigest('2026-11-01', { items: [pull(7)] }));
    await store.write(
      storedDigest('2026-11-28', { items: Array.from({ length: 24 }, (_, i) => pull(i + 10)) }),
    );
    const ask = (pageStory?: string) =>
      background.route(
        { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github', pageStory } },
        fromOurContentScript(),
      ) as Promise<{ value: { matches: { item: { title: string } }[]; total: number } }>;

    const { value } = await ask('url:https://github.com/acme/widget/pull/7');
    expect(value.total).toBe(25);
    expect(value.matches).toHaveLength(20);
    expect(value.matches[0]?.item.title).toBe('PR 7');
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('1');
    // A page no item links to (the repo's issues list): the badge counts every card again.
    await ask('url:https://github.com/acme/widget/issues');
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('25');
  });

  it("answers the card's shortcut as the browser has it now, none when it has no key, never waiting for a slow read", async () => {
    const getAll = vi.fn(async () => [
      { name: 'toggle-sidebar', shortcut: 'Ctrl+Shift+K' },
      { name: '_execute_action' },
    ]);
    // The fake browser has no commands.getAll: this is what Chrome answers after the user changed the key.
    const getAllSpy = vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation(getAll as never);
    try {
      const { background } = await backgroundSetup();
      const ask = () =>
        background.route(
          { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
          fromOurContentScript(),
        );
      expect(await ask()).toMatchObject({ ok: true, value: { shortcut: 'Ctrl+Shift+K' } });
      getAll.mockResolvedValue([{ name: 'toggle-sidebar', shortcut: '' }]);
      expect((await ask()) as { value: object }).not.toHaveProperty('value.shortcut');
      getAll.mockResolvedValue([{ name: 'toggle-sidebar', shortcut: 'Ctrl+Shift+K' }]);
      expect(await ask()).toMatchObject({ ok: true, value: { shortcut: 'Ctrl+Shift+K' } });
      // The browser is busy and its answer never comes: the page is answered with the key read for the page before.
      getAll.mockReturnValue(new Promise(() => undefined) as never);
      expect(await ask()).toMatchObject({ ok: true, value: { shortcut: 'Ctrl+Shift+K' } });
    } finally {
      getAllSpy.mockRestore();
    }
  });

  it('refuses a page story that is not a short key, in words', async () => {
    const { background } = await backgroundSetup();
    const reply = await background.route(
      {
        type: 'lookup',
        payload: { keys: ['gh:repo:acme/widget'], site: 'github', pageStory: 'x'.repeat(601) },
      },
      fromOurContentScript(),
    );
    expect(reply).toMatchObject({ ok: false });
  });

  it('answers "off" to a page off the served sites once all sites are unticked, its site excluded or the access gone', async () => {
    const { background, store } = await backgroundSetup({
      allSites: { enabled: true, excluded: ['blog.example'] },
    });
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('news', 1, ['https://arxiv.org/abs/2401.01234'])] }),
    );
    // Typed to answer nothing in the fake browser; the real one answers whether the access is granted.
    const access = vi.spyOn(fakeBrowser.permissions, 'contains') as unknown as {
      mockResolvedValue(granted: boolean): void;
    };
    access.mockResolvedValue(true);
    const from = (url: string) => ({ ...fromOurContentScript(), url });
    const ask = async (url: string) => {
      const lookup = (await background.route(
        { type: 'lookup', payload: { keys: ['paper:2401.01234'], site: null } },
        from(url),
      )) as { value: { mode: string; matches: unknown[] } };
      const marks = (await background.route(
        { type: 'markLookup', payload: { keys: ['paper:2401.01234'], site: null } },
        from(url),
      )) as { value: { on: boolean; marks: unknown[] } };
      return [lookup.value.mode, lookup.value.matches.length, marks.value.on, marks.value.marks.length];
    };
    expect(await ask('https://arxiv.org/abs/2401.01234')).toEqual(['auto', 1, true, 1]);
    // An excluded site (its subdomains too), and the access taken away in the browser.
    expect(await ask('https://www.blog.example/post')).toEqual(['off', 0, false, 0]);
    expect(await ask('https://news.blog.example/post')).toEqual(['off', 0, false, 0]);
    access.mockResolvedValue(false);
    expect(await ask('https://arxiv.org/abs/2401.01234')).toEqual(['off', 0, false, 0]);
    // Unticked (the tabs that looked up are told to look again).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    access.mockResolvedValue(true);
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...structuredClone(DEFAULT_SETTINGS), allSites: { enabled: false, excluded: [] } },
    });
    await expect.poll(() => ask('https://arxiv.org/abs/2401.01234')).toEqual(['off', 0, false, 0]);
    // A served site's page is answered as its site's settings say, whatever all sites are.
    expect(
      (
        (await background.route(
          { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
          fromOurContentScript(),
        )) as { value: { mode: string } }
      ).value.mode,
    ).toBe('auto');
  });

  it('takes the all-sites state it is given (the registration’s) for a page off the served sites, asking the browser nothing per lookup', async () => {
    let inForce = true;
    const { background, store } = await backgroundSetup(
      { allSites: { enabled: true, excluded: [] } },
      { allSitesAccess: async () => inForce },
    );
    await store.write(
      storedDigest('2026-11-28', { items: [testItem('news', 1, ['https://arxiv.org/abs/2401.01234'])] }),
    );
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains');
    const mode = async () =>
      (
        (await background.route(
          { type: 'lookup', payload: { keys: ['paper:2401.01234'], site: null } },
          { ...fromOurContentScript(), url: 'https://arxiv.org/abs/2401.01234' },
        )) as { value: { mode: string } }
      ).value.mode;
    expect(await mode()).toBe('auto');
    inForce = false;
    expect(await mode()).toBe('off');
    expect(contains).not.toHaveBeenCalled();
  });

  it('answers the remembered collapse, which a content script may set', async () => {
    const { background } = await backgroundSetup();
    const lookup = () =>
      background.route(
        { type: 'lookup', payload: { keys: ['x:status:1'], site: 'x' } },
        fromOurContentScript(),
      );
    expect(await lookup()).toMatchObject({ ok: true, value: { collapsed: false } });
    expect(
      await background.route(
        { type: 'setCardCollapsed', payload: { collapsed: true } },
        fromOurContentScript(),
      ),
    ).toEqual({ ok: true, value: { collapsed: true } });
    expect(await lookup()).toMatchObject({ ok: true, value: { collapsed: true } });
    await background.route(
      { type: 'setCardCollapsed', payload: { collapsed: false } },
      fromOurContentScript(),
    );
    expect(await lookup()).toMatchObject({ ok: true, value: { collapsed: false } });
  });

  it('answers "off" with no matches on a switched-off site, and "badge" in badge-only mode', async () => {
    const { background, store } = await backgroundSetup({
      sites: { x: true, github: false, huggingface: true },
      sidebarMode: 'badge',
    });
    await store.write(storedDigest('2026-11-28', { items: [repoItem(1, 'Widget')] }));
    const onGithub = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
      fromOurContentScript(),
    );
    expect(onGithub).toEqual({ ok: true, value: { matches: [], mode: 'off', total: 0, collapsed: false } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('');
    const onX = await background.route(
      { type: 'lookup', payload: { keys: ['x:status:100'], site: 'x' } },
      fromOurContentScript(),
    );
    expect(onX).toMatchObject({ ok: true, value: { mode: 'badge', matches: [{ date: '2026-11-28' }] } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: OUR_TAB })).toBe('1');
  });
});

describe('a corrupt record', () => {
  it('is skipped by lookup and the lists, never failing the answer', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27', { items: [repoItem(1, 'Widget')] }));
    await store.write(storedDigest('2026-11-28', { items: [repoItem(1, 'Widget again')] }));
    await store.db.put('digests', { date: '2026-11-28', items: [{ title: 42 }] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
      fromOurContentScript(),
    );
    expect(reply).toMatchObject({ ok: true, value: { matches: [{ date: '2026-11-27', alsoIn: 1 }] } });
    expect(await background.route({ type: 'latestDigest' }, fromOurPopup)).toMatchObject({
      value: { digest: { date: '2026-11-27' } },
    });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('digest 2026-11-28 is corrupt and was skipped'),
    );
  });
});

describe('the digest messages', () => {
  it('answers the newest GitHub 热门 digest as the latest when no AI digest is stored', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27', { kind: 'github-trending', items: [] }));
    await store.write(storedDigest('2026-11-28', { kind: 'github-trending', items: [] }));
    expect(await background.route({ type: 'latestDigest' }, fromOurPopup)).toMatchObject({
      value: { digest: { date: '2026-11-28', kind: 'github-trending' } },
    });
    await store.write(storedDigest('2026-11-26'));
    expect(await background.route({ type: 'latestDigest' }, fromOurPopup)).toMatchObject({
      value: { digest: { date: '2026-11-26', kind: 'ainews' } },
    });
  });

  it('answers the latest digest, one by date, and the list newest first', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28'));
    expect(await background.route({ type: 'latestDigest' }, fromOurPopup)).toMatchObject({
      ok: true,
      value: { digest: { date: '2026-11-28' } },
    });
    expect(
      await background.route({ type: 'digest', payload: { date: '2026-11-27' } }, fromOurPopup),
    ).toMatchObject({
      value: { digest: { date: '2026-11-27' } },
    });
    expect(await background.route({ type: 'listDigests', payload: {} }, fromOurPopup)).toEqual({
      ok: true,
      value: {
        digests: [
          { date: '2026-11-28', news: 1, tools: 1 },
          { date: '2026-11-27', news: 1, tools: 1 },
        ],
      },
    });
  });

  it('searches every stored digest', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27'));
    const reply = await background.route({ type: 'search', payload: { query: '中文摘要' } }, fromOurPopup);
    expect(reply).toMatchObject({
      ok: true,
      value: { total: 2, hits: [{ date: '2026-11-27', field: 'summary' }, {}] },
    });
  });

  it('answers a day’s GitHub 热门 digest when asked by kind, and searches it beside the AI digest', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27'));
    const trending = storedDigest('2026-11-27', {
      kind: 'github-trending',
      issueUrl: null,
      items: [
        { ...testItem('trending', 1, ['https://github.com/tide-pool/kelp-db']), title: 'tide-pool/kelp-db' },
      ],
    });
    await store.write(trending);
    const digestOf = (payload: object) => background.route({ type: 'digest', payload }, fromOurPopup);
    expect(await digestOf({ date: '2026-11-27', kind: 'github-trending' })).toMatchObject({
      value: { digest: { kind: 'github-trending', items: [{ title: 'tide-pool/kelp-db' }] } },
    });
    expect(await digestOf({ date: '2026-11-27' })).toMatchObject({ value: { digest: { kind: 'ainews' } } });
    expect(await digestOf({ date: '2026-11-27', kind: 'weekly' })).toMatchObject({ ok: false });
    const reply = await background.route({ type: 'search', payload: { query: '中文摘要' } }, fromOurPopup);
    expect(reply).toMatchObject({ value: { total: 3 } });
    const sections = (reply as { value: { hits: { item: { section: string } }[] } }).value.hits.map(
      (hit) => hit.item.section,
    );
    expect(sections).toEqual(['news', 'tools', 'trending']);
  });
});

describe('the date list', () => {
  it('lists a day with only a GitHub 热门 digest too (no news, no tools), so the popup can reach it', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27'));
    await store.write(storedDigest('2026-11-28', { kind: 'github-trending', issueUrl: null, items: [] }));
    await store.write(storedDigest('2026-11-27', { kind: 'github-trending', issueUrl: null, items: [] }));
    expect(await background.route({ type: 'listDigests', payload: {} }, fromOurPopup)).toEqual({
      ok: true,
      value: {
        digests: [
          { date: '2026-11-28', news: 0, tools: 0 },
          { date: '2026-11-27', news: 1, tools: 1 },
        ],
      },
    });
  });
});

describe('export, import and clear', () => {
  it('exports every digest and merges an import without going back to older versions', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-27', { fetchedAt: 5_000, contentHash: 'mine' }));
    await store.write(storedDigest('2026-11-28', { fetchedAt: 5_000, contentHash: 'mine' }));
    const exported = await background.route({ type: 'exportData' }, fromOurPopup);
    expect(exportFileSchema.safeParse((exported as { value: unknown }).value).success).toBe(true);

    const file = {
      format: 'digest-lens-export',
      version: 1,
      exportedAt: 9_000,
      digests: [
        storedDigest('2026-11-26', { fetchedAt: 1_000 }),
        storedDigest('2026-11-27', { fetchedAt: 1_000, contentHash: 'older' }),
        storedDigest('2026-11-28', {
          fetchedAt: 8_000,
          contentHash: 'newer',
          items: [testItem('news', 1, ['https://x.com/a/status/5'])],
        }),
      ],
    };
    const reply = await background.route({ type: 'importData', payload: { file } }, fromOurPopup);
    expect(reply).toEqual({ ok: true, value: { added: 1, updated: 1, kept: 1 } });
    expect((await store.read('2026-11-27'))?.contentHash).toBe('mine');
    expect((await store.read('2026-11-28'))?.contentHash).toBe('newer');
    expect(await store.dates()).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
  });

  it('refuses a file that is not an export, in words', async () => {
    const { background } = await backgroundSetup();
    const reply = await background.route(
      { type: 'importData', payload: { file: { hello: 1 } } },
      fromOurPopup,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a Digest Lens export file'),
    });
  });

  it('clears also what a sync running at that moment stores, and stops a running import', async () => {
    const { background, store, web } = await backgroundSetup();
    web.on(datedUrl('2026-11-29'), { body: digestText('2026-11-29') });
    web.on(archiveUrl('2026-06-03'), { body: digestText('2026-06-03') });
    web.hold();
    const syncing = background.route({ type: 'syncNow' }, fromOurPopup);
    await background.route({ type: 'importArchive' }, fromOurPopup);
    await vi.waitFor(() => expect(web.requests.length).toBe(4));
    const clearing = background.route({ type: 'clearData' }, fromOurPopup);
    // Time for a clear that does not wait for the sync to be done before the sync's answers arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    web.release();
    await syncing;
    expect(await clearing).toMatchObject({ ok: true });
    expect(await store.dates()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(['syncStatus', 'archiveImport'])).toEqual({});
    expect(await background.route({ type: 'importStatus' }, fromOurPopup)).toMatchObject({
      value: { state: 'idle' },
    });
  });

  it('tells the open readers and the pages with matches when the library is cleared or imported, not when refused', async () => {
    const { background, store } = await backgroundSetup();
    await store.write(storedDigest('2026-11-26'));
    const toReaders = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const replaced = () =>
      toReaders.mock.calls.filter(([message]) => (message as { type?: string })?.type === 'libraryReplaced')
        .length;
    const lookUpTheItem = () =>
      background.route(
        { type: 'lookup', payload: { keys: ['x:status:2026112601'], site: 'x' } },
        fromOurContentScript(),
      );
    await lookUpTheItem();
    await vi.waitFor(async () =>
      expect(
        await background.route({ type: 'pageMatches', payload: { tabId: OUR_TAB } }, fromOurPopup),
      ).toMatchObject({ value: { total: 1 } }),
    );
    await background.route({ type: 'importData', payload: { file: { hello: 1 } } }, fromOurPopup);
    expect(replaced()).toBe(0);
    const file = {
      format: 'digest-lens-export',
      version: 1,
      exportedAt: 9_000,
      digests: [storedDigest('2026-11-27')],
    };
    expect(await background.route({ type: 'importData', payload: { file } }, fromOurPopup)).toMatchObject({
      ok: true,
    });
    expect(replaced()).toBe(1);
    expect(toTabs.mock.calls).toEqual([[OUR_TAB, { type: 'lookAgain' }]]);
    await lookUpTheItem();
    badge.mockClear();
    expect(await background.route({ type: 'clearData' }, fromOurPopup)).toMatchObject({ ok: true });
    expect(replaced()).toBe(2);
    expect(toTabs.mock.calls).toHaveLength(2);
    // The tab's 本页相关 and badge were the old library's.
    expect(
      await background.route({ type: 'pageMatches', payload: { tabId: OUR_TAB } }, fromOurPopup),
    ).toMatchObject({
      value: { total: 0, matches: [] },
    });
    await vi.waitFor(() => expect(badge).toHaveBeenCalledWith({ tabId: OUR_TAB, text: '' }));
  });

  it('tells the pages that looked themselves up to look again when the settings change (a site switched off)', async () => {
    const { background } = await backgroundSetup();
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await background.route(
      { type: 'lookup', payload: { keys: ['gh:repo:acme/widget'], site: 'github' } },
      fromOurContentScript(),
    );
    const { settings } = await fakeBrowser.storage.local.get('settings');
    await fakeBrowser.storage.local.set({
      settings: { ...(settings as object), sites: { x: true, github: false, huggingface: true } },
    });
    await vi.waitFor(() => expect(toTabs.mock.calls).toEqual([[OUR_TAB, { type: 'lookAgain' }]]));
  });

  it('tells them to look again when a permission is taken away in the browser (the all-sites access)', async () => {
    const { background, permissionRemoved } = await backgroundSetup();
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await background.route(
      { type: 'lookup', payload: { keys: ['paper:2401.01234'], site: null } },
      { ...fromOurContentScript(), url: 'https://arxiv.org/abs/2401.01234' },
    );
    permissionRemoved();
    await vi.waitFor(() => expect(toTabs.mock.calls).toEqual([[OUR_TAB, { type: 'lookAgain' }]]));
  });

  it('clears every digest and the sync bookkeeping, but not the settings', async () => {
    const { background, store } = await backgroundSetup({ retentionDays: 30 });
    await store.write(storedDigest('2026-11-28'));
    await background.route({ type: 'syncNow' }, fromOurPopup);
    expect(await background.route({ type: 'clearData' }, fromOurPopup)).toEqual({
      ok: true,
      value: { cleared: 1 },
    });
    expect(await store.dates()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(['syncStatus', 'settings'])).toEqual({
      settings: expect.objectContaining({ retentionDays: 30 }),
    });
  });
});

describe('the retention days a closing options page sends', () => {
  it('are saved, and nothing is written when they are stored already (the page’s own write landed)', async () => {
    const { background } = await backgroundSetup();
    expect(
      await background.route({ type: 'saveRetention', payload: { retentionDays: 90 } }, fromOurPopup),
    ).toEqual({ ok: true, value: { retentionDays: 90 } });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({
      ...DEFAULT_SETTINGS,
      retentionDays: 90,
    });
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await background.route({ type: 'saveRetention', payload: { retentionDays: 90 } }, fromOurPopup);
    expect(writes).not.toHaveBeenCalled();
    expect(
      await background.route({ type: 'saveRetention', payload: { retentionDays: 6 } }, fromOurPopup),
    ).toMatchObject({ ok: false });
  });
});
