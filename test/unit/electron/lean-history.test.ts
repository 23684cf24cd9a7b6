/**
 * `run --history` without the roster held whole (issue 6): the CLI's lean history (electron/cli/history-run.ts)
 * writes the roster.csv and report.json that the whole-roster path (core's recordRun over runPipeline)
 * gives, on the sample's two weeks, with leavers pending and, a window later, deleted and restored.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, encodeSnapshot, recordRun, type HistoryState } from '../../../core/history';
import { chunkedInput } from '../../../core/load/stream/input';
import { runPipeline, runPipelineLean } from '../../../core/pipeline';
import { rosterCsv } from '../../../core/export/tables';
import { runReport } from '../../../core/run/report';
import type { InputFile } from '../../../core/types';
import { trackHistory, writeRunSnapshot } from '../../../electron/cli/history-run';
import { writeLeanOutputs } from '../../../electron/node/run-outputs';
import { readInputs, readProjectFile } from '../../../electron/node/project-files';

const ROOT = join(__dirname, '../../..');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ra-lean-history-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function project(name: string) {
  const file = await readProjectFile(join(ROOT, 'examples/acme', name));
  return { file, inputs: await readInputs(file) };
}

describe('lean run --history', () => {
  it('writes the roster and report the whole-roster path gives, run after run', async () => {
    const week1 = await project('project.json');
    const week2 = await project('project-week2.json');
    const asOf2 = week2.file.project.asOf ?? '';
    const windowDays = week2.file.project.deletion.windowDays;
    // Week 1, week 2 (leavers pending), week 1's exports the next day (leavers back: restored; the
    // week-2 joiners pending), week 2 after a window (joiners back, leavers pending again), week 2 once
    // more a window later (the leavers deleted).
    const steps: [{ file: typeof week1.file; inputs: InputFile[] }, string][] = [
      [week1, week1.file.project.asOf ?? ''],
      [week2, asOf2],
      [week1, addDays(asOf2, 1)],
      [week2, addDays(asOf2, windowDays + 2)],
      [week2, addDays(asOf2, 2 * windowDays + 3)],
    ];
    const history = join(tmp, 'history');
    let state: HistoryState = { runs: [] };
    const lifecycles = new Set<string>();
    for (const [i, [{ file, inputs }, asOf]] of steps.entries()) {
      const options = { asOf, today: '2026-11-20' };
      const expected = recordRun(state, await runPipeline(inputs, file.project, options));
      state = expected.state;
      const lean = await runPipelineLean(
        inputs.map((f) => chunkedInput(f, 4096)),
        file.project,
        options,
      );
      const out = join(tmp, `out-${i}`);
      const snapshot = await writeRunSnapshot(out, lean);
      const tracked = await trackHistory(history, lean, snapshot, join(out, 'run.ndjson'));
      await writeLeanOutputs(out, lean, tracked);
      await tracked.commit();
      for (const user of expected.result.roster) lifecycles.add(user.lifecycle);
      expect(await readFile(join(out, 'roster.csv'), 'utf8'), `roster.csv of step ${i}`).toBe([...rosterCsv(file.project, expected.result.roster)].join(''));
      expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(runReport(expected.result))));
      const ndjson = [...encodeSnapshot(expected.snapshot)].join('');
      expect(await readFile(join(out, 'run.ndjson'), 'utf8')).toBe(ndjson);
      expect(await readFile(join(history, 'runs', `${expected.snapshot.id}.ndjson`), 'utf8')).toBe(ndjson);
    }
    // The steps reached every state a row can have, or the comparison above proved less than it says.
    expect([...lifecycles].sort()).toEqual(['active', 'deleted', 'pending-deletion', 'restored']);
  });
});
