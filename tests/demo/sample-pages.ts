/**
 * Static stand-ins for a tweet, a GitHub repo and a Hugging Face model page, for the demo's screenshots. Each carries
 * its site's real theme marker: X paints the body's background, GitHub sets `data-color-mode` on `<html>`, Hugging
 * Face toggles `html.dark`. Everything is local: no images, no fonts, no scripts.
 */
export type PageTheme = 'light' | 'dark';

const FONT = `-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "Noto Sans CJK SC", sans-serif`;

function document(head: string, body: string, htmlAttributes = ''): string {
  return `<!doctype html><html lang="en" ${htmlAttributes}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>${body}</html>`;
}

/** X's three looks: light, Dim (#15202b) and Lights out (black, here `dark`). */
export type TweetTheme = PageTheme | 'dim';

const X_COLORS = {
  light: { bg: 'rgb(255, 255, 255)', text: '#0f1419', muted: '#536471', line: '#eff3f4', card: '#f7f9f9' },
  dim: { bg: 'rgb(21, 32, 43)', text: '#f7f9f9', muted: '#8b98a5', line: '#38444d', card: '#1e2732' },
  dark: { bg: 'rgb(0, 0, 0)', text: '#e7e9ea', muted: '#71767b', line: '#2f3336', card: '#16181c' },
};

export function tweetPage(theme: TweetTheme): string {
  const c = X_COLORS[theme];
  const nav = [
    'Home',
    'Explore',
    'Notifications',
    'Messages',
    'Grok',
    'Bookmarks',
    'Communities',
    'Profile',
    'More',
  ];
  const trends = [
    ['Technology · Trending', '#LongContext', '12.4K posts'],
    ['AI · Trending', 'Aurora-7B', '8,912 posts'],
    ['Trending in Tech', 'tinyserve', '2,301 posts'],
    ['Science · Trending', 'Needle in a haystack', '1,876 posts'],
  ];
  const style = `<style>
    body { margin: 0; background-color: ${c.bg}; color: ${c.text}; font: 15px/20px ${FONT}; }
    a { color: inherit; text-decoration: none; }
    .layout { display: flex; justify-content: center; min-height: 100vh; }
    .nav { width: 260px; padding: 8px 12px; display: flex; flex-direction: column; gap: 4px; }
    .logo { font: 700 30px/52px ${FONT}; padding: 0 12px; }
    .nav a { font-size: 20px; padding: 12px; border-radius: 999px; }
    .post-button { margin-top: 16px; background: ${theme === 'light' ? '#0f1419' : '#eff3f4'}; color: ${c.bg}; border-radius: 999px; text-align: center; font-weight: 700; padding: 15px; font-size: 17px; }
    .main { width: 600px; border-left: 1px solid ${c.line}; border-right: 1px solid ${c.line}; }
    .bar { display: flex; align-items: center; gap: 24px; padding: 0 16px; height: 53px; font: 700 20px ${FONT}; }
    .tweet { padding: 12px 16px; border-bottom: 1px solid ${c.line}; }
    .author { display: flex; gap: 8px; align-items: center; }
    .avatar { width: 40px; height: 40px; border-radius: 50%; background: linear-gradient(135deg, #7c3aed, #1d9bf0); }
    .name { font-weight: 700; } .muted { color: ${c.muted}; }
    .text { font-size: 17px; line-height: 24px; margin: 12px 0; white-space: pre-line; }
    .media { height: 220px; border-radius: 16px; border: 1px solid ${c.line}; background: ${c.card}; display: grid; place-items: center; color: ${c.muted}; }
    .meta { padding: 16px 0; border-bottom: 1px solid ${c.line}; }
    .stats { display: flex; gap: 20px; padding: 12px 0; border-bottom: 1px solid ${c.line}; }
    .reply { padding: 12px 16px; border-bottom: 1px solid ${c.line}; display: flex; gap: 8px; }
    .side { width: 350px; padding: 12px 24px; }
    .search { background: ${c.card}; border-radius: 999px; padding: 12px 20px; color: ${c.muted}; }
    .box { margin-top: 16px; border: 1px solid ${c.line}; border-radius: 16px; padding: 12px 16px; }
    .box h2 { font-size: 20px; margin: 0 0 8px; } .trend { padding: 10px 0; }
  </style>`;
  const body = `<body><div class="layout">
    <nav class="nav"><div class="logo">𝕏</div>${nav.map((item) => `<a href="#">${item}</a>`).join('')}<div class="post-button">Post</div></nav>
    <main class="main">
      <div class="bar"><span>←</span><span>Post</span></div>
      <article class="tweet">
        <div class="author"><div class="avatar"></div><div><div class="name">Mira Chen</div><div class="muted">@mira_chen_ml</div></div></div>
        <div class="text">New long-context retrieval results (thread)

We ran needle-in-a-haystack on 14 open models from 4K to 256K tokens. Most fall off a cliff after 64K; the two with chunked attention stay flat.

Eval scripts are open source. Please report the whole curve, not just the max context length.</div>
        <div class="media">[chart: retrieval accuracy vs. context length]</div>
        <div class="meta muted">9:41 AM · Feb 20, 2025 · <b style="color:${c.text}">48.2K</b> Views</div>
        <div class="stats"><span><b>212</b> <span class="muted">Reposts</span></span><span><b>64</b> <span class="muted">Quotes</span></span><span><b>1,508</b> <span class="muted">Likes</span></span><span><b>973</b> <span class="muted">Bookmarks</span></span></div>
      </article>
      <div class="reply"><div class="avatar" style="background:#00ba7c"></div><div><b>Sam Ortiz</b> <span class="muted">@samortiz · 2h</span><div>Great thread. Did you try the 128K variant of Aurora-7B?</div></div></div>
      <div class="reply"><div class="avatar" style="background:#f91880"></div><div><b>Lena K.</b> <span class="muted">@lenak_dev · 1h</span><div>The curve plot should be standard in every model card.</div></div></div>
    </main>
    <aside class="side"><div class="search">Search</div>
      <div class="box"><h2>What’s happening</h2>${trends.map(([kind, name, count]) => `<div class="trend"><div class="muted">${kind}</div><b>${name}</b><div class="muted">${count}</div></div>`).join('')}</div>
    </aside>
  </div></body>`;
  return document(`<title>Mira Chen on X: "New long-context retrieval results" / X</title>${style}`, body);
}

