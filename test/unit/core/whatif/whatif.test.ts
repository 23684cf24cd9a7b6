import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { applyToggles, whatIf } from '../../../../core/whatif/whatif';
import type { RunResult } from '../../../../core/types';

const dir = resolve(__dirname, '../../../../examples/acme');
const project = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'));
const inputs = () => project.sources.map((s: { id: string; files: string[] }) => ({ source: s.id, name: s.files[0], bytes: new Uint8Array(readFileSync(join(dir, s.files[0]))) }));
let run: RunResult;

beforeAll(async () => {
  run = await runPipeline(inputs(), project, { keepRaw: true });
});

describe('whatIf', () => {
  it('changes nothing when nothing is toggled', () => {
    const w = whatIf(run, []);
    expect(w.after).toEqual(run.stats);
    expect(w.added).toEqual([]);
  });

  it('switching a rule off gives the same counts as a full run without it', async () => {
    const toggles = [{ source: 'workday', rule: 'terminated', enabled: false }];
    const w = whatIf(run, toggles);
    const full = await runPipeline(inputs(), applyToggles(run.config, toggles));
    expect(w.after).toEqual(full.stats);
    expect(w.added).toHaveLength(full.stats.users - run.stats.users);
    expect(w.added.length).toBeGreaterThan(0);
  });

  it('switching a disabled rule on gives the same counts as a full run with it', async () => {
    const withOff = applyToggles(run.config, [{ source: 'slack', rule: 'deleted', enabled: false }]);
    const base = await runPipeline(inputs(), withOff, { keepRaw: true });
    const w = whatIf(base, [{ source: 'slack', rule: 'deleted', enabled: true }]);
    expect(w.after).toEqual(run.stats);
    expect(w.issues).toEqual([]);
  });
});
