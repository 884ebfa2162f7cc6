// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { createPanelOpener } from '../../../components/sidepanel/open-panel';
import { mountPopup, type PopupKit } from '../popup/popup-test-kit';
import { interact } from '../ui/render';

let kit: PopupKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

describe('opening the side panel from the popup', () => {
  it('calls Chrome’s sidePanel.open with the window inside the click, then closes the popup', async () => {
    const open = vi.fn(async () => undefined);
    const closed = vi.fn();
    const opener = createPanelOpener({ sidePanel: { open } }, async () => ({ id: 8 }), closed);
    await new Promise((resolve) => setTimeout(resolve, 0));
    opener?.();
    // Synchronously, inside the user's click: anything awaited first and Chrome refuses.
    expect(open).toHaveBeenCalledWith({ windowId: 8 });
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
  });

  it('calls Firefox’s sidebarAction.open, and offers nothing where there is no side panel', () => {
    const open = vi.fn(async () => undefined);
    createPanelOpener({ sidebarAction: { open } }, async () => ({}))?.();
    expect(open).toHaveBeenCalledOnce();
    expect(createPanelOpener({}, async () => ({}))).toBeUndefined();
  });

  it('shows a named button in the popup that opens it', async () => {
    kit = await mountPopup();
    expect(kit.container.querySelector('.open-panel-button')).toBeNull();
    kit.cleanup();
    const openPanel = vi.fn();
    const { mount } = await import('../ui/render');
    const mounted = await mount(<Popup store={kit.store} openPanel={openPanel} />);
    const button = mounted.container.querySelector<HTMLButtonElement>('.open-panel-button');
    expect(button?.getAttribute('aria-label')).toBe('在侧边栏打开');
    await interact(() => button?.click());
    expect(openPanel).toHaveBeenCalledOnce();
    mounted.cleanup();
  });
});
