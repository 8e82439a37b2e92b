/**
 * A tiny static HTTP server for the built app, shared by the Playwright and WebKit suites.
 *
 * Interface (stable; other suites rely on it):
 *   const server = await startStaticServer({ root: distDir() });   // port 0 = a free port
 *   server.url        -> 'http://127.0.0.1:PORT/'  (trailing slash; the app lives at the root)
 *   server.origin     -> 'http://127.0.0.1:PORT'
 *   await server.stop()     closes the listener AND every open socket, so the browser really sees it gone
 *   await server.restart()  listens again on the SAME port (same origin, so the same service worker scope)
 *   server.setSwSuffix(js)  appends `js` to sw.js so its bytes differ: the browser installs a new, waiting worker;
 *                           setSwSuffix('') serves the original again
 *   server.renameAsset(from, to)  a deploy that rebuilt one asset under a new name: `to` serves `from`'s bytes,
 *                           `from` answers 404, and sw.js's precache list names `to`; renameAsset(null) undoes it
 *   server.setInitScript(js)  every page runs `js` before the app's own scripts (a same-origin classic script at
 *                           /__test-init.js, named first in index.html, so the CSP allows it): how a test changes the
 *                           page's environment in any browser, WebDriver included; setInitScript(null) removes it
 *   server.setWorkerPrelude(js)  the app's module workers run `js` before their own code (pages then create each
 *                           worker through /__test-worker.js, a same-origin module importing the prelude and then
 *                           the worker): how a test arms a fault point in the trainer worker without Playwright
 *   server.requests         every request path served (for assertions); server.clearRequests()
 *
 * Behaviour: SPA fallback (unknown paths without a file extension get index.html), `Cache-Control: no-cache` for
 * sw.js and index.html (long cache for hashed assets, like a real deploy), the page's CSP also as a response
 * header (read from the built index.html's meta, plus frame-ancestors 'none'), correct MIME types including
 * .webmanifest and .wasm, and no directory escapes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the production build lives: $NUDGE_DIST when set (the e2e global setup builds to a temp dir), else dist/. */
export function distDir(): string {
  const fromEnv = process.env.NUDGE_DIST;
  return fromEnv ? resolve(fromEnv) : fileURLToPath(new URL('../../dist/', import.meta.url));
}

/** Options for startStaticServer; all optional. */
export interface StaticServerOptions {
  /** Directory to serve (default: distDir()). */
  root?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** CSP header value; default: the built page's CSP meta plus frame-ancestors 'none'; null sends none. */
  csp?: string | null;
}

