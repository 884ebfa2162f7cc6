/**
 * List pages shaped like the served sites' (seen 2026-11), in our own markup, for the marks' end-to-end tests: an X
 * home timeline that appends tweets after load (with a quote tweet), GitHub search results and trending, a Hugging
 * Face model list and collection, a list that re-renders itself every second like a framework that owns its
 * container (it throws when it finds a node it did not put there), and a list that links no digest item.
 */
export type ListTheme = 'light' | 'dark';

export interface TweetFixture {
  handle: string;
  id: string;
  text: string;
  /** A quoted tweet inside this one. */
  quote?: { handle: string; id: string; text: string };
}

const BASE_CSS = `body{margin:0;font:15px/1.4 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
html{--bg:#fff;--fg:#0f1419;--muted:#536471;--border:#d0d7de}
html.dark{--bg:#0d1117;--fg:#e6edf3;--muted:#8b949e;--border:#30363d}
a{color:#0969da} html.dark a{color:#4493f8}
/* Hostile to extensions: every button, every element of an unknown name and every positioned child of <html>. */
button{background:red!important;font-size:40px!important} html>*:not(head):not(body){display:none!important;opacity:0!important}
*{letter-spacing:3px}
.top{position:sticky;top:0;height:52px;background:var(--bg);border-bottom:1px solid var(--border);z-index:10}
main{width:640px;margin:0 auto}`;

function page(title: string, theme: ListTheme, body: string, css = ''): string {
  return `<!doctype html><html lang="en" class="${theme}" data-color-mode="${theme}"><head><meta charset="utf-8"><title>${title}</title><style>${BASE_CSS}${css}</style></head><body><div class="top">${title}</div><main>${body}</main></body></html>`;
}

