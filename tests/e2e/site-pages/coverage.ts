/** What the layout tests measure in the page (run by page.evaluate, in Chromium and in Firefox). */
export interface Coverage {
  /** How many visible controls were checked. */
  checked: number;
  /** Each control whose centre hits something else, and what is there. */
  covered: string[];
  /** How far the page scrolls sideways (0: it fits the window). */
  horizontalOverflow: number;
}

/**
 * Every visible control of the page (a, button, input, select, textarea, [role=button], summary) whose centre does
 * not hit it or something inside it. Self-contained: it is serialized into the page.
 */
export function pageCoverage(): Coverage {
  const name = (element: Element | null) =>
    element
      ? `${element.localName}"${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 30)}"`
      : 'nothing';
  const covered: string[] = [];
  let checked = 0;
  for (const control of document.body.querySelectorAll(
    'a[href], button, input, select, textarea, [role=button], summary',
  )) {
    const rect = control.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1 || getComputedStyle(control).visibility === 'hidden') continue;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
    checked += 1;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === control || control.contains(hit)))
      covered.push(`${name(control)} under ${name(hit)}`);
  }
  const root = document.documentElement;
  return { checked, covered, horizontalOverflow: root.scrollWidth - root.clientWidth };
}
