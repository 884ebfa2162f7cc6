const THREAD_ID = /^[a-z\d]{1,12}$/;

/**
 * A Reddit thread is its id, whatever the subreddit's case, the slug or a comment's permalink after it:
 * `r/<sub>/comments/<id>`, `user/<name>/comments/<id>`, `comments/<id>`; other routes fall back.
 */
export function redditKeys(segments: string[]): string[] | undefined {
  const at = segments.indexOf('comments');
  return at === 0 || at === 2 ? threadKeys(segments[at + 1]) : undefined;
}

/** `redd.it/<id>`, Reddit's short link to a thread. */
export function shortRedditKeys([id]: string[]): string[] | undefined {
  return threadKeys(id);
}

function threadKeys(id = ''): string[] | undefined {
  const thread = id.toLowerCase();
  return THREAD_ID.test(thread) ? [`reddit:${thread}`] : undefined;
}
