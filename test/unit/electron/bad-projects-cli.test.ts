/**
 * The project files of the bad-input corpus (test/fixtures/bad/project-*.json), run by the CLI as a user
 * runs it (issue 8): exit code 1, the message of expected.json on stderr with its fix, and no output
 * folder written.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_DIR, expected } from '../core/bad-cases';
import { tempDir } from '../../support/temp-dir';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'electron/cli/bin.mjs');

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root }, (error, _stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

/** A case's regular expression without its anchors, to find it inside the CLI's `error: … Fix: …` line. */
const unanchored = (source: string) => source.replace(/^\^/, '').replace(/\$$/, '');

const cases = Object.entries(expected.cases)
  .filter(([, c]) => c.kind === 'project')
  .map(([file, c]) => ({ file, ...c, ...c.cli }));

/** Runs the CLI on every case, four at a time (each is a Node process). */
async function runAll(): Promise<Map<string, { code: number; stderr: string; wroteOutput: boolean }>> {
  const results = new Map<string, { code: number; stderr: string; wroteOutput: boolean }>();
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const out = join(tempDir('ra-bad-'), 'out');
      const result = await cli(['run', join(BAD_DIR, c.file), '--out', out, '--quiet']);
      results.set(c.file, { ...result, wroteOutput: existsSync(out) });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return results;
}

describe('the CLI on the bad project files', () => {
  let results: Awaited<ReturnType<typeof runAll>> | undefined;
  const resultOf = async (file: string) => {
    results ??= await runAll();
    const result = results.get(file);
    if (!result) throw new Error(`no CLI result for ${file}`);
    return result;
  };

  it('has project cases', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  it.each(cases)('$file: exits 1 with the message and its fix, and writes nothing', async (c) => {
    const { code, stderr, wroteOutput } = await resultOf(c.file);
    expect(code, stderr).toBe(1);
    expect(stderr).not.toContain('internal error');
    // A message not anchored at its start (it names the project file) gets the path the CLI was given.
    expect(stderr).toMatch(new RegExp(`(^|\\n)error: ${c.message.startsWith('^') ? '' : '[^\\n]*'}${unanchored(c.message)}`));
    expect(stderr).toMatch(new RegExp(` Fix: [^\\n]*${unanchored(c.fix)}`));
    expect(wroteOutput).toBe(false);
  }, 120_000);
});
