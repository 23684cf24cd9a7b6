// Entry of a worker thread that prepares one source (electron/node/prepare-pool.ts). Worker threads do not
// inherit the parent's TypeScript loader, so this plain module registers tsx (a dev dependency the CLI
// already runs on, see electron/cli/bin.mjs) before loading the TypeScript worker.
const { register } = await import('tsx/esm/api');
register();
await import('./prepare-worker.ts');
