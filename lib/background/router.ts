/**
 * Every message to the background goes through here: the sender must be this extension, the envelope must name a
 * known message, a content script may send only what `CONTENT_SCRIPT_MESSAGES` lists, and the payload must pass its
 * schema (lib/schema.ts) before a handler sees it. The answer is always an envelope, so an error reaches the caller
 * in words.
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
  /** Chrome only: the origin of the sending document (the page's origin for a content script). */
  origin?: string;
  /** `incognito`: the tab is in a private window (the extension is "spanning": one background for every window). */
  tab?: { id?: number; incognito?: boolean };
  /** 0 for a tab's top frame. */
  frameId?: number;
  /** Chrome 106+: the sending document (a page UI injection targets it: lib/background/page-ui-loader). */
  documentId?: string;
}

/** Who "this extension" is: its id and the base URL of its pages (`runtime.getURL('')`). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/**
 * What a content script may ask. It runs inside a web page, whose renderer a hostile page may compromise: it may
 * look up the page's items and remember the card's collapse, never read, replace or clear the library.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'lookup',
  'setCardCollapsed',
  'markLookup',
]);

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>>;
};

export type Router = (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>;

export function createRouter(handlers: Handlers, extension: ExtensionIdentity): Router {
  return async (message, sender) => {
    if (!isFromThisExtension(sender, extension.id)) {
      return { ok: false, error: 'Refused: only Digest Lens itself may send messages to its background.' };
    }
    if (!isKnownEnvelope(message)) {
      return {
        ok: false,
        error: `Not a Digest Lens message: expected { type, payload } with type one of ${knownTypes()}.`,
      };
    }
    const { type } = message;
    if (!CONTENT_SCRIPT_MESSAGES.has(type) && !isFromExtensionPage(sender, extension.baseUrl)) {
      return {
        ok: false,
        error: `Refused: a content script may only send ${[...CONTENT_SCRIPT_MESSAGES].join(', ')}, not "${type}".`,
      };
    }
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
      // The handler's own words reach the page, which shows them (操作失败：…); which message it was goes to the log.
      console.warn(`[digest-lens] "${type}" failed`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Whether the sender is one of this extension's own pages (popup, options, side panel; in a tab or not) rather than
 * its content script, judged by the document that sent it: a content script's sender carries the web page's URL
 * (and, in Chrome, its origin). `tab` says nothing: the options page opened in a tab has one too.
 */
export function isFromExtensionPage(sender: MessageSender, baseUrl: string): boolean {
  if (!sender.url?.startsWith(baseUrl)) return false;
  return sender.origin === undefined || `${sender.origin}/` === baseUrl;
}

function isKnownEnvelope(message: unknown): message is { type: MessageType; payload: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

function knownTypes(): string {
  return Object.keys(requestSchemas).join(', ');
}
