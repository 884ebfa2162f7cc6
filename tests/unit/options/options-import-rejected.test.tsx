// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { interact, textOf } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

describe('the options page’s JSON import', () => {
  it('says which entries of the file were not imported, in the page’s language', async () => {
    const rejected = [
      { zh: '第 2 份摘要（2026-02-30）未导入：日历上没有这一天。', en: 'Digest 2 was not imported.' },
    ];
    kit = await mountOptions({
      handlers: { importData: () => ({ added: 1, updated: 0, kept: 0, rejected }) },
    });
    const file = { format: 'digest-lens-export', version: 1, exportedAt: 1, digests: [] };
    await interact(() => kit?.store.importFile(new File([JSON.stringify(file)], 'backup.json')));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '新增 1 份，更新 0 份，保留 0 份。 第 2 份摘要（2026-02-30）未导入：日历上没有这一天。',
    );
  });
});
