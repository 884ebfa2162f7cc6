/** The background's messages to this extension's open pages (lib/protocol.ts `PageMessage`), for the two readers. */
import { browser } from 'wxt/browser';
import type { PageMessage } from '../../lib/protocol';

/** Listen to them (only this extension's); returns the function that stops listening. */
export function onPageMessage(listener: (message: PageMessage) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id) listener(message as PageMessage);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
