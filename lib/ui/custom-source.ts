/**
 * Validation of a custom source typed on the options page: either a URL template containing `{date}` (in the path or
 * query, never the host) or the URL of one document. Pure, so the click handler can validate synchronously and still
 * call `permissions.request` inside the user gesture.
 */
export type CustomSourceProblem = 'empty' | 'notUrl' | 'notHttp' | 'dateInHost' | 'duplicate';

export type CustomSourceCheck =
  | { ok: true; url: string; origin: string; isTemplate: boolean }
  | { ok: false; problem: CustomSourceProblem };

const SAMPLE_DATE = '2025-01-01';

export function checkCustomSource(input: string, existing: readonly string[]): CustomSourceCheck {
  const url = input.trim();
  if (!url) return { ok: false, problem: 'empty' };
  if (/\s/.test(url)) return { ok: false, problem: 'notUrl' };
  const isTemplate = url.includes('{date}');
  let parsed: URL;
  try {
    parsed = new URL(url.replaceAll('{date}', SAMPLE_DATE));
  } catch {
    return { ok: false, problem: 'notUrl' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, problem: 'notHttp' };
  if (!/^https?:\/\//i.test(url)) return { ok: false, problem: 'notUrl' };
  if (parsed.hostname.includes(SAMPLE_DATE)) return { ok: false, problem: 'dateInHost' };
  if (existing.includes(url)) return { ok: false, problem: 'duplicate' };
  return { ok: true, url, origin: parsed.origin, isTemplate };
}

/** The origin a stored custom source reads from (its host permission), or null for a URL that no longer parses. */
export function customSourceOrigin(url: string): string | null {
  try {
    return new URL(url.replaceAll('{date}', SAMPLE_DATE)).origin;
  } catch {
    return null;
  }
}
