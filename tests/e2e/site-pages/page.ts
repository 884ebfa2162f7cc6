/** The frame of the fixture site pages: a full document with the site's styles and markup. */
export type PageTheme = 'light' | 'dark';

export interface SitePageParts {
  title: string;
  css: string;
  body: string;
  htmlAttributes?: string;
  bodyAttributes?: string;
}

export function sitePage({
  title,
  css,
  body,
  htmlAttributes = '',
  bodyAttributes = '',
}: SitePageParts): string {
  return `<!doctype html><html lang="en" ${htmlAttributes}><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width"><style>${css}</style></head><body ${bodyAttributes}>${body}</body></html>`;
}

/** Paragraphs of filler text, enough to scroll. */
export const filler = (sentence: string, count: number) =>
  Array.from({ length: count }, (_, index) => `<p>${sentence} (${index + 1})</p>`).join('');
