/**
 * Large runs for the end-to-end cases that need them (ROSTER_AUDIT_E2E_LARGE): bundles large-run-page.ts
 * with Vite and evaluates it in the page, where it writes through the app's own repository. (Evaluated
 * over the DevTools protocol, which the page's CSP does not apply to; the app itself runs no such code.)
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';

export interface LargeRunHelpers {
  cloneIntoLargeRun(users: number): Promise<void>;
  cloneComparedRuns(users: number): Promise<{ removed: number; added: number; moved: number }>;
}

let bundled: string | undefined;

/** Defines `window.rosterAuditLarge` (LargeRunHelpers) in the page. */
export async function injectLargeRunHelpers(page: Page): Promise<void> {
  if (!bundled) {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./large-run-page.ts', import.meta.url)), formats: ['iife'], name: 'rosterAuditLarge' },
      },
    })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
    const chunk = (Array.isArray(output) ? output[0] : output).output[0];
    bundled = `(() => { ${chunk.code}; globalThis.rosterAuditLarge = rosterAuditLarge; })()`;
  }
  await page.evaluate(bundled);
}

type Helpers = Window & { rosterAuditLarge: LargeRunHelpers };

export const cloneIntoLargeRun = (page: Page, users: number): Promise<void> => page.evaluate((n) => (window as unknown as Helpers).rosterAuditLarge.cloneIntoLargeRun(n), users);

export const cloneComparedRuns = (page: Page, users: number): Promise<{ removed: number; added: number; moved: number }> =>
  page.evaluate((n) => (window as unknown as Helpers).rosterAuditLarge.cloneComparedRuns(n), users);
