/**
 * The X tabs a user had open when Digest Lens came (installed) or changed (updated, reloaded): a tweet a digest item
 * links to, and the home timeline with that tweet and an unrelated one. Shared by tests/e2e/install and update.
 */
import type { FixtureDigest } from '../fixtures/digest-builder';
import type { FixtureServer } from './fixture-server';
import { xHomePage } from './marks-pages';
import { SITE_PAGES, TWEET_ID } from './site-pages';

const tweet = SITE_PAGES.find(({ name }) => name === 'x-tweet');
export const TWEET_PAGE = tweet?.url ?? '';
export const TIMELINE = 'https://x.com/home';

/** The digest's item about the tweet. */
export const tweetItem = (digest: FixtureDigest) => digest.news.find(({ url }) => url === TWEET_PAGE);

/** Publish `digest` and serve both pages. */
export function serveOpenXTabs(server: FixtureServer, digest: FixtureDigest): void {
  server.publish([digest]);
  server.page(TWEET_PAGE, tweet?.html('light') ?? '');
  server.page(
    TIMELINE,
    xHomePage(
      [
        { handle: 'lens_lab', id: TWEET_ID, text: 'We released a small model that writes code.' },
        { handle: 'someone', id: '1862000000000000099', text: 'Unrelated tweet.' },
      ],
      [],
    ),
  );
}
