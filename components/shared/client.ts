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

/**
 * The browser's words (English, whatever the page's language) when the background went away before it answered:
 * stopped, restarted or updated in the middle of a sync. The pages say it in their own words instead.
 */
const NO_ANSWER =
  /message channel closed|Receiving end does not exist|Could not establish connection|Extension context invalidated|did not answer/i;

export function isNoAnswer(error: unknown): boolean {
  return NO_ANSWER.test(errorText(error));
}