export function repoPage(theme: PageTheme): string {
  const style = `<style>
    html[data-color-mode="light"] { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --subtle: #f6f8fa; --link: #0969da; --header: #f6f8fa; --green: #1f883d; }
    html[data-color-mode="dark"] { --bg: #0d1117; --fg: #f0f6fc; --muted: #9198a1; --line: #3d444d; --subtle: #151b23; --link: #4493f8; --header: #010409; --green: #238636; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 ${FONT}; }
    a { color: var(--link); text-decoration: none; }
    header { background: var(--header); border-bottom: 1px solid var(--line); padding: 16px 32px 0; }
    .top { display: flex; align-items: center; gap: 12px; font-size: 16px; }
    .octo { width: 32px; height: 32px; border-radius: 50%; background: var(--fg); }
    .crumbs b { font-weight: 600; } .crumbs a { color: var(--fg); }
    .public { border: 1px solid var(--line); border-radius: 999px; padding: 0 7px; font-size: 12px; color: var(--muted); }
    .actions { margin-left: auto; display: flex; gap: 8px; font-size: 12px; }
    .tabs { display: flex; gap: 8px; margin-top: 16px; }
    .tabs span { padding: 8px 12px; color: var(--fg); }
    .tabs .selected { border-bottom: 2px solid #fd8c73; font-weight: 600; }
    .page { display: flex; gap: 24px; padding: 24px 32px; max-width: 1216px; }
    .files { flex: 1; min-width: 0; }
    .branch { display: flex; justify-content: space-between; margin-bottom: 16px; }
    .button { border: 1px solid var(--line); background: var(--subtle); border-radius: 6px; padding: 4px 12px; font-weight: 500; }
    .code-button { background: var(--green); color: #fff; border-color: transparent; }
    table { width: 100%; border: 1px solid var(--line); border-radius: 6px; border-collapse: separate; border-spacing: 0; }
    td { padding: 8px 16px; border-top: 1px solid var(--line); } tr:first-child td { border-top: 0; background: var(--subtle); }
    td.muted, .muted { color: var(--muted); }
    .readme { margin-top: 16px; border: 1px solid var(--line); border-radius: 6px; padding: 16px 32px; }
    .readme h1 { border-bottom: 1px solid var(--line); padding-bottom: 8px; font-size: 28px; }
    pre { background: var(--subtle); padding: 16px; border-radius: 6px; }
    .about { width: 296px; flex: none; } .about h2 { font-size: 16px; }
    .icon { display: inline-block; width: 16px; height: 12px; margin-right: 8px; border-radius: 2px; background: #54aeff; vertical-align: -1px; }
    .topic { display: inline-block; background: color-mix(in srgb, var(--link) 15%, transparent); color: var(--link); border-radius: 999px; padding: 0 10px; margin: 2px; font-size: 12px; font-weight: 500; }
  </style>`;
  const rows = [
    ['aurora-labs', 'Release v0.3.0: speculative decoding', '2 days ago'],
    ['.github/workflows', 'ci: test on macOS arm64', 'last week'],
    ['crates/server', 'server: continuous batching for streams', '2 days ago'],
    ['crates/loader', 'loader: read safetensors shards lazily', 'last week'],
    ['examples', 'examples: OpenAI client in Python', '3 weeks ago'],
    ['Cargo.toml', 'bump version to 0.3.0', '2 days ago'],
    ['LICENSE', 'Initial commit', '3 months ago'],
    ['README.md', 'docs: benchmark table for 7B on CPU', '2 days ago'],
  ];
  const table = rows
    .map(([name, message, when], index) =>
      index === 0
        ? `<tr><td colspan="2"><b>${name}</b> <span class="muted">${message}</span></td><td class="muted" style="text-align:right">${when}</td></tr>`
        : `<tr><td><span class="icon"></span><a style="color:var(--fg)" href="#">${name}</a></td><td class="muted">${message}</td><td class="muted" style="text-align:right">${when}</td></tr>`,
    )
    .join('');
  const body = `<body><header>
      <div class="top"><div class="octo"></div><span class="crumbs"><a href="#">aurora-labs</a> / <b><a href="#">tinyserve</a></b></span><span class="public">Public</span><span class="actions"><span class="button">Watch 41</span><span class="button">Fork 213</span><span class="button">☆ Star 4.8k</span></span></div>
      <nav class="tabs"><span class="selected">Code</span><span>Issues 23</span><span>Pull requests 7</span><span>Discussions</span><span>Actions</span><span>Security</span><span>Insights</span></nav>
    </header>
    <div class="page"><div class="files">
      <div class="branch"><span class="button">main ▾</span><span><span class="button">Go to file</span> <span class="button code-button">Code ▾</span></span></div>
      <table>${table}</table>
      <article class="readme"><h1>tinyserve</h1>
        <p>A small, fast inference server in one binary. Loads GGUF and safetensors, speaks the OpenAI API, batches continuously and decodes speculatively.</p>
        <pre>cargo install tinyserve
tinyserve --model aurora-labs/Aurora-7B-Instruct --port 8080</pre>
        <p>On an 8-core laptop CPU a 7B model runs at about 20 tokens per second.</p></article>
    </div>
    <aside class="about"><h2>About</h2><p>Lightweight LLM inference server written in Rust.</p>
      <p><span class="topic">rust</span><span class="topic">llm</span><span class="topic">inference</span><span class="topic">gguf</span><span class="topic">openai-api</span></p>
      <p class="muted">Readme<br>Apache-2.0 license<br><b>4.8k</b> stars<br><b>41</b> watching<br><b>213</b> forks</p>
      <h2>Releases 9</h2><p><b>v0.3.0</b> <span class="topic">Latest</span><br><span class="muted">2 days ago</span></p>
    </aside></div></body>`;
  return document(
    `<title>GitHub - aurora-labs/tinyserve: Lightweight LLM inference server written in Rust</title>${style}`,
    body,
    `data-color-mode="${theme}" data-light-theme="light" data-dark-theme="dark"`,
  );
}

