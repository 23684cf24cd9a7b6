/** Run snapshots and their NDJSON file format (core/history/snapshot.ts, codec.ts). Issue 5. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configHash, decodeSnapshot, encodeSnapshot, SnapshotDecoder, snapshotOf, snapshotUsers } from '../../../../core/history';
import { ProjectError } from '../../../../core/issues';
import { fakeRun, keys, project } from './helpers';

const run = fakeRun('2026-11-02', [
  { key: 'a@x.com', slack: 'S1', attributes: { department: 'IT', start_date: '2020-01-01' } },
  { key: 'b@x.com', slack: null, attributes: { department: null }, enabled: false },
  { key: 'c@x.com', hr: null },
]);

describe('run snapshots', () => {
  it('round-trips the roster through columns and NDJSON lines', () => {
    const snapshot = snapshotOf(run);
    const text = [...encodeSnapshot(snapshot, 2)].join('');
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    const back = decodeSnapshot(text);
    expect(back).toEqual(snapshot);
    const users = snapshotUsers(back);
    expect(users.map((u) => [u.userId, u.key, u.enabled, u.enabledReason, u.coverage])).toEqual(run.roster.map((u) => [u.userId, u.key, u.enabled, u.enabledReason, u.coverage]));
    expect(users[0].attributes).toEqual({ email: 'a@x.com', department: 'IT', start_date: '2020-01-01' });
    expect(users[1].identities.slack).toMatchObject({ id: null });
    expect(users[2].identities).toMatchObject({ hr: { id: null } });
    expect(users[2].identities.slack).toBeUndefined();
  });

  it('reads only the columns asked for, skipping the other lines', () => {
    const text = [...encodeSnapshot(snapshotOf(run))].join('');
    const decoder = new SnapshotDecoder({ columns: ['ids'] });
    for (const line of text.split('\n')) decoder.push(line);
    const header = decoder.finish();
    expect(header.users.ids).toEqual(run.roster.map((u) => u.userId));
    expect(header.users.keys).toBeUndefined();
    expect(header.stats).toEqual(run.stats);
  });

  it('reads only the rows asked for, whatever lines they fall in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.subarray([0, 1, 2]), (perLine, rows) => {
        const whole = snapshotOf(run);
        const decoder = new SnapshotDecoder({ rows });
        for (const line of [...encodeSnapshot(whole, perLine)].join('').split('\n')) decoder.push(line);
        const picked = decoder.finishAll();
        expect(picked.count).toBe(rows.length);
        expect(snapshotUsers(picked)).toEqual(snapshotUsers(whole, rows));
      }),
    );
    expect(() => new SnapshotDecoder({ rows: [2, 1] })).toThrow(/ascending/);
  });

  it('the id depends on asOf, configuration and inputs; the config hash ignores file names and asOf', () => {
    const a = snapshotOf(run);
    expect(a.id).toMatch(/^2026-11-02-[0-9a-f]{12}$/);
    expect(snapshotOf(run).id).toBe(a.id);
    expect(snapshotOf({ ...run, inputs: [{ ...run.inputs[0], sha256: 'other' }] }).id).not.toBe(a.id);
    const moved = project({ asOf: '2026-11-09', sources: project().sources.map((s) => ({ ...s, files: [`w2/${s.files[0]}`] })) });
    expect(configHash(moved)).toBe(configHash(project()));
    expect(configHash(project({ join: { key: 'employee_id' } }))).not.toBe(configHash(project()));
  });

  it('leaves out rows history added (pending, deleted)', () => {
    const roster = [...run.roster, { ...run.roster[0], userId: 'p', lifecycle: 'pending-deletion' as const }];
    expect(snapshotOf({ ...run, roster }).count).toBe(3);
  });

  it('a file that is not a snapshot, a damaged line or a short column is a ProjectError naming the file', () => {
    expect(() => decodeSnapshot('{"hello":1}\n', 'x.ndjson')).toThrow(/x\.ndjson is not a Roster Audit run snapshot/);
    const lines = [...encodeSnapshot(snapshotOf(fakeRun('2026-11-02', keys(3).map((key) => ({ key })))), 2)];
    expect(() => decodeSnapshot([lines[0], 'garbage', ...lines.slice(1)].join(''), 'y')).toThrow(ProjectError);
    expect(() => decodeSnapshot(lines.filter((_, i) => i !== 1).join(''), 'z')).toThrow(/column "ids" has 1 values, the header says 3 users/);
  });
});
