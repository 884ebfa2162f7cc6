import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCATION_POLL_MS,
  type LocationWatchTarget,
  watchLocation,
} from '../../../lib/sidebar/location-watcher';

/** A window with a URL and events, and a Navigation API when `withNavigation`. */
function fakeWindow(withNavigation: boolean) {
  const events = new EventTarget();
  const navigation = new EventTarget();
  const target: LocationWatchTarget = {
    location: { href: 'https://github.com/a/b' },
    addEventListener: events.addEventListener.bind(events) as LocationWatchTarget['addEventListener'],
    ...(withNavigation && { navigation }),
  };
  const go = (href: string) => {
    target.location.href = href;
  };
  return { target, events, navigation, go };
}

afterEach(() => vi.useRealTimers());

describe('watchLocation', () => {
  it('reports each change once through the Navigation API, popstate too, and stops when aborted', () => {
    const { target, events, navigation, go } = fakeWindow(true);
    const changes: string[][] = [];
    const stop = new AbortController();
    watchLocation((before, after) => changes.push([before, after]), stop.signal, target);
    go('https://github.com/a/b/issues');
    navigation.dispatchEvent(new Event('currententrychange'));
    events.dispatchEvent(new Event('popstate'));
    go('https://github.com/a/b');
    events.dispatchEvent(new Event('popstate'));
    stop.abort();
    go('https://github.com/c/d');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toEqual([
      ['https://github.com/a/b', 'https://github.com/a/b/issues'],
      ['https://github.com/a/b/issues', 'https://github.com/a/b'],
    ]);
  });

  it('polls where the Navigation API is missing, and clears its timer when aborted', () => {
    vi.useFakeTimers();
    const { target, go } = fakeWindow(false);
    const changes: string[] = [];
    const stop = new AbortController();
    watchLocation((_before, after) => changes.push(after), stop.signal, target);
    go('https://github.com/a/b/pulls');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changes).toEqual(['https://github.com/a/b/pulls']);
    stop.abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispatches nothing anywhere: the page has no event to listen for', () => {
    const { target, events, navigation, go } = fakeWindow(true);
    const seen = vi.fn();
    const dispatch = vi.spyOn(events, 'dispatchEvent');
    watchLocation(seen, new AbortController().signal, target);
    const navigationDispatch = vi.spyOn(navigation, 'dispatchEvent');
    go('https://github.com/a/b/tree/main');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(dispatch).not.toHaveBeenCalled();
    expect(navigationDispatch).toHaveBeenCalledTimes(1);
  });
});
