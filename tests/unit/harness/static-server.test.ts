// The test server behaves like a correct static deploy, and "stopped" really means unreachable — the offline
// tests in both browser suites are only as honest as this.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCspMeta, startStaticServer, type StaticServer, withInitScript } from '../../support/static-server.ts';

const META_CSP = "default-src 'self'; script-src 'self'; object-src 'none'";
let root = '';
let server: StaticServer | null = null;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nudge-static-server-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="UTF-8" />\n' +
      `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" /><p>app</p>`,
  );
  writeFileSync(join(root, 'sw.js'), 'self.version = 1; self.files = ["assets/index-abc123.js"];');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};');
  writeFileSync(join(root, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'model.wasm'), Buffer.from([0, 97, 115, 109]));
});
afterEach(async () => {
  await server?.stop();
  server = null;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function get(url: string, agent?: Agent, rawPath?: string): Promise<Reply> {
  return new Promise((ok, fail) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server', () => {
  it('serves like the documented deploy: no-cache shell, immutable assets, CSP header, MIME types', async () => {
    server = await startStaticServer({ root });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const index = await get(server.url);
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toBe(`${META_CSP}; frame-ancestors 'none'`);
    const sw = await get(`${server.url}sw.js`);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(`${server.url}assets/index-abc123.js`)).headers['cache-control']).toMatch(/immutable/);
    expect((await get(`${server.url}manifest.webmanifest`)).headers['content-type']).toMatch(
      /^application\/manifest\+json/,
    );
    expect((await get(`${server.url}model.wasm`)).headers['content-type']).toBe('application/wasm');
  });

  it('falls back to index.html for app routes, 404s missing files, and never serves outside its root', async () => {
    server = await startStaticServer({ root });
    const route = await get(`${server.url}history/2026`);
    expect(route.status).toBe(200);
    expect(route.body).toContain('<p>app</p>');
    expect((await get(`${server.url}assets/missing.js`)).status).toBe(404);
    const traversal = await get(server.url, undefined, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
    expect([403, 404]).toContain(traversal.status);
    expect(server.requests).toContain('/history/2026');
  });

  it('stop() drops even kept-alive connections; restart() comes back on the same port', async () => {
    server = await startStaticServer({ root });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(server.url, agent)).status).toBe(200);
    const port = server.port;
    await server.stop(); // would hang here if the kept-alive socket were left open
    expect(server.running).toBe(false);
    await expect(get(server.url, agent)).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
    await server.restart();
    expect(server.port).toBe(port);
    expect((await get(server.url)).status).toBe(200);
    agent.destroy();
  });

  it('serves a byte-different sw.js after setSwSuffix, and the original after clearing it', async () => {
    server = await startStaticServer({ root });
    const original = (await get(`${server.url}sw.js`)).body;
    server.setSwSuffix('// v2');
    const newer = (await get(`${server.url}sw.js`)).body;
    expect(newer).not.toBe(original);
    expect(newer.startsWith(original)).toBe(true);
    server.setSwSuffix('');
    expect((await get(`${server.url}sw.js`)).body).toBe(original);
  });

  it('setInitScript names a same-origin script first in every page and serves it; null removes both', async () => {
    server = await startStaticServer({ root });
    const plain = (await get(server.url)).body;
    expect((await get(`${server.url}__test-init.js`)).status).toBe(404);
    server.setInitScript('window.__early = 1;');
    for (const page of [server.url, `${server.url}some/route`]) {
      const body = (await get(page)).body;
      expect(body).toBe(plain.replace(/^<!doctype html>/, '$&<script src="/__test-init.js"></script>'));
    }
    const init = await get(`${server.url}__test-init.js`);
    expect([init.status, init.body, init.headers['content-type']]).toEqual([
      200,
      'window.__early = 1;',
      'text/javascript; charset=utf-8',
    ]);
    const app = '<script type="module" src="a.js"></script>';
    expect(withInitScript(`<html><head lang="en">${app}</head></html>`)).toBe(
      `<html><head lang="en"><script src="/__test-init.js"></script>${app}</head></html>`,
    );
    server.setInitScript(null);
    expect((await get(server.url)).body).toBe(plain);
    expect((await get(`${server.url}__test-init.js`)).status).toBe(404);
  });

  it('setWorkerPrelude sends module workers through a wrapper that imports the prelude first', async () => {
    server = await startStaticServer({ root });
    // The helper sends the path as given (it drops a URL's query otherwise).
    const wrapperFor = (src: string) => get(server!.url, undefined, `/__test-worker.js?src=${encodeURIComponent(src)}`);
    expect((await wrapperFor('/assets/index-abc123.js')).status).toBe(404);
    server.setWorkerPrelude('globalThis.__armed = 1;');
    expect((await get(server.url)).body).toContain('<script src="/__test-init.js"></script>');
    expect((await get(`${server.url}__test-init.js`)).body).toContain('/__test-worker.js');
    const wrapper = await wrapperFor('/assets/index-abc123.js');
    expect([wrapper.status, wrapper.body]).toEqual([
      200,
      'import "/__test-worker-prelude.js";\nimport "/assets/index-abc123.js";\n',
    ]);
    expect((await get(`${server.url}__test-worker-prelude.js`)).body).toBe('globalThis.__armed = 1;');
    for (const bad of ['https://example.com/x.js', '/assets/../../etc/passwd.js', '/a.js";alert(1)//.js'])
      expect((await wrapperFor(bad)).status).toBe(404);
    server.setWorkerPrelude(null);
    expect((await get(server.url)).body).not.toContain('__test-init.js');
    expect((await get(`${server.url}__test-worker-prelude.js`)).status).toBe(404);
  });

  it('renameAsset serves a rebuilt asset under its new name only, and names it in sw.js', async () => {
    server = await startStaticServer({ root });
    const bytes = (await get(`${server.url}assets/index-abc123.js`)).body;
    server.renameAsset('assets/index-abc123.js', 'assets/index-def456.js');
    expect((await get(`${server.url}assets/index-abc123.js`)).status).toBe(404);
    const moved = await get(`${server.url}assets/index-def456.js`);
    expect(moved.status).toBe(200);
    expect(moved.body).toBe(bytes);
    expect((await get(`${server.url}sw.js`)).body).toBe('self.version = 1; self.files = ["assets/index-def456.js"];');
    server.renameAsset(null);
    expect((await get(`${server.url}assets/index-abc123.js`)).status).toBe(200);
    expect((await get(`${server.url}assets/index-def456.js`)).status).toBe(404);
  });

  it('refuses a directory without a build, saying what to do', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nudge-empty-'));
    await expect(startStaticServer({ root: empty })).rejects.toThrow(/no index\.html.*build the app first/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('reads the CSP meta whichever quotes the build used', () => {
    expect(readCspMeta(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`)).toBe(
      "default-src 'self'",
    );
    expect(readCspMeta(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">`)).toBe(
      "default-src 'self'",
    );
    expect(readCspMeta('<meta charset="UTF-8">')).toBeNull();
  });
});
