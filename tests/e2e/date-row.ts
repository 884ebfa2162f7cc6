/**
 * The side panel's date row as a test sees it, in Chromium (Playwright) and Firefox (Puppeteer) alike: `dateRowNow`
 * runs in the page, passed to `evaluate`.
 */
export interface DateRowBox {
  /** Its vertical middle: the row centres its parts, which are of different heights. */
  middle: number;
  left: number;
  right: number;
}

export interface DateRow {
  older: DateRowBox;
  picker: DateRowBox;
  newer: DateRowBox;
  label: DateRowBox;
  link: DateRowBox;
  header: DateRowBox;
  /** How far the page is wider than the viewport. */
  overflow: number;
}

/** Where the date row's parts are now (in the page: self-contained). */
export function dateRowNow(): DateRow {
  const box = (element: Element | null | undefined) => {
    const rect = (element as Element).getBoundingClientRect();
    return {
      middle: Math.round((rect.top + rect.bottom) / 2),
      left: Math.round(rect.left),
      right: Math.round(rect.right),
    };
  };
  const [older, newer] = document.querySelectorAll('.digest-header .nav');
  return {
    older: box(older),
    picker: box(document.querySelector('.date-picker')),
    newer: box(newer),
    label: box(document.querySelector('.date-label')),
    link: box(document.querySelector('.issue-link')),
    header: box(document.querySelector('.digest-header')),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}

/** ‹ list › on one line, in that order, inside the row; the day's name and the link on one line; nothing wider. */
export function togetherness(row: DateRow) {
  return {
    arrowsBesideList: [row.picker.middle, row.newer.middle].every((middle) => middle === row.older.middle),
    inOrder: row.older.right <= row.picker.left && row.picker.right <= row.newer.left,
    inside: row.newer.right <= row.header.right && row.link.right <= row.header.right,
    dayBesideLink: row.label.middle === row.link.middle,
    overflow: row.overflow,
  };
}

export const TOGETHER = {
  arrowsBesideList: true,
  inOrder: true,
  inside: true,
  dayBesideLink: true,
  overflow: 0,
};
