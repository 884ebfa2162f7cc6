// @vitest-environment happy-dom
/**
 * The chunk's drawing of the page script's marks (components/marks/marks-ui.ts): a link that leaves and a link of the
 * same key that comes in the same scan (a framework re-rendering its list) share one mark, so its card and its focus
 * stay; a link that leaves with none to take its mark over loses it when the scan's changes are in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { marksUi } from '../../../components/marks/marks-ui';
import type { MarkEntry } from '../../../lib/marks/mark-batcher';
import { makeMatch } from '../sidebar/fixtures';

let stop: AbortController;
let roots: ShadowRoot[];
beforeEach(() => {
  vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } });
  stop = new AbortController();
  // The layer's root is closed: kept here as it is made.
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});
afterEach(() => {
  stop.abort();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const entry = (key: string): MarkEntry => ({ key, matches: [makeMatch()], total: 1 });

function linkTo(repo: string): HTMLAnchorElement {
  const link = Object.assign(document.createElement('a'), { href: `https://github.com/${repo}` });
  document.body.append(link);
  return link;
}

function drawn() {
  const marks = marksUi.start({ hostName: 'dl-test-marks', site: 'github', signal: stop.signal });
  const buttons = () => [...(roots[0]?.querySelectorAll('button.m') ?? [])];
  return { marks, buttons };
}

describe('the marks of a re-rendered list', () => {
  it('hands a leaving link’s mark to the new link of its key set in the same scan: the same element', () => {
    const { marks, buttons } = drawn();
    const before = linkTo('acme/widget');
    marks.set(before, entry('gh:repo:acme/widget'));
    const [mark] = buttons();
    before.remove();
    const after = linkTo('acme/widget');
    marks.remove(before);
    marks.set(after, entry('gh:repo:acme/widget'));
    marks.place();
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]).toBe(mark);
  });

  it('takes a mark away when its link left with no link of its key set before the scan ended', () => {
    const { marks, buttons } = drawn();
    const before = linkTo('acme/widget');
    marks.set(before, entry('gh:repo:acme/widget'));
    const other = linkTo('acme/gadget');
    marks.set(other, entry('gh:repo:acme/gadget'));
    marks.remove(before);
    // Until the scan's changes are in, the mark waits for a link to take it over.
    expect(buttons()).toHaveLength(2);
    marks.place();
    expect(buttons()).toHaveLength(1);
    // A link of another key does not take it: it gets a mark of its own.
    const [otherMark] = buttons();
    marks.remove(other);
    marks.set(linkTo('acme/third'), entry('gh:repo:acme/third'));
    marks.place();
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]).not.toBe(otherMark);
  });

  it('keeps the mark of a link the list reused with a new address (another key): relabelled, not taken away', () => {
    const { marks, buttons } = drawn();
    const link = linkTo('acme/widget');
    marks.set(link, entry('gh:repo:acme/widget'));
    const [mark] = buttons();
    // The scan: the link's key changed (pruned), then the same element set for its new key, whose answer was kept.
    link.href = 'https://github.com/acme/gadget';
    marks.remove(link);
    marks.set(link, entry('gh:repo:acme/gadget'));
    marks.place();
    expect(buttons()).toHaveLength(1);
    expect(buttons()[0]).toBe(mark);
  });

  it('takes every mark away at once on clear (an in-app navigation): none waits to be taken over', () => {
    const { marks, buttons } = drawn();
    const leaving = linkTo('acme/widget');
    marks.set(leaving, entry('gh:repo:acme/widget'));
    marks.set(linkTo('acme/gadget'), entry('gh:repo:acme/gadget'));
    marks.remove(leaving);
    marks.clear();
    expect(buttons()).toHaveLength(0);
    // A link of the left one's key, on the new page: a mark of its own.
    marks.set(linkTo('acme/widget'), entry('gh:repo:acme/widget'));
    marks.place();
    expect(buttons()).toHaveLength(1);
  });
});
