import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserOpener, FALLBACK_LINE, findElectronBinary } from '../../../electron/launch/runtime.mjs';
import { tempDir } from '../../support/temp-dir';

function fakeRepo(options: { pathTxt?: string; binary?: boolean }): string {
  const root = tempDir('ra-launch-');
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  if (options.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary) {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'dist', options.pathTxt ?? 'electron'), '');
  }
  return root;
}

describe('npm start: finding the Electron runtime without downloading it', () => {
  it('finds the binary path.txt names in dist/', () => {
    const root = fakeRepo({ pathTxt: 'electron', binary: true });
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });
  it('reports none when dist/ is missing (the offline install of this machine)', () => {
    expect(findElectronBinary(fakeRepo({ pathTxt: 'electron' }), {})).toBeNull();
  });
  it('reports none when the package never ran its install step', () => {
    expect(findElectronBinary(fakeRepo({}), {})).toBeNull();
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeRepo({ pathTxt: 'electron', binary: true });
    const dist = join(root, 'node_modules', 'electron', 'dist');
    expect(findElectronBinary(fakeRepo({ pathTxt: 'electron' }), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(join(dist, 'electron'));
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' })).toBeNull();
  });
  it('says what it does instead in one line', () => {
    const line = FALLBACK_LINE('http://localhost:5173/');
    expect(line).not.toContain('\n');
    expect(line).toContain('http://localhost:5173/');
    expect(browserOpener('linux')?.command).toBe('xdg-open');
    expect(browserOpener('darwin')?.command).toBe('open');
  });
});
