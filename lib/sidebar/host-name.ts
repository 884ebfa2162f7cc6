/**
 * The card's host element gets a new name on every page load. A fixed name let the page define that custom element
 * first: its constructor then ran on our host (taking the shadow root, or reading it through ElementInternals), and
 * the card could not mount. A name the page cannot know in advance is never its custom element.
 */
const PREFIX = 'digest-lens-';
const HOST_NAME = /^digest-lens-[0-9a-z]{16}$/;

/** `digest-lens-` and 16 random base-36 characters: a valid custom element name, never defined by the page. */
export function sidebarHostName(random: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  return PREFIX + Array.from(random, (byte) => byte.toString(36).padStart(2, '0')).join('');
}

/** Whether an element is a card host (this load's or one left by an earlier copy of the script). */
export function isSidebarHost(element: Element): boolean {
  return HOST_NAME.test(element.localName);
}
