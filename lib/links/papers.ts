const ARXIV_ID = /^(\d{4}\.\d{4,5})(v\d+)?(\.pdf)?$/;

/** `paper:2401.12345` for a new-style arXiv id, with any version suffix dropped. */
export function paperKeys(id = ''): string[] | undefined {
  const match = ARXIV_ID.exec(id);
  return match ? [`paper:${match[1]}`] : undefined;
}

/**
 * `arxiv.org/abs|pdf|html/ID` and alphaXiv's `abs|overview|pdf/ID` are the paper (as is huggingface.co/papers/ID);
 * listings and search fall back.
 */
export function arxivKeys(segments: string[]): string[] | undefined {
  const [route, id] = segments;
  return /^(abs|pdf|html|overview)$/.test(route ?? '') ? paperKeys(id) : undefined;
}
