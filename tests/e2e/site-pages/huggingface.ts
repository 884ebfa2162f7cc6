/**
 * Hugging Face pages laid out like the real ones (seen 2026-11), in our own markup: the header with search and
 * navigation, a repo's title row with Like and Follow, its tabs with "Use this model / dataset" on the right, and a
 * right column (Downloads, the model tree) from 1024 px; a Space's app; a paper with its Upvote button. The container
 * is the site's: full width with 16 px padding, at most 1280 px from 1280 px and 1536 px from 1536 px.
 */
import { filler, type PageTheme, sitePage } from './page';

const CSS = `
body{margin:0;font:15px/1.5 "Source Sans Pro",-apple-system,sans-serif;background:var(--bg);color:var(--fg)}
html{--bg:#fff;--fg:#111827;--muted:#6b7280;--border:#e5e7eb;--chip:#f9fafb}
html.dark{--bg:#0b0f19;--fg:#e5e7eb;--muted:#9ca3af;--border:#1f2937;--chip:#111827}
a{color:inherit;text-decoration:none} button,input{font:inherit;color:inherit}
.btn{padding:4px 12px;border:1px solid var(--border);border-radius:8px;background:var(--chip);cursor:pointer;white-space:nowrap}
.container{box-sizing:border-box;width:100%;margin:0 auto;padding:0 16px}
@media (min-width:1280px){.container{max-width:1280px}} @media (min-width:1536px){.container{max-width:1536px}}
.top{border-bottom:1px solid var(--border)} .top .container{display:flex;align-items:center;gap:16px;height:64px}
.top input{flex:0 1 300px;min-width:100px;padding:4px 8px;border:1px solid var(--border);border-radius:8px;background:var(--chip)}
.top nav{display:flex;gap:16px;margin-left:auto} .top nav a{white-space:nowrap}
.repo-head{background:linear-gradient(var(--chip),var(--bg));border-bottom:1px solid var(--border)}
.repo-head h1{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0;padding:16px 0 8px;font-size:20px}
.tags{display:flex;flex-wrap:wrap;gap:6px;padding-bottom:12px} .tags a{padding:0 8px;border:1px solid var(--border);border-radius:6px;font-size:13px}
.tabs{display:flex;flex-wrap:wrap;gap:4px;align-items:center} .tabs a{padding:8px 12px} .tabs .right{margin-left:auto;display:flex;gap:8px}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:24px;padding:16px 0}
@media (min-width:1024px){.layout{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}}
.side section{border:1px solid var(--border);border-radius:8px;padding:12px;margin-bottom:16px} .side h2{font-size:14px;margin:0 0 8px}
.side a{display:block} .app{border:1px solid var(--border);border-radius:8px;padding:24px;display:grid;gap:12px}
.app input{padding:8px;border:1px solid var(--border);border-radius:8px}
@media (max-width:767px){.top nav a:nth-child(n+3){display:none}}
`;

const TOP = `<header class="top"><div class="container"><a href="/" aria-label="Hugging Face">🤗 <strong>Hugging Face</strong></a>
<input type="search" aria-label="Search models, datasets, users" placeholder="Search models, datasets, users...">
<nav><a href="/models">Models</a><a href="/datasets">Datasets</a><a href="/spaces">Spaces</a><a href="/docs">Docs</a>
<a href="/enterprise">Enterprise</a><a href="/pricing">Pricing</a><a href="/login">Log In</a><a class="btn" href="/join">Sign Up</a></nav></div></header>`;

type RepoKind = 'model' | 'dataset' | 'space';

