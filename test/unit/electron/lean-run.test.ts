/**
 * The lean run (issue 6) against the full one on the sample projects: the same roster users, record
 * outcomes, header, stats and conflicts, whatever the chunk size files are read in; run.ndjson made a
 * slice of users at a time equals snapshotOf over the whole roster.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, snapshotOf } from '../../../core/history';
import { runPipeline, runPipelineLean } from '../../../core/pipeline';
import { chunkedInput } from '../../../core/load/stream/input';
import { readInputs, readProjectFile, openInputs } from '../../../electron/node/project-files';
import { writeLeanSnapshot } from '../../../electron/cli/lean-snapshot';

const ROOT = join(__dirname, '../../..');
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ra-lean-run-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('run.ndjson written a slice at a time', () => {
  it('is what encodeSnapshot writes for the whole roster, with columns that come and go between slices', async () => {
    const projectFile = await readProjectFile(join(ROOT, 'examples/acme/project.json'));
    const full = await runPipeline(await readInputs(projectFile), projectFile.project, { today: '2026-11-20' });
    // Users 250..499 gain an attribute the others lack (a column first seen in a later slice, nulls
    // before it); users 500..749 lose `department` (a column a slice lacks); a few change reason.
    const roster = full.roster.slice(0, 1000).map((user, i) => {
      const attributes = { ...user.attributes };
      if (i >= 250 && i < 500) attributes.badge_color = i % 3 === 0 ? null : `c${i % 7}`;
      if (i >= 500 && i < 750) delete attributes.department;
      return { ...user, attributes, enabledReason: i % 333 === 0 ? `reason ${i}` : user.enabledReason };
    });
    const { roster: _r, records: _x, ...header } = full;
    const whole = snapshotOf({ ...full, roster });
    for (const perLine of [1, 97, 250, 1000, 5000]) {
      const path = join(tmp, `slices-${perLine}.ndjson`);
      await writeLeanSnapshot({ result: header }, roster, path, perLine);
      const text = await readFile(path, 'utf8');
      expect(text, `${perLine} per line`).toBe([...encodeSnapshot(whole, perLine)].join(''));
      expect(decodeSnapshot(text)).toEqual(whole);
    }
    // No roster at all: the header and no column lines, as encodeSnapshot writes it.
    const path = join(tmp, 'empty.ndjson');
    await writeLeanSnapshot({ result: header }, [], path);
    expect(await readFile(path, 'utf8')).toBe([...encodeSnapshot(snapshotOf({ ...full, roster: [] }))].join(''));
  });
});

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
      const path = join(tmp, `run-${name}-${chunk}.ndjson`);
      const written = await writeLeanSnapshot(lean, lean.users(), path, 97);
      const whole = snapshotOf(full);
      expect(await readFile(path, 'utf8')).toBe([...encodeSnapshot(whole, 97)].join(''));
      expect(written.users.ids).toEqual(whole.users.ids);
      expect(written.count).toBe(whole.count);
    }
  });

  it('reads the files from disk in chunks with the same result', async () => {
    const projectFile = await readProjectFile(join(ROOT, 'examples/acme', name));
    const full = await runPipeline(await readInputs(projectFile), projectFile.project, {});
    const lean = await runPipelineLean(await openInputs(projectFile), projectFile.project, {});
    expect(JSON.stringify(lean.result)).toBe(JSON.stringify((({ roster: _r, records: _x, ...h }) => h)(full)));
  });
});
