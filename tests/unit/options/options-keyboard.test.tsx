// @vitest-environment happy-dom
/**
 * The options page by keyboard alone: every action is a native control that takes the focus, and an action that
 * removes the focused control hands the focus to a neighbour instead of dropping it on the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { saveSettings } from '../../../lib/settings';
import { until } from '../popup/popup-test-kit';
import { interact } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const sources = [
  { id: 's1', url: 'https://one.example.com/{date}.md', enabled: true, addedAt: 1 },
  { id: 's2', url: 'https://two.example.com/{date}.md', enabled: true, addedAt: 2 },
];
const removeButton = (id: string) =>
  kit?.container.querySelector<HTMLButtonElement>(`[data-source-id="${id}"] .remove`) ?? null;
const settle = () => interact(() => new Promise((resolve) => setTimeout(resolve, 5)));

describe('the options page by keyboard', () => {
  it('tells the sites’ checkboxes from the marks’ of the same names: each set is a group named by its heading', async () => {
    kit = await mountOptions();
    const groupOf = (name: string) => {
      const group = kit?.container.querySelector(`input[name="${name}"]`)?.closest('fieldset');
      const heading = group && document.getElementById(group.getAttribute('aria-labelledby') ?? '');
      return heading?.textContent?.trim();
    };
    for (const site of ['x', 'github', 'huggingface']) {
      expect(groupOf(`site-${site}`), site).toBe('网站');
      expect(groupOf(`marks-${site}`), site).toBe('链接标记');
    }
  });

  it('offers every action as a native control that takes the focus', async () => {
    await saveSettings({ customSources: sources });
    kit = await mountOptions();
    const controls = [
      'input[name="source-dated"]',
      'input[name="source-homepage"]',
      '[data-source-id="s1"] input[type="checkbox"]',
      '[data-source-id="s1"] .remove',
      'input[name="custom-url"]',
      'form.add-source button[type="submit"]',
      'select[name="sync-interval"]',
      'input[name="retention-days"]',
      'button.archive-start',
      'input[name="site-x"]',
      'input[name="sidebar-mode"][value="badge"]',
      'button.export',
      'input[name="import-file"]',
      'button.clear',
    ];
    for (const selector of controls) {
      const control = kit.container.querySelector<HTMLElement>(selector);
      expect(control, selector).not.toBeNull();
      expect(['INPUT', 'BUTTON', 'SELECT'], selector).toContain(control?.tagName);
      expect(control?.tabIndex, selector).toBe(0);
      control?.focus();
      expect(document.activeElement, selector).toBe(control);
    }
    // Each control has a name a screen reader can say: a label around it, a label for it, or aria-label.
    for (const selector of controls.filter(
      (selector) => selector.startsWith('input') || selector.startsWith('select'),
    )) {
      const control = kit.container.querySelector<HTMLInputElement>(selector);
      const named =
        control?.closest('label') ||
        control?.getAttribute('aria-label') ||
        (control?.id && kit.container.querySelector(`label[for="${control.id}"]`));
      expect(named, selector).toBeTruthy();
    }
  });

  it('moves the focus to the next row’s remove button when a source is removed, then to the URL field', async () => {
    await saveSettings({ customSources: sources });
    kit = await mountOptions();
    const first = removeButton('s1') as HTMLButtonElement;
    first.focus();
    await interact(() => first.click());
    await settle();
    await until(() => expect(document.activeElement).toBe(removeButton('s2')));
    const last = removeButton('s2') as HTMLButtonElement;
    await interact(() => last.click());
    await settle();
    await until(() =>
      expect(document.activeElement).toBe(kit?.container.querySelector('input[name="custom-url"]')),
    );
  });

  it('keeps the focus in the row once access is given and the grant button goes', async () => {
    await saveSettings({ customSources: [sources[0] as (typeof sources)[number]] });
    kit = await mountOptions({ allowedOrigins: [] });
    await settle();
    const grant = kit.container.querySelector<HTMLButtonElement>('.grant') as HTMLButtonElement;
    grant.focus();
    await interact(() => grant.click());
    await settle();
    expect(kit.container.querySelector('.grant')).toBeNull();
    await until(() => expect(document.activeElement).toBe(removeButton('s1')));
  });
});
