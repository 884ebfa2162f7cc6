/** A fake background client for component tests: handlers per message type, and a log of every call. */
import type { BackgroundClient } from '../../../components/shared/client';
import type { MessageType, RequestOf, ResponseOf } from '../../../lib/protocol';
import type { Item, Section, StoredDigest, SyncStatus } from '../../../lib/schema';
import { EMPTY_SYNC_STATUS } from '../../../lib/sync/status-store';

export type Handlers = {
  [K in MessageType]?: (payload: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

export interface FakeClient {
  client: BackgroundClient;
  calls: { type: MessageType; payload: unknown }[];
  handlers: Handlers;
}

export function fakeClient(handlers: Handlers = {}): FakeClient {
  const calls: FakeClient['calls'] = [];
  const client = (async (type: MessageType, payload?: unknown) => {
    calls.push({ type, payload });
    const handler = handlers[type] as ((payload: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`no fake answer for "${type}"`);
    return handler(payload);
  }) as BackgroundClient;
  return { client, calls, handlers };
}

export function item(section: Section, rank: number, overrides: Partial<Item> = {}): Item {
  return {
    section,
    rank,
    title: `${section === 'news' ? '新闻' : '工具'}标题 ${rank}`,
    summary: `${section === 'news' ? '新闻' : '工具'}摘要 ${rank}`,
    links: [`https://github.com/fixture/${section}-${rank}`],
    ...overrides,
  };
}

export function storedDigest(date: string, overrides: Partial<StoredDigest> = {}): StoredDigest {
  const items = [
    ...Array.from({ length: 10 }, (_, index) =>
      item('news', index + 1, { title: `${date} 新闻 ${index + 1}` }),
    ),
    ...Array.from({ length: 10 }, (_, index) =>
      item('tools', index + 1, { title: `${date} 工具 ${index + 1}` }),
    ),
  ];
  return {
    kind: 'ainews',
    date,
    issueUrl: `https://news.smol.ai/issues/${date.slice(2)}-fixture/`,
    items,
    sourceId: 'dated',
    sourceUrl: `https://static.zou8944.com/newsletter/${date}/ai_news_summary_${date}.md`,
    fetchedAt: 0,
    contentHash: date,
    problems: [],
    ...overrides,
  };
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { ...structuredClone(EMPTY_SYNC_STATUS), ...overrides };
}

/** Resolves after pending promises and a macrotask: lets async store actions settle. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
