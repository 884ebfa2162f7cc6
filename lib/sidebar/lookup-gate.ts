/**
 * Which in-app navigations the sidebar may look up. A page script can `history.pushState` to any path without the
 * user doing anything; if each such URL were looked up, the card appearing or not would tell the page which items
 * the user has stored. So a navigation is looked up only after a real input of the user (a trusted click, key or
 * touch since the last look-up) or when it returns to a page this tab already looked up (back and forward): the
 * page learns nothing it had not seen. Pure: the content script feeds it the events it observes.
 */

/** The inputs that count, observed by the content script in the capture phase (before the page can react). */
export const USER_INPUT_EVENTS = ['click', 'keydown', 'pointerdown', 'touchend'] as const;

export interface LookupGate {
  /** An input event seen by the content script: only a trusted one (`isTrusted`, made by the user) counts. */
  noteInput(event: Pick<Event, 'isTrusted'>): void;
  /**
   * May the page with these identity keys be looked up? Yes after a real input (which this look-up uses up), for
   * keys this tab already looked up, and for no keys at all (nothing to learn). A yes remembers the keys and uses
   * the input up.
   */
  admit(keys: readonly string[]): boolean;
}

/** `userActed` starts true: the page load itself is the user's navigation. */
export function createLookupGate(userActed = true): LookupGate {
  let armed = userActed;
  const lookedUp = new Set<string>();
  return {
    noteInput(event) {
      if (event.isTrusted === true) armed = true;
    },
    admit(keys) {
      const id = [...keys].sort().join('\n');
      if (!armed && keys.length > 0 && !lookedUp.has(id)) return false;
      // An input lets the next navigation be looked up, whichever it is: never a later one too.
      armed = false;
      if (keys.length > 0) lookedUp.add(id);
      return true;
    },
  };
}
