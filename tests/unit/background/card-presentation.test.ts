import { describe, expect, it, vi } from 'vitest';
import { type CardPresentationDeps, createCardPresentation } from '../../../lib/background/card-presentation';
import type { CardLayout } from '../../../lib/schema';

/** A promise settled by hand. */
function held<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

function deps() {
  return {
    loadCollapsed: vi.fn(async () => true),
    loadLayout: vi.fn(async (): Promise<CardLayout> => 'over'),
    saveCollapsed: vi.fn(async (_collapsed: boolean) => undefined),
    saveLayout: vi.fn(async (_layout: CardLayout) => undefined),
    shortcut: vi.fn(async (): Promise<string | null | undefined> => 'Alt+Shift+D'),
  } satisfies CardPresentationDeps;
}

describe("the card's presentation, kept in the worker", () => {
  it('reads storage once, however many pages ask', async () => {
    const io = deps();
    const presentation = createCardPresentation(io);
    for (let page = 0; page < 3; page++)
      expect(await presentation.values()).toEqual({ collapsed: true, layout: 'over' });
    expect(io.loadCollapsed).toHaveBeenCalledTimes(1);
    expect(io.loadLayout).toHaveBeenCalledTimes(1);
  });

  it("answers the user's choice from memory as soon as it is made, and writes it", async () => {
    const io = deps();
    const presentation = createCardPresentation(io);
    await presentation.save(false, 'docked');
    expect(await presentation.values()).toEqual({ collapsed: false, layout: 'docked' });
    // A collapse alone keeps the layout.
    await presentation.save(true);
    expect(await presentation.values()).toEqual({ collapsed: true, layout: 'docked' });
    expect(io.saveCollapsed.mock.calls).toEqual([[false], [true]]);
    expect(io.saveLayout.mock.calls).toEqual([['docked']]);
    expect(io.loadCollapsed).toHaveBeenCalledTimes(1);
  });

  it('waits for the first read of the shortcut, and takes a new key read before the matches are known', async () => {
    const io = deps();
    const presentation = createCardPresentation(io);
    const matches = held<void>();
    const first = presentation.shortcut(matches.promise);
    expect(await first).toBe('Alt+Shift+D');
    io.shortcut.mockResolvedValue(null);
    const second = presentation.shortcut(matches.promise);
    matches.settle();
    expect(await second).toBeNull();
  });

  it('never holds an answer for a slow read of the shortcut: the key read for an earlier page is given', async () => {
    const io = deps();
    const presentation = createCardPresentation(io);
    expect(await presentation.shortcut(Promise.resolve())).toBe('Alt+Shift+D');
    const slow = held<string | null>();
    io.shortcut.mockReturnValue(slow.promise);
    const matches = held<void>();
    const answer = presentation.shortcut(matches.promise);
    matches.settle();
    expect(await answer).toBe('Alt+Shift+D');
    // The slow read lands: the next page's answer has it.
    slow.settle('Ctrl+Shift+Y');
    await new Promise((resolve) => setTimeout(resolve));
    io.shortcut.mockReturnValue(new Promise(() => undefined));
    expect(await presentation.shortcut(Promise.resolve())).toBe('Ctrl+Shift+Y');
  });

  it('keeps the newest read when an older one comes in after it', async () => {
    const io = deps();
    const presentation = createCardPresentation(io);
    await presentation.shortcut(Promise.resolve());
    const older = held<string | null>();
    io.shortcut.mockReturnValueOnce(older.promise).mockResolvedValueOnce('Ctrl+Shift+N');
    await presentation.shortcut(Promise.resolve());
    expect(await presentation.shortcut(held<void>().promise)).toBe('Ctrl+Shift+N');
    older.settle('Ctrl+Shift+O');
    await new Promise((resolve) => setTimeout(resolve));
    io.shortcut.mockReturnValue(new Promise(() => undefined));
    expect(await presentation.shortcut(Promise.resolve())).toBe('Ctrl+Shift+N');
  });

  it('gives the kept key when the lookup fails meanwhile, and no key when the browser cannot say', async () => {
    const io = deps();
    io.shortcut.mockResolvedValue(undefined);
    const presentation = createCardPresentation(io);
    expect(await presentation.shortcut(Promise.resolve())).toBeUndefined();
    io.shortcut.mockReturnValue(new Promise(() => undefined));
    expect(await presentation.shortcut(Promise.reject(new Error('lookup failed')))).toBeUndefined();
  });
});
