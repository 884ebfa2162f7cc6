import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAYOUT_KEY, loadLayout, saveLayout } from '../../../lib/sidebar/collapsed-store';
import { backgroundSetup, fromOurContentScript } from '../background/background-setup';

describe('the card layout the user chose, remembered by the background', () => {
  it('is docked until the user chooses "over the page", and reads back what was saved', async () => {
    fakeBrowser.reset();
    expect(await loadLayout()).toBe('docked');
    await saveLayout('over');
    expect(await fakeBrowser.storage.local.get(LAYOUT_KEY)).toEqual({ [LAYOUT_KEY]: 'over' });
    expect(await loadLayout()).toBe('over');
    await fakeBrowser.storage.local.set({ [LAYOUT_KEY]: 'sideways' });
    expect(await loadLayout()).toBe('docked');
  });

  it('is set by a content script beside the collapse and answered by the next lookup (absent when docked)', async () => {
    const { background } = await backgroundSetup();
    const answer = async () =>
      (
        (await background.route(
          { type: 'lookup', payload: { keys: ['x:status:1'], site: 'x' } },
          fromOurContentScript(),
        )) as { value: { layout?: string } }
      ).value;
    expect(await answer()).not.toHaveProperty('layout');
    expect(
      await background.route(
        { type: 'setCardCollapsed', payload: { collapsed: false, layout: 'over' } },
        fromOurContentScript(),
      ),
    ).toEqual({ ok: true, value: { collapsed: false, layout: 'over' } });
    expect((await answer()).layout).toBe('over');
    await background.route(
      { type: 'setCardCollapsed', payload: { collapsed: false, layout: 'docked' } },
      fromOurContentScript(),
    );
    expect(await answer()).not.toHaveProperty('layout');
  });

  it('refuses a layout it does not know, in words, and keeps the one it had', async () => {
    const { background } = await backgroundSetup();
    const reply = await background.route(
      { type: 'setCardCollapsed', payload: { collapsed: false, layout: 'fullscreen' } },
      fromOurContentScript(),
    );
    expect(reply.ok).toBe(false);
    expect((reply as { error: string }).error).toMatch(/layout/);
    expect(await loadLayout()).toBe('docked');
  });
});