function repoHead(kind: RepoKind, namespace: string, name: string): string {
  const prefix = kind === 'model' ? '' : `/${kind}s`;
  const use =
    kind === 'model'
      ? '<button class="btn">Deploy ▾</button><button class="btn">Use this model ▾</button>'
      : kind === 'dataset'
        ? '<button class="btn">Use this dataset ▾</button>'
        : '<button class="btn">Duplicate this Space</button>';
  const tabs =
    kind === 'space'
      ? ['App', 'Files', 'Community 4']
      : [kind === 'model' ? 'Model card' : 'Dataset card', 'Files and versions', 'Community 12'];
  return `<div class="repo-head"><div class="container"><h1><span>${kind === 'space' ? 'Space:' : ''}</span>
<a href="/${namespace}">${namespace}</a>/<a href="${prefix}/${namespace}/${name}">${name}</a>
<button class="btn" aria-label="Copy ${kind} name to clipboard">⧉</button><button class="btn">♡ like 321</button>
<button class="btn">Follow ${namespace}</button></h1>
<div class="tags"><a href="/models?pipeline_tag=text-generation">Text Generation</a><a href="/models?library=transformers">Transformers</a>
<a href="/models?language=zh">Chinese</a><a href="/models?license=apache-2.0">apache-2.0</a></div>
<nav class="tabs">${tabs.map((tab) => `<a href="${prefix}/${namespace}/${name}/${tab.split(' ')[0]?.toLowerCase()}">${tab}</a>`).join('')}
<span class="right">${use}</span></nav></div></div>`;
}

function side(kind: RepoKind): string {
  return `<aside class="side"><section><h2>Downloads last month</h2><strong>1,234,567</strong></section>
<section><h2>${kind === 'model' ? 'Inference Providers' : 'Size of the data'}</h2><a href="/docs/inference">Learn more</a>
<button class="btn">View code snippets</button></section><section><h2>${kind === 'model' ? 'Model tree' : 'Models trained on this'}</h2>
<a href="/lens-org/base">lens-org/base</a><a href="/models?other=finetune">12 finetunes</a></section></aside>`;
}

export function huggingfaceRepoPage(
  kind: RepoKind,
  namespace: string,
  name: string,
  theme: PageTheme,
): string {
  const main =
    kind === 'space'
      ? `<div class="app"><h2>${name}</h2><label>Prompt <input aria-label="Prompt" value="Write a haiku"></label>
<button class="btn">Submit</button><button class="btn">Clear</button><a href="/spaces/${namespace}/${name}/blob/main/app.py">app.py</a></div>`
      : `<article><h2>${name}</h2>${filler('What this repository holds and how to use it.', 16)}</article>`;
  const body = `${TOP}${repoHead(kind, namespace, name)}<main class="container"><div class="layout"><div>${main}</div>${side(kind)}</div></main>`;
  return sitePage({
    title: `${namespace}/${name}`,
    css: CSS,
    body,
    htmlAttributes: theme === 'dark' ? 'class="dark"' : '',
  });
}

export function huggingfacePaperPage(paperId: string, theme: PageTheme): string {
  const authors = ['Ada Lin', 'Kai Mei', 'Sam Ort']
    .map((name) => `<a href="/${name.split(' ')[0]?.toLowerCase()}">${name}</a>`)
    .join(', ');
  const body = `${TOP}<main class="container"><div class="layout"><article><p><a href="/papers">Papers</a> · arxiv:${paperId}</p>
<h1>Agents that correct each other</h1><p>${authors}</p><p><button class="btn">▲ Upvote 87</button>
<a class="btn" href="https://arxiv.org/abs/${paperId}">View arXiv page</a> <a class="btn" href="https://arxiv.org/pdf/${paperId}">View PDF</a>
<button class="btn">Add to collection</button></p><h2>Abstract</h2>${filler('We measure how agents catch each other’s mistakes.', 10)}</article>
<aside class="side"><section><h2>Models citing this paper 3</h2><a href="/lens-org/coder">lens-org/coder</a></section>
<section><h2>Datasets citing this paper 1</h2><a href="/datasets/lens-org/cjk-set">lens-org/cjk-set</a></section>
<section><h2>Spaces citing this paper 2</h2><a href="/spaces/lens-org/demo">lens-org/demo</a></section></aside></div></main>`;
  return sitePage({
    title: `Paper ${paperId}`,
    css: CSS,
    body,
    htmlAttributes: theme === 'dark' ? 'class="dark"' : '',
  });
}
