/**
 * The e2e tests drive the built browser edition: build dist-web/ when it is missing or older than any
 * of its inputs (renderer/, core/, the sample, the build config), so `npm test` needs no separate step.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST_WEB = join(ROOT, 'dist-web');
/** The sample project folder the build bundles (ROSTER_AUDIT_SAMPLE, as in vite.web.config.ts). */
export const SAMPLE_DIR = process.env.ROSTER_AUDIT_SAMPLE ?? 'examples/acme';
const INPUTS = ['renderer', 'core', SAMPLE_DIR, 'vite.web.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Why the build is stale, or null when dist-web/ is up to date. */
export function staleReason(): string | null {
  const index = join(DIST_WEB, 'index.html');
  if (!existsSync(index)) return 'dist-web/index.html is missing';
  const bundled = join(DIST_WEB, 'sample/acme/project.json');
  const sample = join(ROOT, SAMPLE_DIR, 'project.json');
  if (existsSync(sample) && (!existsSync(bundled) || readFileSync(bundled, 'utf8') !== readFileSync(sample, 'utf8'))) {
    return `the bundled sample differs from ${SAMPLE_DIR}`;
  }
  const built = statSync(index).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > built);
  return changed ? `${changed} changed after the last build` : null;
}

/** Builds the browser edition if needed; a lock directory keeps parallel workers from building twice. */
export function ensureWebBuild(): void {
  if (!staleReason()) return;
  const lock = join(ROOT, 'node_modules/.cache/roster-audit-web-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      execFileSync('sleep', ['0.25']);
    }
  }
  try {
    // NODE_ENV: vitest sets it to "test", which would make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    if (staleReason()) execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
