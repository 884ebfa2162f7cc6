/**
 * Which in-app navigations the sidebar may look up. A page script can `history.pushState` to any path without the
 * user doing anything; if each such URL were looked up, the card appearing or not would tell the page which items
 * the user has stored. So a navigation is looked up only after a real input of the user (a trusted click, key or
 * touch since the last look-up, within the few seconds a site takes to follow it) or when it returns to a page this
 * tab already looked up (back and forward): the page learns nothing it had not seen. A key that types a character
 * is no choice of where to go (Enter, or a click, is): else a page could try one address per key typed in its search
 * box or a post, at its leisure (security review, 2026-12-01). Pure: the content script feeds it the events it
 * observes.
 */

/** How long an input lets the next navigation be looked up: X and GitHub's Turbo push the new address at once. */
export const INPUT_ADMITS_MS = 5_000;

/** The inputs that count, observed by the content script in the capture phase (before the page can react). */
export const USER_INPUT_EVENTS = ['click', 'keydown', 'pointerdown', 'touchend'] as const;

export interface LookupGate {
  /**
   * An input event seen by the content script: only a trusted one (`isTrusted`, made by the user) counts, and no key
   * that types a character.
   */
  noteInput(event: Pick<Event, 'isTrusted'> & { key?: string }): void;
  /**
   * May the page with these identity keys be looked up? Yes after a real input (which this look-up uses up), for
   * keys this tab already looked up, and for no keys at all (nothing to learn). A yes remembers the keys and uses
   * the input up.
   */
  admit(keys: readonly string[]): boolean;
}

/** `userActed` starts true: the page load itself is the user's navigation. */
export function createLookupGate(userActed = true, now = () => performance.now()): LookupGate {
  let armedAt = userActed ? now() : Number.NEGATIVE_INFINITY;
  const lookedUp = new Set<string>();
  return {
    noteInput(event) {
      if (event.isTrusted === true && event.key?.length !== 1) armedAt = now();
    },
    admit(keys) {
      const id = [...keys].sort().join('\n');
      if (!(now() - armedAt < INPUT_ADMITS_MS) && keys.length > 0 && !lookedUp.has(id)) return false;
      // An input lets the next navigation be looked up, whichever it is: never a later one too.
      armedAt = Number.NEGATIVE_INFINITY;
      if (keys.length > 0) lookedUp.add(id);
      return true;
    },
  };
}
