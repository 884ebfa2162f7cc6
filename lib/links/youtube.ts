const VIDEO_ID = /^[\w-]{11}$/;

/** A video is its id (case matters) from `watch?v=`, `shorts/`, `live/`, `embed/` or youtu.be; other routes fall back. */
export function youtubeKeys(segments: string[], url: URL): string[] | undefined {
  const [route, id] = segments;
  const video =
    route === 'watch' ? url.searchParams.get('v') : /^(shorts|live|embed)$/.test(route ?? '') && id;
  return videoKeys(video);
}

/** `youtu.be/<id>`. */
export function shortYoutubeKeys([id]: string[]): string[] | undefined {
  return videoKeys(id);
}

function videoKeys(id: unknown): string[] | undefined {
  return typeof id === 'string' && VIDEO_ID.test(id) ? [`yt:${id}`] : undefined;
}
