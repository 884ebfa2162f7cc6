/**
 * The card's host: an element under <html> with a closed shadow root that holds the card's own styles and the
 * container Preact renders into. WXT's createShadowRootUi did the same with auto-mount machinery (a MutationObserver
 * library, a deep-merge helper, a name validator) the card never used: 3 kB of the content script's 40 kB.
 * The stylesheet is part of the UI chunk (a string), so nothing is web-accessible and nothing is fetched.
 */
import cardCss from '../../components/sidebar/sidebar.css?inline';
import type { PageScriptLifetime } from '../../lib/page-ui/contract';

export interface CardHost {
  /** Where the card is rendered, inside the closed shadow root. */
  container: HTMLElement;
  /** Put the host under <html> and call `onMount`. */
  mount(): void;
  /** Take the host out of the page (also done on invalidation) and call `onRemove`. */
  remove(): void;
}

export interface CardHostOptions {
  /** The host element's name (a new one per load: lib/sidebar/host-name). */
  name: string;
  onMount(container: HTMLElement): void;
  onRemove(container: HTMLElement): void;
}

/**
 * The page's CSS cannot reach into the shadow root, but it can style the host: `all: initial !important` on `:host`
 * wins over the page's rules, even its `!important` ones.
 */
const HOST_RESET = ':host{all:initial!important}';
/** Keys typed in the card are not the page's shortcuts. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'];

/** The bundler writes `:root` for custom properties; in a shadow root they belong on the host (the mark card's too). */
export const SHADOW_CARD_CSS = cardCss.replaceAll(':root', ':host');
const CARD_CSS = `${HOST_RESET}\n${SHADOW_CARD_CSS}`;

export function createCardHost(ctx: PageScriptLifetime, options: CardHostOptions): CardHost {
  const host = document.createElement(options.name);
  // Closed: the page's scripts get null for host.shadowRoot, so they can neither read nor click the card.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of KEY_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  let mounted = false;
  const remove = () => {
    if (!mounted) return;
    mounted = false;
    options.onRemove(container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return {
    container,
    mount() {
      if (mounted || ctx.isInvalid) return;
      mounted = true;
      // A child of <html>, not of <body>: GitHub's Turbo swaps the whole <body> on in-app navigation (taking a body
      // child with it), and a transform or filter on the page's body would pin a fixed panel to the body.
      document.documentElement.append(host);
      options.onMount(container);
    },
    remove,
  };
}
