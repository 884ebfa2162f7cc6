// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IMPORT_MAX_BYTES } from '../../../components/options/options-store';
import { FIRST_SCREEN_KEY } from '../../../components/shared/first-screen';
import type { ArchiveImportStatus } from '../../../lib/schema';
import { storedDigest } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { idleImport, mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const click = (selector: string) =>
  interact(() => kit?.container.querySelector<HTMLButtonElement>(selector)?.click());

describe('the options page’s archive import', () => {
  it('starts the import, shows progress and counts from storage, and can cancel', async () => {
    const running: ArchiveImportStatus = { ...idleImport, state: 'running', total: 239 };
    kit = await mountOptions({
      handlers: {
        importArchive: () => running,
        cancelImport: () => ({ ...running, state: 'cancelled', done: 40 }),
      },
    });
    expect(kit.container.querySelector('.archive-progress')).toBeNull();
    await click('.archive-start');
    expect(kit.fake.calls.some((call) => call.type === 'importArchive')).toBe(true);
    expect(kit.container.querySelector<HTMLButtonElement>('.archive-start')?.disabled).toBe(true);

    await interact(() =>
      fakeBrowser.storage.local.set({
        archiveImport: { ...running, done: 30, stored: 25, notFound: 4, failed: 1 },
      }),
    );
    const progress = kit.container.querySelector<HTMLProgressElement>('.archive-progress');
    expect(progress?.getAttribute('value')).toBe('30');
    expect(progress?.getAttribute('max')).toBe('239');
    expect(textOf(kit.container.querySelector('.archive-state'))).toBe('正在导入… · 已处理 30/239');
    expect(textOf(kit.container.querySelector('.archive-counts'))).toBe('已保存 25 · 未找到 4 · 失败 1');

    expect(document.activeElement).toBe(kit.container.querySelector('.archive-cancel'));
    await click('.archive-cancel');
    expect(kit.fake.calls.some((call) => call.type === 'cancelImport')).toBe(true);
    expect(document.activeElement).toBe(kit.container.querySelector('.archive-start'));
    expect(textOf(kit.container.querySelector('.archive-state'))).toBe('已取消 · 已处理 40/239');
    expect(kit.container.querySelector('.archive-cancel')).toBeNull();
  });

  it('shows the end of an import and its error in words', async () => {
    kit = await mountOptions();
    await interact(() =>
      fakeBrowser.storage.local.set({
        archiveImport: {
          ...idleImport,
          state: 'failed',
          done: 5,
          total: 239,
          stored: 5,
          error: '存档清单无法读取',
        },
      }),
    );
    expect(textOf(kit.container.querySelector('.archive-state'))).toBe('导入失败 · 已处理 5/239');
    expect(textOf(kit.container.querySelector('.archive-error'))).toBe('存档清单无法读取');
  });

  it('notices an import whose background was stopped, instead of waiting on "importing…"', async () => {
    const running: ArchiveImportStatus = { ...idleImport, state: 'running', done: 150, total: 347 };
    let background = running;
    kit = await mountOptions({ handlers: { importStatus: () => background }, importPollMs: 10 });
    expect(textOf(kit.container.querySelector('.archive-state'))).toBe('正在导入… · 已处理 150/347');
    // The worker died: nothing is written to storage any more; a new one reports the import as interrupted.
    background = { ...running, state: 'failed', error: '导入被中断（后台已停止）。' };
    await interact(() => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(textOf(kit.container.querySelector('.archive-error'))).toBe('导入被中断（后台已停止）。');
    expect(kit.container.querySelector<HTMLButtonElement>('.archive-start')?.disabled).toBe(false);
  });

  it('warns when an import found no digest at all, instead of a plain "finished"', async () => {
    kit = await mountOptions();
    await interact(() =>
      fakeBrowser.storage.local.set({
        archiveImport: { ...idleImport, state: 'done', done: 347, total: 347, notFound: 347 },
      }),
    );
    expect(textOf(kit.container.querySelector('.archive-empty'))).toContain('一期摘要也没有找到');
    await interact(() =>
      fakeBrowser.storage.local.set({
        archiveImport: { ...idleImport, state: 'done', done: 347, total: 347, stored: 239, notFound: 108 },
      }),
    );
    expect(kit.container.querySelector('.archive-empty')).toBeNull();
  });

  it('says why the import could not start', async () => {
    kit = await mountOptions({
      handlers: {
        importArchive: () => {
          throw new Error('已有导入在进行');
        },
      },
    });
    await click('.archive-start');
    expect(textOf(kit.container.querySelector('[data-notice="archive"]'))).toBe('操作失败：已有导入在进行');
  });
});

describe('the options page’s data actions', () => {
  it('exports every stored digest as a JSON download', async () => {
    const file = {
      format: 'digest-lens-export' as const,
      version: 1 as const,
      exportedAt: 1,
      digests: [storedDigest('2026-01-10'), storedDigest('2026-01-09')],
    };
    kit = await mountOptions({ handlers: { exportData: () => file } });
    await click('.export');
    expect(kit.download).toHaveBeenCalledTimes(1);
    const [blob, name] = kit.download.mock.calls[0] as [Blob, string];
    expect(name).toBe('digest-lens-export-2026-01-10.json');
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual(file);
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe('已导出 2 份摘要。');
  });

  it('imports a JSON file and shows what was added, updated and kept', async () => {
    kit = await mountOptions({ handlers: { importData: () => ({ added: 3, updated: 1, kept: 2 }) } });
    const file = { format: 'digest-lens-export', version: 1, exportedAt: 1, digests: [] };
    await interact(() => kit?.store.importFile(new File([JSON.stringify(file)], 'backup.json')));
    expect(kit.fake.calls.find((call) => call.type === 'importData')?.payload).toEqual({ file });
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '新增 3 份，更新 1 份，保留 2 份。',
    );
  });

  it('reads the chosen file from the file input', async () => {
    kit = await mountOptions({ handlers: { importData: () => ({ added: 1, updated: 0, kept: 0 }) } });
    const field = kit.container.querySelector<HTMLInputElement>('[name="import-file"]') as HTMLInputElement;
    const file = new File(['{"format":"digest-lens-export","digests":[]}'], 'a.json');
    Object.defineProperty(field, 'files', { value: [file], configurable: true });
    await interact(async () => {
      field.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '新增 1 份，更新 0 份，保留 0 份。',
    );
  });

  it('refuses a file that is not JSON or not an export in the page’s words, and shows the background’s rejection', async () => {
    kit = await mountOptions({
      handlers: {
        importData: () => {
          throw new Error('digests.0.date: 日期格式不对');
        },
      },
    });
    await interact(() => kit?.store.importFile(new File(['<html>'], 'page.html')));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe('这个文件不是有效的 JSON。');
    await interact(() => kit?.store.importFile(new File(['{"settings":{}}'], 'other.json')));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '这个文件不是 Digest Lens 导出的摘要文件，没有导入任何内容。',
    );
    expect(kit.fake.calls.some((call) => call.type === 'importData')).toBe(false);
    // A file too large to import is refused before it is read.
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: IMPORT_MAX_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    await interact(() => kit?.store.importFile(huge));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '这个文件有 61 MB，超过了一次导入的上限 60 MB；没有导入任何内容。',
    );
    expect(read).not.toHaveBeenCalled();
    const broken = '{"format":"digest-lens-export","digests":[{"date":"昨天"}]}';
    await interact(() => kit?.store.importFile(new File([broken], 'broken.json')));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '操作失败：digests.0.date: 日期格式不对',
    );
  });

  it('clears all data only after confirmation', async () => {
    kit = await mountOptions({ handlers: { clearData: () => ({ cleared: 12 }) } });
    await click('.clear');
    expect(textOf(kit.container.querySelector('.confirm'))).toContain(
      '确定要删除所有已保存的摘要和已读记录吗',
    );
    await click('.clear-no');
    expect(kit.container.querySelector('.confirm')).toBeNull();
    expect(kit.fake.calls.some((call) => call.type === 'clearData')).toBe(false);
    await click('.clear');
    await click('.clear-yes');
    expect(kit.fake.calls.filter((call) => call.type === 'clearData')).toHaveLength(1);
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe('已清除 12 份摘要。');
  });

  it('forgets the readers’ kept first screen before clearing or importing, so no reader draws a day gone', async () => {
    kit = await mountOptions({
      handlers: {
        clearData: () => {
          expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull();
          return { cleared: 1 };
        },
        importData: () => {
          expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBeNull();
          return { added: 1, updated: 0, kept: 0 };
        },
      },
    });
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(storedDigest('2026-12-02')));
    await click('.clear');
    await click('.clear-yes');
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe('已清除 1 份摘要。');
    localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(storedDigest('2026-12-02')));
    const file = { format: 'digest-lens-export', version: 1, exportedAt: 1, digests: [] };
    await interact(() => kit?.store.importFile(new File([JSON.stringify(file)], 'backup.json')));
    expect(textOf(kit.container.querySelector('[data-notice="data"]'))).toBe(
      '新增 1 份，更新 0 份，保留 0 份。',
    );
  });

  it('keeps the focus when asking: on “cancel” while the question is open, back on the button after', async () => {
    kit = await mountOptions({ handlers: { clearData: () => ({ cleared: 0 }) } });
    const clear = kit.container.querySelector<HTMLButtonElement>('.clear') as HTMLButtonElement;
    clear.focus();
    await click('.clear');
    const dialog = kit.container.querySelector('[role="alertdialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe(dialog?.querySelector('p')?.id);
    expect(document.activeElement).toBe(kit.container.querySelector('.clear-no'));
    await interact(() =>
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(kit.container.querySelector('.confirm')).toBeNull();
    expect(document.activeElement).toBe(clear);
    await click('.clear');
    await click('.clear-yes');
    expect(document.activeElement).toBe(clear);
  });

  it('closes the question on Esc when the focus has left it, and gives the focus back to the button', async () => {
    kit = await mountOptions({ handlers: { clearData: () => ({ cleared: 0 }) } });
    const clear = kit.container.querySelector<HTMLButtonElement>('.clear') as HTMLButtonElement;
    clear.focus();
    await click('.clear');
    // Shift+Tab twice from “cancel”: past “clear”, onto the file input before the question.
    const fileInput = kit.container.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    fileInput.focus();
    await interact(() =>
      fileInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(kit.container.querySelector('.confirm')).toBeNull();
    expect(clear.disabled).toBe(false);
    expect(document.activeElement).toBe(clear);
    expect(kit.fake.calls.some((call) => call.type === 'clearData')).toBe(false);
  });

  it('runs one data action at a time', async () => {
    let finish: () => void = () => {};
    kit = await mountOptions({
      handlers: {
        clearData: () =>
          new Promise((resolve) => {
            finish = () => resolve({ cleared: 1 });
          }),
      },
    });
    await click('.clear');
    await click('.clear-yes');
    expect(kit.container.querySelector('.clear')?.getAttribute('aria-disabled')).toBe('true');
    await click('.clear');
    expect(kit.container.querySelector('.confirm')).toBeNull();
    await click('.export');
    expect(kit.fake.calls.map((call) => call.type)).not.toContain('exportData');
    await interact(() => finish());
    expect(kit.fake.calls.filter((call) => call.type === 'clearData')).toHaveLength(1);
  });
});
