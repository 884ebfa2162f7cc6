/**
 * An HTTPS server on 127.0.0.1 that stands in for the real hosts. Chromium is started with host-resolver rules that
 * send those hosts here, so feeds and pages come from fixtures from the very first request (no race with the
 * service worker's install-time sync, which `context.route` would lose).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { datedUrl, digestMarkdown, type FixtureDigest, HOMEPAGE_URL } from '../fixtures/digest-builder';

export const MAPPED_HOSTS = [
  'static.zou8944.com',
  'raw.githubusercontent.com',
  'x.com',
  'twitter.com',
  'mobile.twitter.com',
  'mobile.x.com',
  'github.com',
  'huggingface.co',
  'fixtures.test',
  // Sites the all-sites option reaches (tests/e2e/all-sites.e2e.test.ts): a paper, an article, a list, an unrelated site.
  'arxiv.org',
  'en.wikipedia.org',
  'news.ycombinator.com',
  'unrelated.example',
] as const;

export interface FixtureResponse {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow source). */
  delayMs?: number;
}

export interface FixtureRequest {
  url: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export type FixtureHandler = (
  url: URL,
  request: FixtureRequest,
) => FixtureResponse | undefined | Promise<FixtureResponse | undefined>;

const tlsDir = new URL('./tls/', import.meta.url);

export class FixtureServer {
  /** Every request received, in order. */
  readonly requests: FixtureRequest[] = [];
  private readonly responses = new Map<string, FixtureResponse>();
  private handler: FixtureHandler | undefined;
  private server: Server | undefined;
  port = 0;

  /** Answer `url` (exact, with or without its query) with `response`; replaces an earlier answer. */
  set(url: string, response: FixtureResponse): this {
    this.responses.set(url, response);
    return this;
  }

  /** An HTML page at `url`. */
  page(url: string, html: string): this {
    return this.set(url, { body: html, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }

  /** The default sources' documents: each digest at its dated URL, the first (the newest) also on the homepage. */
  publish(digests: readonly FixtureDigest[]): this {
    for (const digest of digests) this.set(datedUrl(digest.date), { body: digestMarkdown(digest) });
    const [newest] = digests;
    return newest ? this.set(HOMEPAGE_URL, { body: digestMarkdown(newest) }) : this;
  }

  /** Remove every fixed answer for URLs starting with `prefix`. */
  clear(prefix = ''): this {
    for (const url of [...this.responses.keys()]) if (url.startsWith(prefix)) this.responses.delete(url);
    return this;
  }

  /** Consulted when no fixed answer matches. */
  setHandler(handler: FixtureHandler | undefined): this {
    this.handler = handler;
    return this;
  }

  /** The requested URLs that start with `prefix`. */
  requested(prefix = ''): string[] {
    return this.requests.map((request) => request.url).filter((url) => url.startsWith(prefix));
  }

  async start(): Promise<this> {
    const server = createServer({
      cert: readFileSync(new URL('cert.pem', tlsDir)),
      key: readFileSync(new URL('key.pem', tlsDir)),
    });
    server.on('request', async (req, res) => {
      const url = new URL(req.url ?? '/', `https://${req.headers.host?.replace(/:\d+$/, '') ?? 'localhost'}`);
      const request: FixtureRequest = { url: url.href, method: req.method ?? 'GET', headers: req.headers };
      this.requests.push(request);
      let response: FixtureResponse | undefined;
      try {
        response =
          this.responses.get(url.href) ??
          this.responses.get(`${url.origin}${url.pathname}`) ??
          (await this.handler?.(url, request));
      } catch (error) {
        response = { status: 500, body: String(error) };
      }
      response ??= { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } };
      if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
      if (res.destroyed) return;
      res.writeHead(response.status ?? 200, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...response.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : response.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** The Chromium flag that sends every mapped host to this server. */
  hostResolverRules(): string {
    return MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${this.port}`).join(', ');
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
