// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { mountOptions, type OptionsKit } from '../options/options-test-kit';
import { interact } from '../ui/render';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const box = (site: string) => {
  const element = kit?.container.querySelector<HTMLInputElement>(`[name="marks-${site}"]`);
  if (!element) throw new Error(`no marks-${site}`);
  return element;
};

describe('Options → marks on links, per site', () => {
  it('turns marks off and on for one site, leaving the others and the page card as they were', async () => {
    kit = await mountOptions();
    expect(kit.container.querySelector('#marks-heading')?.textContent).toBe('链接标记');
    expect(['x', 'github', 'huggingface'].map((site) => box(site).checked)).toEqual([true, true, true]);
    await interact(async () => {
      box('x').checked = false;
      box('x').dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const settings = await loadSettings();
    expect(settings.marks).toEqual({ x: false, github: true, huggingface: true });
    expect(settings.sites).toEqual({ x: true, github: true, huggingface: true });
  });

  it('shows the stored choice, in English too', async () => {
    await saveSettings({ marks: { x: true, github: false, huggingface: true } });
    kit = await mountOptions({ lang: 'en' });
    expect(kit.container.querySelector('#marks-heading')?.textContent).toBe('Marks on links');
    expect(box('github').checked).toBe(false);
    expect(box('github').closest('label')?.textContent).toBe(' GitHub');
  });
});
