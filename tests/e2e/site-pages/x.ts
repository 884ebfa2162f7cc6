/**
 * A tweet's page laid out like X's (seen 2026-11), in our own markup. X's columns have fixed widths chosen by the
 * window's width, not the space left: navigation 275 px (88 px, icons only, below 1265 px), the timeline 600 px, the
 * right column 350 px (hidden below 1000 px). The navigation is fixed to the window, the right column sticky, the
 * Messages drawer fixed to the bottom right corner.
 */
import { filler, type PageTheme, sitePage } from './page';

const CSS = `
body{margin:0;font:15px/1.4 -apple-system,"Segoe UI",sans-serif;color:var(--fg);overflow-y:scroll}
html{--fg:#0f1419;--muted:#536471;--border:#eff3f4;--chip:#f7f9f9}
html.dark{--fg:#e7e9ea;--muted:#71767b;--border:#2f3336;--chip:#16181c}
a{color:inherit;text-decoration:none} button,input{font:inherit;color:inherit;background:none;border:0;cursor:pointer}
.root{display:flex;min-height:100vh}
.banner{flex-grow:1;display:flex;justify-content:flex-end}
.banner-column{width:275px;flex:none}
.nav{position:fixed;top:0;height:100vh;width:275px;display:flex;flex-direction:column;padding:0 12px;box-sizing:border-box}
.nav a{display:block;padding:12px;font-size:20px;border-radius:24px} .nav .post{margin-top:16px;padding:14px;border-radius:24px;background:var(--fg);color:var(--chip);font-weight:700}
.nav .account{margin-top:auto;margin-bottom:12px;padding:12px;text-align:left}
.main{flex-grow:1;display:flex;justify-content:flex-start}
.primary{width:600px;flex:none;border-left:1px solid var(--border);border-right:1px solid var(--border)}
.primary .top{position:sticky;top:0;display:flex;gap:24px;align-items:center;padding:8px 16px;background:var(--chip)}
.tweet{padding:12px 16px;border-bottom:1px solid var(--border)} .tweet .who{display:flex;gap:8px;align-items:center}
.tweet .who .follow{margin-left:auto;padding:6px 16px;border-radius:18px;background:var(--fg);color:var(--chip);font-weight:700}
.tweet .text{font-size:17px} .tweet .actions{display:flex;justify-content:space-between;padding:8px 0;border-top:1px solid var(--border)}
.reply{display:flex;gap:8px;padding:12px 16px;border-bottom:1px solid var(--border)} .reply input{flex:1} .reply button{padding:6px 16px;border-radius:18px;background:#1d9bf0;color:#fff}
.side{width:350px;flex:none;margin-left:30px;position:sticky;top:0;align-self:flex-start}
.side input{width:100%;box-sizing:border-box;margin:6px 0 12px;padding:10px 16px;border-radius:24px;background:var(--chip)}
.side section{margin-bottom:16px;border:1px solid var(--border);border-radius:16px;padding:12px 16px}
.side h2{font-size:20px;margin:0 0 8px} .side .row{display:flex;align-items:center;gap:8px;padding:8px 0}
.side .row .go{margin-left:auto;padding:6px 16px;border-radius:18px;background:var(--fg);color:var(--chip);font-weight:700}
.side footer a{margin-right:8px;color:var(--muted);font-size:13px}
.drawer{position:fixed;bottom:0;right:20px;width:400px;height:53px;display:flex;align-items:center;gap:8px;padding:0 16px;box-sizing:border-box;border-radius:16px 16px 0 0;background:var(--chip);box-shadow:0 0 12px #0003}
.drawer h2{margin:0;margin-right:auto;font-size:20px}
@media (max-width:1264px){.banner-column,.nav{width:88px}.nav .label{display:none}}
@media (max-width:999px){.side,.drawer{display:none}}
`;

export function xTweetPage(handle: string, statusId: string, theme: PageTheme): string {
  const nav = ['Home', 'Explore', 'Notifications', 'Messages', 'Grok', 'Bookmarks', 'Profile', 'More']
    .map(
      (name) =>
        `<a href="/${name.toLowerCase()}" aria-label="${name}">◉ <span class="label">${name}</span></a>`,
    )
    .join('');
  const actions = ['Reply', 'Repost', 'Like', 'Bookmark', 'Share']
    .map((name) => `<button aria-label="${name}">${name[0]}</button>`)
    .join('');
  const trends = ['Open models', 'Agents', 'Inference', 'Benchmarks']
    .map(
      (trend) =>
        `<div class="row"><a href="/search?q=${encodeURIComponent(trend)}">${trend}</a><button class="more" aria-label="More">…</button></div>`,
    )
    .join('');
  const body = `<div class="root"><header class="banner" role="banner"><div class="banner-column"><nav class="nav">
<a href="/home" aria-label="X">𝕏</a>${nav}<a class="post" href="/compose/post">Post</a>
<button class="account" aria-label="Account menu">☺ <span class="label">Reader @reader</span></button></nav></div></header>
<main class="main"><div class="primary"><div class="top"><button aria-label="Back">←</button><h2>Post</h2></div>
<article class="tweet"><div class="who"><a href="/${handle}">☺ <strong>${handle}</strong></a><a href="/${handle}">@${handle}</a>
<button class="follow">Follow</button><button aria-label="More">…</button></div>
<p class="text">A 7B code model that gets close to far larger ones on multi-file edits. <a href="https://t.co/abc">paper.example.org</a></p>
<p><a href="/${handle}/status/${statusId}">10:24 AM · Nov 29, 2026</a> · <a href="/${handle}/status/${statusId}/analytics">12K Views</a></p>
<div class="actions">${actions}</div></article>
<div class="reply"><input aria-label="Post your reply" placeholder="Post your reply"><button>Reply</button></div>
${filler('A reply to the post, with its own text.', 30)}</div>
<div class="side"><input type="search" aria-label="Search" placeholder="Search">
<section><h2>Relevant people</h2><div class="row"><a href="/${handle}">☺ ${handle}</a><button class="go">Follow</button></div></section>
<section><h2>What’s happening</h2>${trends}<a href="/explore">Show more</a></section>
<footer><a href="/tos">Terms of Service</a><a href="/privacy">Privacy Policy</a><a href="/cookies">Cookie Policy</a></footer></div></main></div>
<div class="drawer"><h2>Messages</h2><button aria-label="New message">✉</button><button aria-label="Expand">⌃</button></div>`;
  const background = theme === 'dark' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)';
  return sitePage({
    title: `${handle} on X`,
    css: CSS,
    body,
    htmlAttributes: theme === 'dark' ? 'class="dark"' : '',
    bodyAttributes: `style="background-color: ${background};"`,
  });
}
