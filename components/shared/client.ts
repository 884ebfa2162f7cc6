/**
 * The background client as the popup and options components receive it: `send` from lib/protocol in the extension,
 * a fake in component tests.
 */
import { type MessageType, type RequestOf, type ResponseOf, send } from '../../lib/protocol';

export type BackgroundClient = <K extends MessageType>(
  type: K,
  ...payload: RequestOf<K> extends undefined ? [] : [RequestOf<K>]
) => Promise<ResponseOf<K>>;

export const backgroundClient: BackgroundClient = send;

/** An error as words for the user, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return String(error);
}
