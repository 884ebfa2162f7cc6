import { afterEach, describe, expect, it } from 'vitest';
import { type PageUi, registerPageUi, resetPageUi, whenPageUi } from '../../../lib/page-ui/contract';

const ui = (): PageUi => ({ createCard: () => ({}) as ReturnType<PageUi['createCard']> });

afterEach(() => resetPageUi());

describe('the page UI hand-off', () => {
  it('gives the lean script the UI registered after it asked', async () => {
    const waited = whenPageUi();
    const offered = ui();
    expect(registerPageUi(offered)).toBe(true);
    await expect(waited).resolves.toBe(offered);
  });

  it('gives it at once when the chunk already ran (an in-app navigation to another matching page)', async () => {
    const offered = ui();
    registerPageUi(offered);
    await expect(whenPageUi()).resolves.toBe(offered);
  });

  it('keeps the first registration: a second injection of the chunk changes nothing', async () => {
    const first = ui();
    registerPageUi(first);
    expect(registerPageUi(ui())).toBe(false);
    await expect(whenPageUi()).resolves.toBe(first);
  });

  it("lives on the world's globalThis under a registry symbol, not under a name the page could guess", () => {
    registerPageUi(ui());
    expect(Object.keys(globalThis).some((key) => /page-?ui|digest/i.test(key))).toBe(false);
    expect(Object.getOwnPropertySymbols(globalThis).map(String)).toContain('Symbol(digest-lens.page-ui)');
  });
});
