/** The identity keys of a URL: a digest item matches a page when they share a key. Never throws. */
export function identityKeys(_input: string | URL): string[] {
  return [];
}
