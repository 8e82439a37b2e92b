// The built app is installable, private and offline-ready: checks on a fresh production build.
// Uses $NUDGE_DIST when set (npm test passes its one build); otherwise builds into a private temp dir first, so a
// stale or half-written dist/ from someone else never decides the result.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../vite.config.ts';
import { buildApp } from '../support/build.ts';
import { listFiles, parseCsp, pngSize, precacheUrls, tags } from '../support/dist-files.ts';

let dist = '';
let ownBuild = '';
let html = '';
let manifest: Record<string, any> = {};

beforeAll(() => {
  if (process.env.NUDGE_DIST) dist = process.env.NUDGE_DIST;
  else {
    ownBuild = mkdtempSync(join(tmpdir(), 'nudge-unit-dist-'));
    buildApp(ownBuild);
    dist = ownBuild;
  }
  html = readFileSync(join(dist, 'index.html'), 'utf8');
  manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
}, 120_000);

afterAll(() => {
  if (ownBuild) rmSync(ownBuild, { recursive: true, force: true });
});

const metas = () => tags(html, 'meta');
const links = () => tags(html, 'link');
const themeColors = () => metas().filter((m) => m.name === 'theme-color');
const builtCss = () =>
  listFiles(dist)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n')
    .toLowerCase();

describe('web manifest', () => {
  it('is linked relatively and names an installable standalone app scoped to its own folder', () => {
    expect(links().find((l) => l.rel === 'manifest')?.href).toBe('./manifest.webmanifest');
    expect(manifest.name).toMatch(/Nudge/);
    expect(manifest.short_name).toBe('Nudge');
    // iOS truncates home-screen names beyond about 12 characters.
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.display).toBe('standalone');
  });

  it('uses the same colours as the page: theme-color meta and the CSS background', () => {
    const light = themeColors().find((m) => m.media?.includes('light')) ?? themeColors()[0];
    expect(light?.content?.toLowerCase()).toBe(manifest.theme_color.toLowerCase());
    expect(builtCss()).toContain(manifest.background_color.toLowerCase());
    const dark = themeColors().find((m) => m.media?.includes('dark'));
    expect(dark, 'a dark theme-color').toBeDefined();
    expect(builtCss()).toContain(dark!.content.toLowerCase());
  });

  it('lists 192 and 512 icons plus a separate maskable one, each a PNG of the stated size on disk', () => {
    const icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> = manifest.icons;
    const any = icons.filter((i) => !i.purpose || i.purpose.split(' ').includes('any'));
    const maskable = icons.filter((i) => i.purpose?.split(' ').includes('maskable'));
    expect(any.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(maskable.length).toBeGreaterThan(0);
    // "Separate": a maskable icon must not double as the plain one (its safe-zone padding looks wrong there).
    expect(maskable.every((m) => !m.purpose!.includes('any') && !any.some((a) => a.src === m.src))).toBe(true);
    for (const icon of icons) {
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(icon.type).toBe('image/png');
      expect(pngSize(join(dist, icon.src)), icon.src).toEqual({ width: w, height: h });
    }
  });
});

describe('index.html', () => {
  it('has the iOS home-screen essentials: touch icon 180x180, status bar style, title, viewport-fit=cover', () => {
    const touch = links().find((l) => l.rel === 'apple-touch-icon');
    expect(touch?.href).toBe('./apple-touch-icon-180x180.png');
    expect(pngSize(join(dist, touch!.href))).toEqual({ width: 180, height: 180 });
    const meta = (name: string) => metas().find((m) => m.name === name)?.content;
    expect(meta('apple-mobile-web-app-status-bar-style')).toBe('black-translucent');
    expect(meta('apple-mobile-web-app-title')).toBe(manifest.short_name);
    expect(meta('viewport')).toMatch(/viewport-fit=cover/);
    expect(themeColors().length).toBeGreaterThanOrEqual(1);
  });

  it('has Apple splash screens whose files exist and match the screen each media query targets', () => {
    const splash = links().filter((l) => l.rel === 'apple-touch-startup-image');
    expect(splash.length).toBeGreaterThanOrEqual(10);
    for (const link of splash) {
      const m = link.media.match(
        new RegExp(
          String.raw`device-width: (\d+)px\) and \(device-height: (\d+)px\) and ` +
            String.raw`\(-webkit-device-pixel-ratio: (\d+)\) and \(orientation: (\w+)\)`,
        ),
      );
      expect(m, link.media).not.toBeNull();
      const [w, h, dpr] = [Number(m![1]), Number(m![2]), Number(m![3])];
      const expected = m![4] === 'portrait' ? { width: w * dpr, height: h * dpr } : { width: h * dpr, height: w * dpr };
      expect(pngSize(join(dist, link.href)), link.href).toEqual(expected);
    }
  });

  it('refers to everything relatively, so the build works from any sub-path', () => {
    const refs = [...tags(html, 'script').map((s) => s.src), ...links().map((l) => l.href)].filter(Boolean);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^\.\//);
      expect(existsSync(join(dist, ref)), `${ref} exists`).toBe(true);
    }
  });

  it('carries the strict CSP right after <meta charset>, and has no inline script to need anything looser', () => {
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head).toMatch(/^<head>\s*<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy"/);
    const content = metas().find((m) => m['http-equiv'] === 'Content-Security-Policy')?.content ?? '';
    expect(content).toBe(CSP);
    // Spelled out, so loosening vite.config.ts's CSP fails here: only 'wasm-unsafe-eval' was ever added.
    expect(content).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'",
    );
    const csp = parseCsp(content);
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
    // The app's own scripts, and WebAssembly for the Loop database import (sql.js): nothing else.
    expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:']) {
      expect(scriptSrc, `script-src must not allow ${loose}`).not.toContain(loose);
    }
    for (const [name, values] of csp) {
      if (name !== 'script-src') expect(values, `${name} must not allow wasm`).not.toContain("'wasm-unsafe-eval'");
    }
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(tags(html, 'script').every((s) => s.src)).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
  });
});

describe('service worker precache', () => {
  it('holds index.html and every JS/CSS file of the build, but not the service worker itself', () => {
    const urls = precacheUrls(readFileSync(join(dist, 'sw.js'), 'utf8'));
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    const code = listFiles(dist).filter((f) => /\.(js|css|wasm)$/.test(f) && f !== 'sw.js');
    // sql.js's WebAssembly, from the app's own origin, so a Loop database import works offline.
    expect(code.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    expect(code.length).toBeGreaterThan(0);
    expect(urls).toEqual(expect.arrayContaining(code));
    expect(urls).not.toContain('sw.js');
    expect(new Set(urls).size, 'no duplicate entries').toBe(urls.length);
    for (const url of urls) expect(existsSync(join(dist, url)), `${url} exists`).toBe(true);
    // Splash screens are read by iOS at install time; precaching them would only slow every install.
    expect(urls.filter((u) => u.startsWith('apple-splash-'))).toEqual([]);
  });
});

describe('bundle', () => {
  it('contains no eval or new Function anywhere (the CSP forbids them; nothing must need them)', () => {
    const js = listFiles(dist).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    const offenders = js.filter((f) => /\beval\s*\(|\bnew\s+Function\s*\(/.test(readFileSync(join(dist, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
