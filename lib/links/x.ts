const STATUS_ID = /^\d{1,20}$/;
const HANDLE = /^\w{1,15}$/;
const NOT_PROFILES =
  /^(home|explore|search|settings|i|notifications|messages|compose|hashtag|login|logout|signup|tos|privacy|intent|share|account|about|download|jobs|premium|bookmarks|lists|communities|topics|widgets|oauth|rules|who_to_follow)$/;

/** The id on a status route (`''` when it lacks one), `undefined` on any other route. */
function statusIdOf(segments: string[]): string | undefined {
  const [first, second, third = '', fourth = ''] = segments;
  if (first === 'statuses') return second ?? '';
  if (second === 'status' || second === 'statuses') return third;
  if (first === 'i' && second === 'web' && third === 'status') return fourth;
  return undefined;
}

/** A tweet is its status id whatever the handle; a profile is its lower-cased handle; any other route has no key. */
export function xKeys(segments: string[]): string[] {
  const statusId = statusIdOf(segments);
  if (statusId !== undefined) return STATUS_ID.test(statusId) ? [`x:status:${statusId}`] : [];
  const handle = segments[0]?.toLowerCase() ?? '';
  return HANDLE.test(handle) && !NOT_PROFILES.test(handle) ? [`x:user:${handle}`] : [];
}
