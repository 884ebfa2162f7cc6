// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { syncStatus } from '../ui/fake-client';
import { interact, textOf } from '../ui/render';
import { mountOptions, type OptionsKit } from './options-test-kit';

let kit: OptionsKit | undefined;
afterEach(() => {
  kit?.store.dispose();
  kit?.cleanup();
  kit = undefined;
});

const syncCalls = () => kit?.fake.calls.filter((call) => call.type === 'syncNow').length;
const syncButton = () =>
  [...(kit?.container.querySelectorAll('button') ?? [])].find((button) => textOf(button) === '立即同步');
const settle = () => interact(() => new Promise((resolve) => setTimeout(resolve, 5)));

describe('the options page’s sync', () => {
  it('fetches a custom source right after it is added', async () => {
    kit = await mountOptions({ handlers: { syncNow: () => syncStatus({ lastSyncAt: 1 }) } });
    const field = kit.container.querySelector<HTMLInputElement>('[name="custom-url"]');
    if (!field) throw new Error('no URL field');
    field.value = 'https://mirror.example.com/{date}.md';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    kit.container
      .querySelector('form.add-source')
      ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(syncCalls()).toBe(1);
  });

  it('has 立即同步, showing the progress while the sync runs', async () => {
    let finish: (() => void) | undefined;
    kit = await mountOptions({
      handlers: {
        syncNow: () =>
          new Promise((resolve) => {
            finish = () => resolve(syncStatus({ lastSyncAt: 1 }));
          }),
      },
    });
    expect(kit.container.querySelector('.sync-now progress')).toBeNull();
    await interact(() => syncButton()?.click());
    expect(syncCalls()).toBe(1);
    await interact(() => {
      if (kit) kit.store.syncStatus.value = syncStatus({ running: true, progress: { done: 3, total: 14 } });
    });
    expect(textOf(kit.container.querySelector('.sync-state'))).toBe('正在同步 3/14');
    expect(kit.container.querySelector('.sync-now progress')?.getAttribute('value')).toBe('3');
    // Pressed again while it runs: no second sync.
    await interact(() => syncButton()?.click());
    expect(syncCalls()).toBe(1);
    await interact(() => finish?.());
    await settle();
    expect(kit.container.querySelector('.sync-now progress')).toBeNull();
  });

  it('notices a sync whose background was stopped, instead of "syncing…" and a disabled 立即同步 for ever', async () => {
    // The last status the stopped worker wrote says running; a new worker runs no sync.
    let live = syncStatus({ running: true, progress: { done: 27, total: 29 } });
    kit = await mountOptions({ handlers: { status: () => live }, importPollMs: 10 });
    await interact(() => {
      if (kit) kit.store.syncStatus.value = syncStatus({ running: true, progress: { done: 27, total: 29 } });
    });
    expect(textOf(kit.container.querySelector('.sync-state'))).toBe('正在同步 27/29');
    live = syncStatus({ running: false, lastSyncAt: 1 });
    await interact(() => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(kit.container.querySelector('.sync-now progress')).toBeNull();
    expect(syncButton()?.getAttribute('aria-disabled')).not.toBe('true');
  });

  it('says in its own words when the background stopped before answering, and takes the sync as ended', async () => {
    kit = await mountOptions({
      handlers: {
        syncNow: () => {
          throw new Error(
            'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
          );
        },
        status: () => syncStatus({ running: false, lastSyncAt: 1 }),
      },
    });
    await interact(() => {
      if (kit) kit.store.syncStatus.value = syncStatus({ running: true, progress: { done: 3, total: 14 } });
    });
    await interact(() => kit?.store.syncNow());
    await settle();
    expect(textOf(kit.container.querySelector('[data-notice="sync"]'))).toBe(
      '后台在答复前停止了（已保存的内容都在），请再试一次。',
    );
    expect(kit.container.querySelector('.sync-now progress')).toBeNull();
  });

  it('says why nothing was synced when every source is switched off', async () => {
    kit = await mountOptions({ handlers: { syncNow: () => syncStatus({ lastSyncAt: 1, sources: [] }) } });
    await interact(() => syncButton()?.click());
    await settle();
    expect(textOf(kit.container.querySelector('[data-notice="sync"]'))).toBe(
      '没有启用任何来源，不会同步新的摘要。',
    );
  });

  it('says in words when the sync could not be asked for', async () => {
    kit = await mountOptions({
      handlers: {
        syncNow: () => {
          throw new Error('后台没有应答');
        },
      },
    });
    await interact(() => syncButton()?.click());
    await settle();
    expect(textOf(kit.container.querySelector('[data-notice="sync"]'))).toContain('后台没有应答');
  });
});
