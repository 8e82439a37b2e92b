import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import basicSsl from '@vitejs/plugin-basic-ssl';
import { readFileSync } from 'node:fs';

/**
 * The Content-Security-Policy of the built page; README "Deploy" repeats it as a header (plus frame-ancestors,
 * which only works as a header). No 'unsafe-inline' and no eval. 'wasm-unsafe-eval' is the one addition: it lets
 * the page compile WebAssembly, which the Loop database import needs (sql.js, the app's own .wasm asset); it
 * allows no JavaScript eval.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Only the build gets the CSP: the dev server injects inline styles for hot reload. It goes right after
// <meta charset> so it governs everything that follows and the charset stays first.
function cspMeta(): Plugin {
  return {
    name: 'nudge-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html))
          throw new Error('nudge-csp-meta: index.html needs <meta charset="UTF-8" /> to place the CSP after');
        return html.replace(
          charset,
          (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        );
      },
    },
  };
}

/** Where `npm run preview:https` keeps its self-signed certificate (README: trying it on a phone). */
export const HTTPS_CERT_DIR = '.cache/https';

// `--mode https`: a certificate the phone trusts when NUDGE_HTTPS_CERT/NUDGE_HTTPS_KEY name one (e.g. from
// mkcert, whose root the phone has installed) — service workers need a trusted one; else a self-signed one.
function httpsPreview(): PluginOption {
  const cert = process.env.NUDGE_HTTPS_CERT;
  const key = process.env.NUDGE_HTTPS_KEY;
  if (!cert || !key) return basicSsl({ certDir: HTTPS_CERT_DIR, name: 'nudge-preview' }) as PluginOption;
  return {
    name: 'nudge-https-cert',
    config: () => ({ preview: { https: { cert: readFileSync(cert), key: readFileSync(key) } } }),
  };
}

export default defineConfig(({ mode }) => ({
  // Relative base (and start_url/scope below): the build works from any host and any sub-path.
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  plugins: [
    mode === 'https' ? httpsPreview() : null,
    cspMeta(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already precaches the icons; listing them again would duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        id: './',
        name: 'Nudge — habits that learn',
        short_name: 'Nudge',
        description: 'A private habit tracker that learns on your device.',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f7f5f0',
        theme_color: '#2f6f5e',
        icons: [
          { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The plugin adds manifest.webmanifest itself; the .wasm (sql.js, for a Loop database import) is precached
        // so that import works offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,wasm}'],
        // iOS reads splash screens once, at "Add to Home Screen": precaching ~50 large PNGs would only slow installs.
        globIgnores: ['**/apple-splash-*.png'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false, type: 'module' },
    }),
  ],
}));