/** One tweet as a timeline shows it: author, time permalink, text with "Show more", photo, stats, quote. */
export function tweetHtml({ handle, id, text, quote }: TweetFixture): string {
  const quoted = quote
    ? `<div role="link" class="quote"><span>@${quote.handle}</span> <a href="https://x.com/${quote.handle}/status/${quote.id}"><time datetime="2026-11-28T08:00:00Z">Nov 28</time></a><p>${quote.text}</p></div>`
    : '';
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet" class="tweet">
<div class="who"><a href="https://x.com/${handle}">@${handle}</a> · <a href="https://x.com/${handle}/status/${id}"><time datetime="2026-11-29T08:00:00Z">2h</time></a></div>
<p>${text} <a href="https://x.com/${handle}/status/${id}">Show more</a></p>
<a href="https://x.com/${handle}/status/${id}/photo/1" class="photo">photo</a>
${quoted}
<div class="stats"><a href="https://x.com/${handle}/status/${id}/analytics">1.2K</a></div>
</article></div>`;
}

/** The X home timeline: `first` at load, `later` appended 600 ms after load (infinite scroll). */
export function xHomePage(first: TweetFixture[], later: TweetFixture[], theme: ListTheme = 'light'): string {
  const css = `.tweet{padding:12px 16px;border-bottom:1px solid var(--border)} .quote{border:1px solid var(--border);border-radius:12px;padding:8px;margin:8px 0} .photo{display:block;height:60px;background:#8884}`;
  const body = `<div aria-label="Timeline: Your Home Timeline" id="timeline">${first.map(tweetHtml).join('')}</div>
<script>setTimeout(() => document.getElementById('timeline').insertAdjacentHTML('beforeend', ${JSON.stringify(later.map(tweetHtml).join(''))}), 600);</script>`;
  return page('Home / X', theme, body, css);
}

/** GitHub's repository search results. */
export function githubSearchPage(repos: string[], theme: ListTheme = 'light'): string {
  const rows = repos
    .map((repo) => {
      const [owner] = repo.split('/');
      return `<div data-testid="results-list-item" class="result"><a href="https://github.com/${owner}"><img alt="${owner}" width="20" height="20"></a>
<h3><a href="https://github.com/${repo}"><span>${repo}</span></a></h3><p>A repository.</p>
<ul class="meta"><li><a href="https://github.com/${repo}/stargazers">★ 1.2k</a></li><li>Updated 2 days ago</li></ul></div>`;
    })
    .join('');
  return page(
    'Repository search results · GitHub',
    theme,
    `<div data-testid="results-list">${rows}</div>`,
    '.result{padding:16px 0;border-bottom:1px solid var(--border)} .meta{display:flex;gap:16px;list-style:none;padding:0}',
  );
}

/** GitHub trending. */
export function githubTrendingPage(repos: string[], theme: ListTheme = 'light'): string {
  const rows = repos
    .map(
      (
        repo,
      ) => `<article class="Box-row"><h2 class="h3"><a href="https://github.com/${repo}">${repo.replace('/', ' / ')}</a></h2>
<p>A trending repository.</p><a href="https://github.com/${repo}/stargazers">★ 3,210</a> <a href="https://github.com/${repo}/forks">⑂ 120</a>
<span>Built by <a href="https://github.com/${repo.split('/')[0]}"><img alt="" width="20" height="20"></a></span></article>`,
    )
    .join('');
  return page(
    'Trending repositories on GitHub today',
    theme,
    `<div class="Box">${rows}</div>`,
    '.Box-row{padding:16px;border-bottom:1px solid var(--border)}',
  );
}

/** A Hugging Face model list (each entry one card link) and a collection (models and datasets). */
export function huggingfaceListPage(title: string, entries: string[], theme: ListTheme = 'light'): string {
  const cards = entries
    .map((path) => {
      const name = path.replace(/^datasets\//, '');
      return `<article class="overview-card"><a href="https://huggingface.co/${path}" class="card"><header><h4>${name}</h4></header><div class="meta">Updated 3 days ago · ↓ 12k · ♥ 210</div></a></article>`;
    })
    .join('');
  return page(
    title,
    theme,
    `<div class="grid">${cards}</div>`,
    '.grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}.card{display:block;border:1px solid var(--border);border-radius:8px;padding:12px}.card h4{margin:0}',
  );
}

/**
 * A list that re-renders every second like a framework owning its container: each render replaces every entry, and
 * throws (an error in the console) when it finds a child it did not render; `window.renders` counts the renders.
 */
export function rerenderingPage(repos: string[]): string {
  const script = `const repos = ${JSON.stringify(repos)};
window.renders = 0;
function render() {
  const list = document.getElementById('list');
  for (const child of list.children) if (!child.dataset.key) throw new Error('foreign node in the list');
  for (const link of list.querySelectorAll('a')) if (link.childNodes.length !== 1) throw new Error('foreign node in a link');
  list.replaceChildren(...repos.map((repo) => {
    const item = document.createElement('li');
    item.dataset.key = repo;
    item.innerHTML = '<h3><a href="https://github.com/' + repo + '">' + repo + '</a></h3>';
    return item;
  }));
  window.renders += 1;
}
render();
setInterval(render, 1000);`;
  return page('Re-rendering list', 'light', `<ul id="list"></ul><script>${script}</script>`);
}

/**
 * A README-like page where a mark has to find room (issue 12: the page stays the page's): a linked item inside a
 * sentence, another link and a button after it; a linked item inside dense text that fills the page's width (no room
 * around it: a dot); and one in a menu that a class hides, or moves with a class on <body>, adding no node.
 */
export function roomPage(inline: string, dense: string, menu: string): string {
  const words = 'lorem ipsum dolor sit amet consectetur '.repeat(12);
  const body = `<p id="inline">See <a href="${inline}">the widget</a> <a href="https://github.com/other/tool">other/tool</a> for details, and a <button>Follow</button> button.</p>
<p id="dense" style="text-align:justify">${words}<a href="${dense}">the model</a> ${words}</p>
<nav id="menu" class="open"><a href="${menu}">the dataset</a></nav>
<button id="toggle" onclick="document.getElementById('menu').classList.toggle('open')">menu</button>`;
  return page(
    'Room',
    'light',
    body,
    'main{width:auto;margin:0;padding:0 8px}#menu{display:none;position:absolute;top:600px;left:40px}#menu.open{display:block}body.shifted #menu{left:280px}',
  );
}

/**
 * Linked links close together in one sentence ("compare these three side by side"), text right after each: no room
 * after a link, and the room above (or below) each link's end is the same stretch for all of them.
 */
export function crowdedPage(links: string[]): string {
  const named = links.map((href, index) => `<a href="${href}">t${index + 1}</a>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>crowded</title></head><body style="margin:0"><p style="margin:80px 0 0 160px;font:15px/20px sans-serif">Compare ${named.join(', ')} side by side.</p></body></html>`;
}

/**
 * An awesome-list README: each bullet a linked repository, a dash and what it is; a line of text right above the list
 * and right below it. No room after a link (its words follow), nor above or below its end (the lines around it), nor
 * in the margin (the bullets are as wide as the page) or before it (the list's indent): the room is where each
 * bullet's words end.
 */
export function bulletsPage(links: string[]): string {
  const bullets = links.map(
    (href, index) =>
      `<li><a href="${href}">${href.split('/').slice(-2).join('/')}</a> - what tool ${index + 1} does, in brief.</li>`,
  );
  const prose = 'This list collects tools and models worth a look, reviewed by hand, updated weekly.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>awesome</title></head><body style="margin:16px;font:15px/18px sans-serif"><p style="margin:0">${prose}</p><ul style="margin:0;padding-left:24px">${bullets.join('')}</ul><p style="margin:0">${prose}</p></body></html>`;
}

/** Two linked links on one line, far apart: the card opened below the first mark leaves the second one in view. */
export function apartPage(first: string, second: string): string {
  const link = (href: string) => `<a href="${href}">${href.split('/').slice(-2).join('/')}</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>apart</title></head><body style="margin:0;font:15px/20px sans-serif"><p style="margin:200px 0 0 40px">${link(first)}<span style="display:inline-block;width:560px"></span>${link(second)}</p></body></html>`;
}

/**
 * A page with a sticky header 60 px tall (a site's top bar) over paragraphs of text, one of them holding `linked`: the
 * page is scrolled so that link's line passes under the header.
 */
export function stickyHeaderPage(linked: string): string {
  const line = (index: number) =>
    index === 12
      ? `<p id="linked">Line ${index} <a href="${linked}">${linked.split('/').slice(-2).join('/')}</a> words</p>`
      : `<p>Line ${index} of the page's text.</p>`;
  const lines = Array.from({ length: 40 }, (_, index) => line(index)).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sticky</title><style>body{margin:0;font:16px/1.5 sans-serif}header{position:sticky;top:0;height:60px;background:#234;color:#fff}p{margin:0 20px 20px}</style></head><body><header>Site header</header>${lines}</body></html>`;
}

/**
 * An awesome-list in Arabic (`dir="rtl"`): ten bullets, each a repository's link alone, `linked[0]` first and
 * `linked[1]` last, then a bullet of `linked[2]` followed by what it is (its words on the link's left, as it reads).
 */
export function rtlListPage(linked: [string, string, string]): string {
  const item = (href: string, words = '') =>
    `<li><a href="${href}">${href.split('/').slice(-2).join('/')}</a>${words}</li>`;
  const others = Array.from({ length: 8 }, (_, index) => item(`https://github.com/other/repo-${index}`));
  const items = [item(linked[0]), ...others, item(linked[1]), item(linked[2], ' - مجموعة بيانات للحوار')];
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>قائمة رائعة</title><style>body{font:16px/1.5 sans-serif;margin:20px}</style></head><body><h1>قائمة رائعة</h1><ul>${items.join('')}</ul></body></html>`;
}

/**
 * Links drawn `display: contents` (a card framework's wrapping link: its box is its children's): `linked[0]` around
 * a title's span, `linked[1]` holding text only, and `linked[2]` far below (out of the window until scrolled to).
 */
export function contentsLinksPage(linked: [string, string, string]): string {
  const name = (href: string) => href.split('/').slice(-2).join('/');
  const link = (href: string, inner: string) => `<a href="${href}" style="display:contents">${inner}</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>contents</title></head><body style="margin:40px;font:15px/20px sans-serif">
<h3 id="title">${link(linked[0], `<span>${name(linked[0])}</span>`)}</h3>
<p id="text">${link(linked[1], name(linked[1]))}</p>
<div style="height:3000px"></div>
<h3 id="far">${link(linked[2], `<span>${name(linked[2])}</span>`)}</h3><div style="height:400px"></div></body></html>`;
}
