import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabMatches, TAB_MATCHES_KEY } from '../../../lib/background/tab-matches';
import type { Match } from '../../../lib/schema';
import { testItem } from '../storage/stored-digest';

const TAB = 12;
const topFrame = (tabId = TAB) => ({ tab: { id: tabId }, frameId: 0 });

function match(date: string, rank: number, alsoIn = 0): Match {
  return {
    date,
    issueUrl: null,
    item: testItem('tools', rank, [`https://github.com/acme/tool-${rank}`], `工具 ${rank}`),
    alsoIn,
    story: `gh:repo:acme/tool-${rank}`,
  };
}

const answer = (...matches: Match[]) => ({ matches, total: matches.length + 3 });

describe('each tab’s matches, learnt from its lookups', () => {
  it('keeps a tab’s last lookup answer: the bounded matches and the total, replaced by the next lookup', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    await tabs.noteLookup(topFrame(), answer(match('2026-11-28', 1), match('2026-11-27', 2, 4)));
    expect(await tabs.get(TAB)).toEqual(answer(match('2026-11-28', 1), match('2026-11-27', 2, 4)));

    await tabs.noteLookup(topFrame(), answer(match('2026-11-29', 3)));
    expect(await tabs.get(TAB)).toEqual(answer(match('2026-11-29', 3)));
    expect(await tabs.get(TAB + 1)).toEqual({ matches: [], total: 0 });
  });

  it('clears a tab whose page looked up nothing or matched nothing', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    await tabs.noteLookup(topFrame(), answer(match('2026-11-28', 1)));
    await tabs.noteLookup(topFrame(), { matches: [], total: 0 });
    expect(await tabs.get(TAB)).toEqual({ matches: [], total: 0 });
    expect((await fakeBrowser.storage.session.get(TAB_MATCHES_KEY))[TAB_MATCHES_KEY]).toEqual({});
  });

  it('forgets a closed tab, and keeps the others', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    await tabs.noteLookup(topFrame(TAB), answer(match('2026-11-28', 1)));
    await tabs.noteLookup(topFrame(TAB + 1), answer(match('2026-11-28', 2)));
    await tabs.forget(TAB);
    expect(await tabs.get(TAB)).toEqual({ matches: [], total: 0 });
    expect(await tabs.get(TAB + 1)).toEqual(answer(match('2026-11-28', 2)));
  });

  it('keeps which matches are the page’s own and what the others are to it', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    const page = {
      ...answer(match('2026-11-28', 1), match('2026-11-27', 2)),
      own: 1,
      related: 'repo' as const,
    };
    await tabs.noteLookup(topFrame(), page);
    expect(await createTabMatches(fakeBrowser.storage.session).get(TAB)).toEqual(page);
  });

  it('forgets many tabs at once (the library was replaced) with one write, and tells of each', async () => {
    const changed: number[] = [];
    const tabs = createTabMatches(fakeBrowser.storage.session, (tabId) => changed.push(tabId));
    for (const tabId of [TAB, TAB + 1, TAB + 2])
      await tabs.noteLookup(topFrame(tabId), answer(match('2026-11-28', 1)));
    changed.length = 0;
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    await tabs.forget(TAB, TAB + 2, TAB + 9);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(changed).toEqual([TAB, TAB + 2]);
    expect(await tabs.get(TAB)).toEqual({ matches: [], total: 0 });
    expect(await tabs.get(TAB + 1)).toEqual(answer(match('2026-11-28', 1)));
    // Nothing of theirs kept: no write at all.
    await tabs.forget(TAB + 9);
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('survives a worker restart through storage.session, holding matches and no page URL', async () => {
    const sender = { ...topFrame(), url: 'https://github.com/acme/widget' };
    await createTabMatches(fakeBrowser.storage.session).noteLookup(sender, answer(match('2026-11-28', 1)));
    const restarted = createTabMatches(fakeBrowser.storage.session);
    expect(await restarted.get(TAB)).toEqual(answer(match('2026-11-28', 1)));
    const stored = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(stored).not.toContain('https://github.com/acme/widget');
  });

  it('still tells, after a worker restart, the tabs that looked up without a match and those of marks only', async () => {
    const before = createTabMatches(fakeBrowser.storage.session);
    await before.noteLookup(topFrame(TAB), { matches: [], total: 0 });
    await before.noteMarks(topFrame(TAB + 1));
    await before.noteLookup(topFrame(TAB + 2), answer(match('2026-11-28', 1)));
    // A sub-frame's marks speak for no page.
    await before.noteMarks({ tab: { id: TAB + 3 }, frameId: 2 });
    const restarted = createTabMatches(fakeBrowser.storage.session);
    expect((await restarted.tabIds()).sort()).toEqual([TAB, TAB + 1, TAB + 2]);
    // A closed tab is no longer told, after the next restart either.
    await restarted.closed(TAB + 1);
    expect((await createTabMatches(fakeBrowser.storage.session).tabIds()).sort()).toEqual([TAB, TAB + 2]);
  });

  it('starts empty when what is kept is not its own shape', async () => {
    await fakeBrowser.storage.session.set({
      [TAB_MATCHES_KEY]: { [TAB]: { matches: 'not a list', total: 1 } },
    });
    expect(await createTabMatches(fakeBrowser.storage.session).get(TAB)).toEqual({ matches: [], total: 0 });
  });

  it.each([
    ['a sub-frame', { tab: { id: TAB }, frameId: 3 }],
    ['a sender without a frame', { tab: { id: TAB } }],
    ['a sender without a tab', { frameId: 0 }],
  ])('ignores a lookup from %s', async (_, sender) => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    await tabs.noteLookup(topFrame(), answer(match('2026-11-28', 1)));
    await tabs.noteLookup(sender, { matches: [], total: 0 });
    await tabs.noteLookup(sender, answer(match('2026-11-28', 5)));
    expect(await tabs.get(TAB)).toEqual(answer(match('2026-11-28', 1)));
  });

  it('counts a tab’s lookups in the order they were asked: an older answer that ends later changes nothing', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    let answerFirst = (_: ReturnType<typeof answer>) => {};
    const first = new Promise<ReturnType<typeof answer>>((resolve) => {
      answerFirst = resolve;
    });
    const slow = tabs.noteLookup(topFrame(), first);
    await tabs.noteLookup(topFrame(), { matches: [], total: 0 });
    answerFirst(answer(match('2026-11-28', 1)));
    await slow;
    expect(await tabs.get(TAB)).toEqual({ matches: [], total: 0 });
  });

  it('answers `get` with a lookup still being answered, and forgets one whose tab was closed meanwhile', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    let answerIt = (_: ReturnType<typeof answer>) => {};
    const pending = new Promise<ReturnType<typeof answer>>((resolve) => {
      answerIt = resolve;
    });
    void tabs.noteLookup(topFrame(), pending);
    const asked = tabs.get(TAB);
    answerIt(answer(match('2026-11-28', 2)));
    expect(await asked).toEqual(answer(match('2026-11-28', 2)));

    let answerClosed = (_: ReturnType<typeof answer>) => {};
    const closed = tabs.noteLookup(
      topFrame(TAB + 1),
      new Promise((resolve) => {
        answerClosed = resolve;
      }),
    );
    await tabs.forget(TAB + 1);
    answerClosed(answer(match('2026-11-28', 3)));
    await closed;
    expect(await tabs.get(TAB + 1)).toEqual({ matches: [], total: 0 });
  });

  it('keeps what the tab had when its lookup failed', async () => {
    const tabs = createTabMatches(fakeBrowser.storage.session);
    await tabs.noteLookup(topFrame(), answer(match('2026-11-28', 1)));
    await tabs.noteLookup(topFrame(), Promise.reject(new Error('the library could not be read')));
    expect(await tabs.get(TAB)).toEqual(answer(match('2026-11-28', 1)));
  });
});
