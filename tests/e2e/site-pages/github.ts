/**
 * Pages laid out like GitHub's (seen 2026-11), in our own markup: the header with search and actions, the repo's
 * tabs, its title row with Watch / Fork / Star, the file list with the green Code button beside an About column
 * (296 px from 1012 px, 256 px from 768 px, below the files under 768 px); a pull request with its own sidebar.
 * Fluid like the real site: the columns get narrower with the window.
 */
import { type PageTheme, sitePage } from './page';

const CSS = `
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
html{--bg:#fff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--canvas:#f6f8fa;--green:#1f883d}
html[data-color-mode=dark]{--bg:#0d1117;--fg:#f0f6fc;--muted:#9198a1;--border:#3d444d;--canvas:#151b23;--green:#238636}
a{color:#0969da;text-decoration:none} button,input,select{font:inherit;color:inherit}
.btn{padding:3px 12px;border:1px solid var(--border);border-radius:6px;background:var(--canvas);line-height:20px;cursor:pointer;white-space:nowrap}
.btn-primary{background:var(--green);border-color:var(--green);color:#fff}
.app-header{display:flex;align-items:center;gap:12px;padding:16px;background:var(--canvas);border-bottom:1px solid var(--border)}
.app-header .crumbs{display:flex;gap:4px;font-weight:600;min-width:0}
.app-header .search{margin-left:auto;flex:0 1 320px;min-width:120px;padding:5px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.repo-nav{display:flex;gap:8px;padding:0 32px;border-bottom:1px solid var(--border);background:var(--canvas);overflow:hidden}
.repo-nav a{padding:8px;color:var(--fg);white-space:nowrap}
.container{max-width:1280px;margin:0 auto;padding:16px 32px}
.title-row{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:16px 0}
.title-row h1{margin:0;font-size:20px;font-weight:400} .title-row .actions{margin-left:auto;display:flex;flex-wrap:wrap;gap:8px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 296px;gap:24px}
.file-bar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:16px}
.file-bar .goto{flex:1;min-width:120px;padding:4px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.files{border:1px solid var(--border);border-radius:6px}
.files .row{display:flex;gap:16px;padding:8px 16px;border-top:1px solid var(--border)} .files .row:first-child{border-top:0}
.files .row a:first-child{flex:0 0 30%} .files .row .msg{flex:1;color:var(--muted);overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.sidebar h2{font-size:16px;margin:0 0 8px;display:flex;justify-content:space-between}
.sidebar section{padding:16px 0;border-bottom:1px solid var(--border)} .topics a{display:inline-block;margin:2px;padding:0 8px;border-radius:12px;background:#ddf4ff}
.sidebar .stats a{display:block;color:var(--muted)}
.timeline .comment{border:1px solid var(--border);border-radius:6px;margin-bottom:16px}
.timeline .comment header{display:flex;gap:8px;align-items:center;padding:8px 16px;background:var(--canvas);border-bottom:1px solid var(--border)}
.timeline .comment header .more{margin-left:auto} .timeline .comment p{padding:0 16px}
.pr-tabs{display:flex;gap:8px;border-bottom:1px solid var(--border);margin-bottom:16px} .pr-tabs a{padding:8px}
@media (max-width:1011px){.layout{grid-template-columns:minmax(0,1fr) 256px}.container,.repo-nav{padding-left:16px;padding-right:16px}}
@media (max-width:767px){.layout{grid-template-columns:minmax(0,1fr)}.app-header .search{display:none}.repo-nav a:nth-child(n+5){display:none}}
`;

function header(owner: string, repo: string): string {
  return `<header class="app-header"><a href="/" aria-label="Homepage">◯</a>
<nav class="crumbs"><a href="/${owner}">${owner}</a>/<a href="/${owner}/${repo}">${repo}</a></nav>
<input class="search" type="search" placeholder="Type / to search" aria-label="Search">
<button class="btn" aria-label="Create new">+</button><a class="btn" href="/issues" aria-label="Your issues">◎</a>
<a class="btn" href="/pulls" aria-label="Your pull requests">⇅</a><button class="btn" aria-label="Open user navigation">☺</button></header>
<nav class="repo-nav" aria-label="Repository">${[
    'Code',
    'Issues 31',
    'Pull requests 12',
    'Actions',
    'Projects',
    'Security',
    'Insights',
  ]
    .map((tab) => `<a href="/${owner}/${repo}/${tab.split(' ')[0]?.toLowerCase()}">${tab}</a>`)
    .join('')}</nav>`;
}

function titleRow(owner: string, repo: string): string {
  return `<div class="title-row"><h1><a href="/${owner}">${owner}</a> / <strong><a href="/${owner}/${repo}">${repo}</a></strong></h1>
<span class="btn">Public</span><div class="actions"><button class="btn">👁 Watch 42</button><button class="btn">⑂ Fork 310</button>
<button class="btn">☆ Star 5.1k</button></div></div>`;
}

