/**
 * The lean run (issue 6) against the full one on the sample projects: the same roster users, record
 * outcomes, header, stats and conflicts, whatever the chunk size files are read in; run.ndjson made a
 * slice of users at a time equals snapshotOf over the whole roster.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../core/history';
import { runPipeline, runPipelineLean } from '../../../core/pipeline';
import { chunkedInput } from '../../../core/load/stream/input';
import { readInputs, readProjectFile, openInputs } from '../../../electron/node/project-files';
import { leanSnapshot } from '../../../electron/cli/lean-snapshot';

const ROOT = join(__dirname, '../../..');

describe.each(['project.json', 'project-week2.json'])('lean run of examples/acme/%s', (name) => {
  it('gives what runPipeline gives, row for row', async () => {
    const projectFile = await readProjectFile(join(ROOT, 'examples/acme', name));
    const inputs = await readInputs(projectFile);
    const full = await runPipeline(inputs, projectFile.project, { today: '2026-11-20' });
    for (const chunk of [977, 1 << 16]) {
      const lean = await runPipelineLean(inputs.map((f) => chunkedInput(f, chunk)), projectFile.project, { today: '2026-11-20' });
      const { roster, records, ...header } = full;
      expect(lean.result).toEqual(header);
      expect(JSON.stringify(lean.result)).toBe(JSON.stringify(header));
      expect(lean.userCount).toBe(roster.length);
      expect(JSON.stringify([...lean.users()])).toBe(JSON.stringify(roster));
      expect(lean.recordCount).toBe(records.length);
      expect(JSON.stringify([...lean.recordRows()])).toBe(JSON.stringify(records.map(({ attributes: _a, raw: _r, ...row }) => row)));
      expect(leanSnapshot(lean, 97)).toEqual(snapshotOf(full));
    }
  });

  it('reads the files from disk in chunks with the same result', async () => {
    const projectFile = await readProjectFile(join(ROOT, 'examples/acme', name));
    const full = await runPipeline(await readInputs(projectFile), projectFile.project, {});
    const lean = await runPipelineLean(await openInputs(projectFile), projectFile.project, {});
    expect(JSON.stringify(lean.result)).toBe(JSON.stringify((({ roster: _r, records: _x, ...h }) => h)(full)));
  });
});
