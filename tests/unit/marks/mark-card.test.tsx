// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markCardUi } from '../../../components/marks/mark-card';
import type { MarkEntry } from '../../../lib/marks/mark-batcher';
import { makeMatch } from '../sidebar/fixtures';
import { LATE_REPO_KEY, latePull, lateRepo } from './late-repo';

let stop: AbortController | undefined;
beforeEach(() => {
  vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  stop?.abort();
  document.body.replaceChildren();
});

/** A marks layer holding one mark, its card attached; `entryOf` answers the mark's entry. */
function attachedLayer(entryOf: (target: EventTarget | null) => MarkEntry | undefined) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const mark = document.createElement('button');
  root.append(mark);
  stop = new AbortController();
  const link = document.createElement('a');
  markCardUi.attach({
    root,
    host,
    marks: new Map([[link, mark]]),
    linkOf: (target) => (target === mark ? link : undefined),
    entryOf,
    site: 'github',
    signal: stop.signal,
  });
  return { root, mark };
}

/** A marks layer holding one mark for `entry`; focusing the mark opens its card. Answers the card's name. */
function cardNameFor(entry: MarkEntry): string | null | undefined {
  const { root, mark } = attachedLayer((target) => (target === mark ? entry : undefined));
  mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  return root.querySelector('.dl-mark-card')?.getAttribute('aria-label');
}

describe('a mark’s card names what it shows, as the page card does', () => {
  const ai = makeMatch();
  const trending = makeMatch({
    item: { section: 'trending', rank: 2, title: 'acme/rocket', links: ['https://github.com/acme/rocket'] },
  });

  it.each([
    ['AI digest items', [ai], 'Digest Lens：AI 日报摘要'],
    ['GitHub 热门 items (it said AI 日报摘要)', [trending], 'Digest Lens：GitHub 热门'],
    ['both kinds', [ai, trending], 'Digest Lens：AI 日报与 GitHub 热门'],
  ] as const)('%s', (_, matches, name) => {
    expect(cardNameFor({ key: 'gh:repo:acme/rocket', matches: [...matches], total: matches.length })).toBe(
      name,
    );
  });
});

describe('a mark’s card lists first the item about the linked thing itself', () => {
  it('a repository’s item before its pull request’s, as the repository’s own page does (QA)', () => {
    const entry: MarkEntry = { key: LATE_REPO_KEY, matches: [lateRepo, latePull], total: 2 };
    const { root, mark } = attachedLayer((target) => (target === mark ? entry : undefined));
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const titles = [...root.querySelectorAll('.dl-mark-card .dl-item')].map((item) => item.textContent ?? '');
    expect(titles.map((text) => (text.includes('仓库本身') ? 'repo' : 'pull'))).toEqual(['repo', 'pull']);
  });
});

describe('a mark tells a screen reader its card', () => {
  it('is open (aria-expanded) while it shows, closed again after', async () => {
    const entry: MarkEntry = { key: 'gh:repo:acme/rocket', matches: [makeMatch()], total: 1 };
    const { root, mark } = attachedLayer((target) => (target === mark ? entry : undefined));
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(mark.getAttribute('aria-expanded')).toBe('true');
    // The focus left the layer: the card closes a moment later.
    mark.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await vi.waitFor(() => expect(root.querySelector('.dl-mark-card')).toBeNull());
    expect(mark.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('keys typed in the marks’ layer', () => {
  it('are not the page’s shortcuts: they stop at the layer once the card is attached', () => {
    const { mark } = attachedLayer(() => undefined);
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageHeard);
    expect(pageHeard).not.toHaveBeenCalled();
  });
});

describe('the card’s stylesheet', () => {
  it('is added when a card first shows, not when the marks are handed over (8 kB parsed for nothing otherwise)', () => {
    const entry: MarkEntry = { key: 'gh:repo:acme/rocket', matches: [makeMatch()], total: 1 };
    const { root, mark } = attachedLayer((target) => (target === mark ? entry : undefined));
    expect(root.querySelector('style')).toBeNull();
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(root.querySelectorAll('style')).toHaveLength(1);
    mark.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(root.querySelectorAll('style')).toHaveLength(1);
  });
});
