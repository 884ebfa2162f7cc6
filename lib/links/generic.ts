const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|yclid|igshid|mc_[ce]id|ref|ref_src|ref_url|s|t|si|_hsenc|_hsmi|mkt_tok)$/i;

/** One normalised-URL key: https, host without `www.`, no fragment, no tracking parameters, no trailing slash. */
export function pageKey(url: URL, host: string): string {
  const query = new URLSearchParams([...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name)));
  const search = query.size > 0 ? `?${query}` : '';
  // A loop, not `/\/+$/`: that regex is quadratic on a path of many slashes.
  let path = url.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return `url:https://${host}${path}${search}`;
}
