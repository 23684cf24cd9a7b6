/**
 * The browser edition: the same renderer (root `renderer/`) served as static files. `npm run web` serves
 * it on localhost:5173, `npm run build:web` writes `dist-web/`. The bundled sample (examples/acme) is
 * served at `./sample/acme/` so the browser backend can fetch it from the page's own origin.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = import.meta.dirname;
/** The bundled sample; ROSTER_AUDIT_SAMPLE points a build at another project folder (tests). */
const SAMPLE_DIR = resolve(ROOT, process.env.ROSTER_AUDIT_SAMPLE ?? 'examples/acme');
const SAMPLE_URL = '/sample/acme/';

/** The sample's project files: the first export, and the next one when the sample has it (issue 5). */
const SAMPLE_PROJECTS = ['project.json', 'project-week2.json'];

/** The sample's project files plus every export file they name (week 2's live in another folder). */
function sampleFiles(): string[] {
  const projects = SAMPLE_PROJECTS.filter((name) => existsSync(join(SAMPLE_DIR, name)));
  const files = projects.flatMap((name) => (JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8')) as { sources: { files: string[] }[] }).sources.flatMap((s) => s.files));
  return [...projects, ...new Set(files)];
}

/** Serves examples/acme under /sample/acme/ in dev and copies it into the build. */
export function bundledSample(): Plugin {
  return {
    name: 'roster-audit:bundled-sample',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!url.startsWith(SAMPLE_URL)) return next();
        const file = normalize(join(SAMPLE_DIR, url.slice(SAMPLE_URL.length)));
        if (!file.startsWith(SAMPLE_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      if (!existsSync(join(SAMPLE_DIR, 'project.json'))) {
        this.warn(`${SAMPLE_DIR}/project.json is missing: the build has no bundled sample, and the first start will fail to open it.`);
        return;
      }
      for (const name of sampleFiles()) {
        this.emitFile({ type: 'asset', fileName: `sample/acme/${name}`, source: readFileSync(join(SAMPLE_DIR, name)) });
      }
    },
  };
}

/**
 * The dev server's React Fast Refresh preamble is an inline script and its HMR client opens a WebSocket;
 * the strict CSP in index.html would block both. Only the dev server relaxes it: builds keep it strict.
 */
export function devServerCsp(): Plugin {
  return {
    name: 'roster-audit:dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

export default defineConfig({
  root: resolve(ROOT, 'renderer'),
  // Relative asset URLs: the build works from any path, including file:// in a pinch.
  base: './',
  plugins: [react(), bundledSample(), devServerCsp()],
  build: { outDir: resolve(ROOT, 'dist-web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, host: 'localhost' },
});
