import { defineConfig } from 'vitest/config';

/** One Vitest project per environment: core and Node code in node, the renderer in jsdom, e2e in node
 * driving Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/unit/core/**/*.test.ts', 'test/unit/examples/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/electron/**/*.test.ts'],
          setupFiles: ['test/setup/temp-dirs.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/renderer.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.spec.ts'],
          setupFiles: ['test/setup/temp-dirs.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
