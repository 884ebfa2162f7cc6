const OWNER = /^[\w-]{1,39}$/;
const REPO = /^[\w.-]+$/;
/** Placeholders written in docs and digests (`github.com/user/repo`, `your-org/…`): nobody's repository. */
const PLACEHOLDER =
  /^(your([-_][\w-]+|name|user(name)?|org)\/.*|(user|owner|username|org)\/(repo|repository|project))$/;
const NOT_OWNERS =
  /^(about|account|apps|blog|codespaces|collections|contact|copilot|customer-stories|dashboard|discussions|enterprise|enterprises|events|explore|features|gist|git-guides|issues|join|login|logout|marketplace|mobile|models|new|notifications|open-source|organizations|orgs|pricing|pulls|readme|resources|search|security|sessions|settings|showcases|signup|site|solutions|sponsors|stars|team|topics|trending|users|watching)$/;

/** A repo is lower-cased `owner/repo` from any deep path; an owner page is its own key; other routes fall back. */
export function githubKeys(segments: string[]): string[] | undefined {
  const owner = segments[0]?.toLowerCase() ?? '';
  if (!OWNER.test(owner) || NOT_OWNERS.test(owner)) return undefined;
  const repo = segments[1]?.toLowerCase().replace(/\.git$/, '');
  if (repo === undefined) return [`gh:owner:${owner}`];
  if (PLACEHOLDER.test(`${owner}/${repo}`)) return [];
  return REPO.test(repo) ? [`gh:repo:${owner}/${repo}`] : undefined;
}
