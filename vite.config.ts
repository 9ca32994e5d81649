import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressDirectory } from './src/server/platform/http/precompress.ts';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The server serves only dist/web/index.html, /assets/* and /favicon.svg, under a CSP without
// inline scripts: everything built goes to assets/, and nothing is inlined as a script.
export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [
    react(),
    (() => {
      // Brotli and gzip copies of every asset, made once here rather than on each request, in the
      // folder this build writes (scripts/build-web-if-stale.mjs builds aside, then swaps it in).
      let written = outDir;
      return {
        name: 'tulay-precompress',
        apply: 'build' as const,
        configResolved(config: { build: { outDir: string } }) {
          written = config.build.outDir;
        },
        closeBundle() {
          const s = precompressDirectory(written);
          const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
          console.log(
            `precompressed ${s.files} files: ${kb(s.raw)} → br ${kb(s.brotli)}, gzip ${kb(s.gzip)}`,
          );
        },
      };
    })(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Small assets inlined as data: URLs would be fine for images, but keep fonts and scripts as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    // Mantine and React are one ~200 kB gzipped chunk; the language catalogs load on demand.
    chunkSizeWarningLimit: 1000,
    // Two entries: the staff app, and the public Get-help pages' own small script (it shares no
    // code with the staff app); the server finds the latter's hashed name in .vite/manifest.json.
    manifest: true,
    rolldownOptions: {
      input: { main: `${root}/index.html`, 'get-help': `${root}/get-help/main.ts` },
    },
  },
  server: {
    // `npm run dev:web` talks to a Tulay started separately on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
