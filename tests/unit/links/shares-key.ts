import { identityKeys } from '../../../lib/links/index';

/** Whether two URLs are the same thing: a digest link and a page match when they share an identity key. */
export function sharesKey(a: string, b: string): boolean {
  const keysOfA = identityKeys(a);
  return identityKeys(b).some((key) => keysOfA.includes(key));
}