export function modelPage(theme: PageTheme): string {
  const style = `<style>
    html { --bg: #ffffff; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --subtle: #f9fafb; --chip: #f3f4f6; }
    html.dark { --bg: #0b0f19; --fg: #e5e7eb; --muted: #9ca3af; --line: #1f2937; --subtle: #111827; --chip: #1f2937; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.6 ${FONT}; }
    a { color: inherit; text-decoration: none; }
    header { display: flex; align-items: center; gap: 24px; padding: 0 32px; height: 64px; border-bottom: 1px solid var(--line); }
    .logo { font-weight: 700; font-size: 18px; display: flex; align-items: center; gap: 8px; } .hf { width: 28px; height: 28px; border-radius: 50%; background: #ffd21e; box-shadow: inset 0 -4px 0 #ff9d0b; } .search { flex: 0 0 320px; background: var(--subtle); border: 1px solid var(--line); border-radius: 8px; padding: 4px 12px; color: var(--muted); }
    header nav { display: flex; gap: 20px; color: var(--muted); }
    .title { padding: 24px 32px 0; background: linear-gradient(to top, var(--subtle), var(--bg)); border-bottom: 1px solid var(--line); }
    .title h1 { font-size: 20px; margin: 0; } .title h1 span { color: var(--muted); font-weight: 400; }
    .chips { margin: 12px 0; } .chip { display: inline-block; background: var(--chip); border-radius: 6px; padding: 1px 8px; margin: 2px; font-size: 13px; }
    .tabs { display: flex; gap: 24px; } .tabs span { padding: 8px 0; color: var(--muted); } .tabs .selected { color: var(--fg); border-bottom: 2px solid var(--fg); }
    .page { display: flex; gap: 32px; padding: 24px 32px; }
    .card { flex: 1; min-width: 0; } .card h2 { font-size: 22px; }
    table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: 4px 12px; text-align: left; }
    pre { background: var(--subtle); border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow-x: auto; }
    .title h1 .like { margin-left: 8px; font-size: 13px; color: var(--fg); border: 1px solid var(--line); border-radius: 8px; padding: 2px 8px; }
    .tabs .use { margin-left: auto; color: var(--fg); border: 1px solid var(--line); border-radius: 8px; padding: 4px 12px; margin-bottom: 6px; }
    .side { width: 320px; flex: none; } .stat { border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin-bottom: 12px; }
    .muted { color: var(--muted); }
  </style>`;
  const body = `<body><header><span class="logo"><span class="hf"></span>Hugging Face</span><span class="search">Search models, datasets, users…</span>
      <nav><span>Models</span><span>Datasets</span><span>Spaces</span><span>Docs</span><span>Pricing</span></nav></header>
    <section class="title"><h1><span>aurora-labs /</span> Aurora-7B-Instruct <span class="like">♡ like 1.2k</span> <span class="like">Follow aurora-labs</span></h1>
      <div class="chips"><span class="chip">Text Generation</span><span class="chip">Transformers</span><span class="chip">Safetensors</span><span class="chip">English</span><span class="chip">Chinese</span><span class="chip">conversational</span><span class="chip">License: apache-2.0</span></div>
      <nav class="tabs"><span class="selected">Model card</span><span>Files and versions</span><span>Community 18</span><span class="use">Use this model ▾</span></nav></section>
    <div class="page"><article class="card"><h2>Aurora-7B-Instruct</h2>
      <p>Aurora-7B-Instruct is a 7-billion-parameter instruction-tuned model with a 128K context window, trained for reasoning, coding and bilingual chat.</p>
      <table><tr><th>Benchmark</th><th>Aurora-7B-Instruct</th><th>Previous 13B</th></tr><tr><td>GSM8K</td><td>84.1</td><td>83.5</td></tr><tr><td>HumanEval</td><td>71.3</td><td>69.0</td></tr><tr><td>RULER 128K</td><td>78.6</td><td>—</td></tr></table>
      <h2>Quickstart</h2><pre>from transformers import pipeline
chat = pipeline("text-generation", model="aurora-labs/Aurora-7B-Instruct")
print(chat("Explain speculative decoding in one paragraph."))</pre></article>
    <aside class="side"><div class="stat"><div class="muted">Downloads last month</div><b style="font-size:22px">182,455</b></div>
      <div class="stat"><div class="muted">Model size</div><b>7.24B params</b> · Tensor type BF16</div>
      <div class="stat"><div class="muted">Inference Providers</div>Text Generation · 3 providers</div>
      <div class="stat"><div class="muted">Quantizations</div>12 models</div></aside></div></body>`;
  return document(
    `<title>aurora-labs/Aurora-7B-Instruct · Hugging Face</title>${style}`,
    body,
    theme === 'dark' ? 'class="dark"' : '',
  );
}