/** A running (or stopped) static server; see the file header for the contract. */
export interface StaticServer {
  readonly root: string;
  readonly port: number;
  readonly origin: string;
  readonly url: string;
  readonly requests: readonly string[];
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  setSwSuffix(text: string): void;
  setInitScript(js: string | null): void;
  setWorkerPrelude(js: string | null): void;
  renameAsset(from: string, to: string): void;
  renameAsset(reset: null): void;
  clearRequests(): void;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The CSP meta of a built index.html, or null when there is none. */
export function readCspMeta(html: string): string | null {
  const tag = html.match(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  const quoted = tag?.match(/content=(?:"([^"]*)"|'([^']*)')/i);
  const content = quoted?.[1] ?? quoted?.[2];
  return content
    ? content
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    : null;
}

function headerCsp(root: string): string | null {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  const meta = readCspMeta(readFileSync(index, 'utf8'));
  // frame-ancestors is ignored in a meta tag, so only the header can carry it.
  return meta ? `${meta}; frame-ancestors 'none'` : null;
}

/** The path of the init script (setInitScript) and the tag naming it. */
const INIT_PATH = '/__test-init.js';
const INIT_TAG = `<script src="${INIT_PATH}"></script>`;
/** The worker wrapper and the prelude it imports first (setWorkerPrelude). */
const WORKER_PATH = '/__test-worker.js';
const PRELUDE_PATH = '/__test-worker-prelude.js';
// Page side of setWorkerPrelude: every module worker is created through the wrapper, which imports the prelude
// and then the worker's own file (same origin, so the CSP's worker-src 'self' allows it).
const WORKER_REDIRECT = `(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      const src = new URL(url, location.href).pathname;
      super(${JSON.stringify(WORKER_PATH)} + '?src=' + encodeURIComponent(src), options);
    }
  };
})();`;

/** `html` with the init script's tag first in its head (or first after the doctype when it has no head). */
export function withInitScript(html: string): string {
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${INIT_TAG}`);
  return html.replace(/^(<!doctype[^>]*>)?/i, (doctype) => `${doctype}${INIT_TAG}`);
}

/** Starts a static server over `root` (default distDir()) and resolves once it listens. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? distDir());
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`static-server: ${root} has no index.html — build the app first (npx vite build)`);
  }
  const host = options.host ?? '127.0.0.1';
  const csp = options.csp === undefined ? headerCsp(root) : options.csp;
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let swSuffix = '';
  let initScript: string | null = null;
  let workerPrelude: string | null = null;
  const pageScript = () =>
    initScript === null && workerPrelude === null
      ? null
      : [workerPrelude === null ? null : WORKER_REDIRECT, initScript].filter((x) => x !== null).join('\n');
  let renamed: { from: string; to: string } | null = null;
  let port = options.port ?? 0;
  let server: Server | null = null;

  function send(res: ServerResponse, status: number, body: Buffer | string, type: string, cache: string): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': cache,
      'X-Content-Type-Options': 'nosniff',
      ...(csp && type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (renamed && path === `/${renamed.from}`) {
      send(res, 404, `not found: ${path}`, MIME['.txt'], 'no-store');
      return;
    }
    if (renamed && path === `/${renamed.to}`) path = `/${renamed.from}`;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed', MIME['.txt'], 'no-store');
      return;
    }
    const test = testFile(path, new URL(req.url ?? '/', 'http://x').searchParams.get('src'));
    if (test !== undefined) {
      if (test === null) send(res, 404, `not found: ${path}`, MIME['.txt'], 'no-store');
      else send(res, 200, req.method === 'HEAD' ? '' : test, MIME['.js'], 'no-store');
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      send(res, 403, 'forbidden', MIME['.txt'], 'no-store');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      // SPA fallback only for page-like paths; a missing asset must 404 so broken builds show up.
      if (extname(path) !== '') {
        send(res, 404, `not found: ${path}`, MIME['.txt'], 'no-store');
        return;
      }
      file = join(root, 'index.html');
    }
    const ext = extname(file);
    const name = file
      .slice(root.length + 1)
      .split(sep)
      .join('/');
    let body: Buffer | string = readFileSync(file);
    if (name === 'sw.js' && renamed) body = body.toString('utf8').split(renamed.from).join(renamed.to);
    if (name === 'sw.js' && swSuffix) body = `${body.toString('utf8')}\n${swSuffix}\n`;
    if (name === 'index.html' && pageScript() !== null) body = withInitScript(body.toString('utf8'));
    const mutable = name === 'sw.js' || name === 'index.html' || ext === '.webmanifest';
    const cache = mutable
      ? 'no-cache'
      : name.startsWith('assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache';
    send(res, 200, req.method === 'HEAD' ? '' : body, MIME[ext] ?? 'application/octet-stream', cache);
  }

  /** The body of a test-only script at `path` (null: not set now), or undefined when `path` is not one. */
  function testFile(path: string, src: string | null): string | null | undefined {
    if (path === INIT_PATH) return pageScript();
    if (path === PRELUDE_PATH) return workerPrelude;
    if (path !== WORKER_PATH) return undefined;
    // Only the build's own files: the wrapper must not become a way to load anything else.
    if (workerPrelude === null || !src || !/^\/[\w./-]+\.js$/.test(src) || src.includes('..')) return null;
    return `import ${JSON.stringify(PRELUDE_PATH)};\nimport ${JSON.stringify(src)};\n`;
  }

  async function start(): Promise<void> {
    if (server) return;
    const s = createServer(handle);
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((ok, fail) => {
      s.once('error', fail);
      s.listen(port, host, () => {
        s.off('error', fail);
        ok();
      });
    });
    const address = s.address();
    if (address && typeof address === 'object') port = address.port;
    server = s;
  }

  async function stop(): Promise<void> {
    const s = server;
    if (!s) return;
    server = null;
    const closed = new Promise<void>((ok) => s.close(() => ok()));
    // Keep-alive sockets would let the browser keep talking to a "stopped" server.
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await closed;
  }

  await start();
  return {
    root,
    get port() {
      return port;
    },
    get origin() {
      return `http://${host}:${port}`;
    },
    get url() {
      return `http://${host}:${port}/`;
    },
    requests,
    get running() {
      return server !== null;
    },
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    setSwSuffix(text: string) {
      swSuffix = text;
    },
    setInitScript(js: string | null) {
      initScript = js;
    },
    setWorkerPrelude(js: string | null) {
      workerPrelude = js;
    },
    renameAsset(from: string | null, to?: string) {
      renamed = from === null || to === undefined ? null : { from, to };
    },
    clearRequests() {
      requests.length = 0;
    },
  };
}
