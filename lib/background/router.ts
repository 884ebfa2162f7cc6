/**
 * Every message to the background goes through here: the sender must be this extension, the envelope must name a
 * known message, and the payload must pass its schema (lib/schema.ts) before a handler sees it. The answer is always
 * an envelope, so an error reaches the caller in words.
 */
import {
  isFromThisExtension,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../protocol';
import { requestSchemas } from '../schema';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>>;
};

export type Router = (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>;

export function createRouter(handlers: Handlers, extensionId: string): Router {
  return async (message, sender) => {
    if (!isFromThisExtension(sender, extensionId)) {
      return { ok: false, error: 'Refused: only Digest Lens itself may send messages to its background.' };
    }
    if (!isKnownEnvelope(message)) {
      return {
        ok: false,
        error: `Not a Digest Lens message: expected { type, payload } with type one of ${knownTypes()}.`,
      };
    }
    const { type } = message;
    const parsed = requestSchemas[type].safeParse(message.payload);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`,
      );
      return { ok: false, error: `The "${type}" request is invalid (${problems.join('; ')}).` };
    }
    try {
      const handle = handlers[type] as (payload: unknown, sender: MessageSender) => Promise<unknown>;
      return { ok: true, value: await handle(parsed.data, sender) };
    } catch (error) {
      return {
        ok: false,
        error: `"${type}" failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}

function isKnownEnvelope(message: unknown): message is { type: MessageType; payload: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

function knownTypes(): string {
  return Object.keys(requestSchemas).join(', ');
}
