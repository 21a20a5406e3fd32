import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser UI. Everything is bundled (d3, styles, no web fonts): the app
 * works offline and under the server's Content-Security-Policy (no inline
 * scripts; the built index.html only references /assets/*).
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Vite's modulepreload polyfill would be inlined into index.html; modern chromium does not need it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  // The network's layout worker (charts/network-layout.worker.ts) is its own module file under
  // /assets, never a blob: or data: URL, so `script-src 'self'` covers it.
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