function about(owner: string, repo: string): string {
  return `<aside class="sidebar"><section><h2>About <button class="btn" aria-label="Edit repository metadata">⚙</button></h2>
<p>Semantic index for code repositories, asked in plain language.</p><a href="https://${repo}.example.org">${repo}.example.org</a>
<p class="topics"><a href="/topics/search">search</a><a href="/topics/embeddings">embeddings</a><a href="/topics/cli">cli</a></p>
<p class="stats"><a href="#readme">Readme</a><a href="/${owner}/${repo}/activity">Activity</a><a href="/${owner}/${repo}/stargazers">5.1k stars</a>
<a href="/${owner}/${repo}/watchers">42 watching</a><a href="/${owner}/${repo}/forks">310 forks</a></p></section>
<section><h2><a href="/${owner}/${repo}/releases">Releases 14</a></h2><a href="/${owner}/${repo}/releases/tag/v2.0.0">v2.0.0 Latest</a></section>
<section><h2><a href="/${owner}/${repo}/graphs/contributors">Contributors 27</a></h2>
${['ada', 'lin', 'kai', 'mei', 'sam'].map((name) => `<a href="/${name}" aria-label="${name}">●</a>`).join(' ')}</section></aside>`;
}

export function githubRepoPage(owner: string, repo: string, theme: PageTheme): string {
  const files = ['.github', 'docs', 'src', 'tests', 'Cargo.toml', 'LICENSE', 'README.md']
    .map(
      (file) =>
        `<div class="row"><a href="/${owner}/${repo}/tree/main/${file}">${file}</a><a class="msg" href="/${owner}/${repo}/commit/1a2b3c">Update ${file} for the new index format</a><span>2 days ago</span></div>`,
    )
    .join('');
  const body = `${header(owner, repo)}<main class="container">${titleRow(owner, repo)}<div class="layout"><div>
<div class="file-bar"><button class="btn">⑂ main ▾</button><a href="/${owner}/${repo}/branches">3 Branches</a><a href="/${owner}/${repo}/tags">14 Tags</a>
<input class="goto" placeholder="Go to file" aria-label="Go to file"><button class="btn">Add file ▾</button><button class="btn btn-primary">&lt;&gt; Code ▾</button></div>
<div class="files">${files}</div><article id="readme"><h2>${repo}</h2><p>${'A semantic index for code. '.repeat(12)}</p></article></div>
${about(owner, repo)}</div></main>`;
  return sitePage({ title: `${owner}/${repo}`, css: CSS, body, htmlAttributes: githubRoot(theme) });
}

export function githubPullPage(owner: string, repo: string, number: number, theme: PageTheme): string {
  const comments = ['opened this pull request', 'commented', 'approved these changes']
    .map(
      (what, index) =>
        `<div class="comment"><header><a href="/user${index}"><strong>user${index}</strong></a> ${what}
<button class="btn more" aria-label="Show options">…</button></header><p>${'Moves the index writer onto the new format. '.repeat(4)}</p>
<p><button class="btn" aria-label="Add reaction">☺</button></p></div>`,
    )
    .join('');
  const sidebar = ['Reviewers', 'Assignees', 'Labels', 'Projects', 'Milestone', 'Development']
    .map(
      (name) =>
        `<section><h2>${name} <button class="btn" aria-label="Edit ${name}">⚙</button></h2><a href="/${owner}/${repo}/labels">None yet</a></section>`,
    )
    .join('');
  const body = `${header(owner, repo)}<main class="container"><div class="title-row"><h1>Write the index in the new format <span>#${number}</span></h1>
<div class="actions"><button class="btn">Edit</button><button class="btn btn-primary">&lt;&gt; Code ▾</button></div></div>
<p><span class="btn btn-primary">Open</span> <a href="/user0">user0</a> wants to merge 3 commits into <a href="/${owner}/${repo}/tree/main">main</a></p>
<nav class="pr-tabs"><a href="/${owner}/${repo}/pull/${number}">Conversation 3</a><a href="/${owner}/${repo}/pull/${number}/commits">Commits 3</a>
<a href="/${owner}/${repo}/pull/${number}/checks">Checks 5</a><a href="/${owner}/${repo}/pull/${number}/files">Files changed 12</a></nav>
<div class="layout"><div class="timeline">${comments}<textarea aria-label="Add a comment" rows="4" style="width:100%;box-sizing:border-box"></textarea>
<p><button class="btn btn-primary">Comment</button></p></div><aside class="sidebar">${sidebar}</aside></div></main>`;
  return sitePage({ title: `PR #${number}`, css: CSS, body, htmlAttributes: githubRoot(theme) });
}

const githubRoot = (theme: PageTheme) =>
  `data-color-mode="${theme === 'dark' ? 'dark' : 'light'}" data-light-theme="light" data-dark-theme="dark"`;
