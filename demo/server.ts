/**
 * Tiny server for the demo pages. Works as a plain server (origin-form request
 * + Host header of a demo host) and as an HTTP forward proxy (absolute-form
 * request lines, as sent by Chromium with --proxy-server). Anything it does not
 * know gets a 404; CONNECT (https tunnels) gets a 403 and the socket is closed.
 * Every request is recorded as "METHOD URL" (CONNECT: "CONNECT host:port").
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageFor, urlKey } from './sites.js';

export interface DemoServer {
  port: number;
  origin: string;
  requests: string[];
  /**
   * Serve `html` at `url` (matched like pageFor); overrides built-in pages. Options (for the
   * dataset manager's tests): another content type (`null`: no Content-Type header), and a delay
   * before the answer.
   */
  addPage(url: string, html: string, options?: PageOptions): void;
  /** Answer `url` with a redirect to `location` (any scheme). */
  addRedirect(url: string, location: string, status?: number): void;
  /** The HTML served at `url`, if any (used by browser request routing). */
  pageHtml(url: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface PageOptions {
  contentType?: string | null;
  delayMs?: number;
}

interface Extra {
  body: string;
  contentType: string | null;
  delayMs: number;
  redirect?: { location: string; status: number };
}

const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));

function fullUrl(req: IncomingMessage, fallbackHost: string): string {
  const target = req.url ?? '/';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target; // proxy, absolute-form
  const host = req.headers.host ?? fallbackHost;
  return `http://${host}${target.startsWith('/') ? target : `/${target}`}`;
}

export async function startDemoServer(opts: { port?: number } = {}): Promise<DemoServer> {
  const requests: string[] = [];
  const extra = new Map<string, Extra>();
  const sockets = new Set<Socket | Duplex>();
  let origin = '';

  async function lookup(url: string): Promise<string | undefined> {
    const key = urlKey(url);
    if (key === undefined) return undefined;
    const added = extra.get(key);
    if (added !== undefined) return added.body;
    const page = pageFor(url);
    return page ? readFile(join(PAGES_DIR, page.file), 'utf8') : undefined;
  }

  function send(res: ServerResponse, status: number, type: string | null, body: string, head: boolean, more: Record<string, string> = {}): void {
    const buf = Buffer.from(body, 'utf8');
    res.writeHead(status, {
      ...(type === null ? {} : { 'content-type': type }),
      'content-length': buf.length,
      'cache-control': 'no-store',
      ...more,
    });
    res.end(head ? undefined : buf);
  }

  function sendExtra(res: ServerResponse, page: Extra, head: boolean): void {
    const answer = () => {
      if (res.destroyed) return;
      if (page.redirect) send(res, page.redirect.status, 'text/plain; charset=utf-8', '', head, { location: page.redirect.location });
      else send(res, 200, page.contentType, page.body, head);
    };
    if (page.delayMs > 0) setTimeout(answer, page.delayMs).unref();
    else answer();
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = fullUrl(req, origin.replace(/^http:\/\//, ''));
    requests.push(`${method} ${url}`);
    const head = method === 'HEAD';
    if (method !== 'GET' && !head) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found\n', false);
      return;
    }
    const key = urlKey(url);
    const page = key === undefined ? undefined : extra.get(key);
    if (page) {
      sendExtra(res, page, head);
      return;
    }
    lookup(url).then(
      (html) => {
        if (html === undefined) send(res, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
        else send(res, 200, 'text/html; charset=utf-8', html, head);
      },
      (err: unknown) => send(res, 500, 'text/plain; charset=utf-8', `Error: ${String(err)}\n`, head),
    );
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    requests,
    pageHtml: lookup,
    addPage(url: string, html: string, options: PageOptions = {}): void {
      const key = urlKey(url);
      if (key === undefined) throw new Error(`addPage: invalid URL ${url}`);
      const contentType = options.contentType === undefined ? 'text/html; charset=utf-8' : options.contentType;
      extra.set(key, { body: html, contentType, delayMs: options.delayMs ?? 0 });
    },
    addRedirect(url: string, location: string, status = 302): void {
      const key = urlKey(url);
      if (key === undefined) throw new Error(`addRedirect: invalid URL ${url}`);
      extra.set(key, { body: '', contentType: null, delayMs: 0, redirect: { location, status } });
    },
    close(): Promise<void> {
      return new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
  };
}
