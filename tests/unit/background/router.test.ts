import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import { createHandlers } from '../../../lib/background/handlers';
import { createRouter, type Handlers } from '../../../lib/background/router';
import type { MessageType, RequestOf } from '../../../lib/protocol';
import { requestSchemas } from '../../../lib/schema';

const EXTENSION_ID = 'our-extension';
const fromUs = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };

function routerWith(handlers: Partial<Handlers>) {
  return createRouter(handlers as Handlers, EXTENSION_ID);
}

describe('the message router', () => {
  it('passes a valid payload to its handler and wraps the answer', async () => {
    const digest = vi.fn(async ({ date }: { date: string }) => ({ digest: null, asked: date }));
    const route = routerWith({ digest } as unknown as Partial<Handlers>);
    expect(await route({ type: 'digest', payload: { date: '2026-11-29' } }, fromUs)).toEqual({
      ok: true,
      value: { digest: null, asked: '2026-11-29' },
    });
  });

  it('refuses an invalid payload in words, without calling the handler', async () => {
    const lookup = vi.fn();
    const route = routerWith({ lookup });
    const reply = await route({ type: 'lookup', payload: { keys: 'x:status:1', site: 'x' } }, fromUs);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^The "lookup" request is invalid \(keys: .*expected array/i),
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a message from another extension or a page', async () => {
    const status = vi.fn();
    const route = routerWith({ status });
    for (const sender of [{ id: 'someone-else' }, { url: 'https://evil.example/' }, {}]) {
      expect(await route({ type: 'status' }, sender)).toEqual({
        ok: false,
        error: 'Refused: only Digest Lens itself may send messages to its background.',
      });
    }
    expect(status).not.toHaveBeenCalled();
  });

  it('refuses an unknown message type and a message that is not an envelope', async () => {
    const route = routerWith({});
    expect(await route({ type: 'deleteEverything' }, fromUs)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not a Digest Lens message'),
    });
    expect(await route('status', fromUs)).toMatchObject({ ok: false });
    expect(await route({ type: 'toString' }, fromUs)).toMatchObject({ ok: false });
  });

  it("reports a handler's failure in words", async () => {
    const route = routerWith({
      syncNow: async () => {
        throw new Error('the database is closed');
      },
    });
    expect(await route({ type: 'syncNow' }, fromUs)).toEqual({
      ok: false,
      error: '"syncNow" failed: the database is closed',
    });
  });

  it('has one payload schema and one handler per message of the protocol, and no other', () => {
    const handlers = createHandlers({
      services: async () => {
        throw new Error('not used');
      },
      settings: async () => {
        throw new Error('not used');
      },
      now: () => 0,
      setBadge: async () => undefined,
    });
    expect(Object.keys(requestSchemas).sort()).toEqual(Object.keys(handlers).sort());
    // Every request a page may send passes its schema, and what the schema lets through is what the handler expects.
    type Accepted = {
      [K in MessageType]: RequestOf<K> extends z.input<(typeof requestSchemas)[K]> ? true : false;
    };
    type Delivered = {
      [K in MessageType]: RequestOf<K> extends undefined
        ? true
        : z.output<(typeof requestSchemas)[K]> extends RequestOf<K>
          ? true
          : false;
    };
    expectTypeOf<Accepted>().toEqualTypeOf<{ [K in MessageType]: true }>();
    expectTypeOf<Delivered>().toEqualTypeOf<{ [K in MessageType]: true }>();
  });
});
