import { paperKeys } from './papers';

const NAME = /^[\w.-]+$/;
const KIND_ROUTE = /^(dataset|space|collection)s$/;
const NOT_NAMESPACES =
  /^(api|blog|changelog|chat|docs|enterprise|huggingchat|inference-api|inference-endpoints|join|learn|login|logout|models|new|new-dataset|new-space|notifications|oauth|organizations|posts|pricing|privacy|search|security|settings|tasks|terms-of-service)$/;

function repoKey(kind: string, namespace = '', name = ''): string[] | undefined {
  return NAME.test(namespace) && NAME.test(name) ? [`hf:${kind}:${namespace}/${name}`] : undefined;
}

/** Models, datasets, spaces and collections are distinct kinds; an org page is its own key; site routes fall back. */
export function huggingfaceKeys(segments: string[]): string[] | undefined {
  const [first = '', second, third] = segments.map((segment) => segment.toLowerCase());
  if (first === 'papers') return paperKeys(second);
  const kind = KIND_ROUTE.exec(first)?.[1];
  if (kind) return repoKey(kind, second, third);
  if (NOT_NAMESPACES.test(first)) return undefined;
  if (second === undefined) return NAME.test(first) ? [`hf:org:${first}`] : undefined;
  // `<user>/datasets`, `<user>/models`, `<user>/spaces` list a user's repos: a listing, not a model.
  if (/^(dataset|model|space)s$/.test(second)) return [];
  return repoKey('model', first, second);
}
