#!/usr/bin/env node
// The `roster-audit` command. Runs the built CLI (out/cli) when `npm run build` has made it, else the
// TypeScript sources through tsx (a dev dependency), so a fresh clone works after `npm ci`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../../out/cli/index.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./index.ts');
}
