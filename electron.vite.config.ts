/**
 * electron-vite, pointed at this repository's layout (STYLE.md 1): main electron/main/index.ts, the
 * pipeline worker electron/worker/pipeline-worker.ts (pulled in by main's `?modulePath` import), the
 * preload electron/preload/index.ts, the renderer renderer/index.html. Everything goes to out/.
 *
 * The preload is sandboxed, so it must be one self-contained CommonJS file: no chunks, no externalized
 * dependencies (electron-vite "isolated build"). Main and the worker bundle their dependencies too, so
 * the packaged app runs from out/ alone.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devServerCsp } from './vite.web.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devServerCsp()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
    server: { port: 5174, strictPort: false, host: 'localhost' },
  },
});
