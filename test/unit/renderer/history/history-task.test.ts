/** Deletion tracking in the app (issue 5): stored runs by asOf, pending rows with days left, restored,
 * deleted, the safeguard, and a re-run of the same inputs standing for its history entry. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterDb } from '../../../../renderer/db/db';
import { createRepo } from '../../../../renderer/db/repo';
import { createHistoryRepo } from '../../../../renderer/db/repo-history';
import { range, recordTracked, runOf } from './history-runs';

let db: RosterDb;
let n = 0;
beforeEach(() => {
  db = new RosterDb(`history-test-${++n}`);
});
afterEach(() => db.delete());

const P = 'p1';
const rows = async (runId: string) => (await createRepo(db).rosterUsers(runId)).map((u) => ({ id: u.userId, lifecycle: u.lifecycle, daysLeft: u.deletion?.daysLeft, missingSince: u.deletion?.missingSince }));

describe('trackRunDeletions', { timeout: 30_000 }, () => {
  const table = [
    {
      description: 'a first run has no previous run and adds no rows',
      input: [runOf('2025-01-01', range(0, 10))],
      expected: { counts: { pending: 0, newCandidates: 0, deleted: 0, restored: 0, readded: 0 }, rows: 10, previous: null },
      notes: 'issue 5',
    },
    {
      description: 'users missing from a later run are pending with missingSince + window - asOf days left',
      input: [runOf('2025-01-01', range(0, 10)), runOf('2025-01-03', range(2, 10))],
      expected: { counts: { pending: 2, newCandidates: 2, deleted: 0, restored: 0, readded: 0 }, rows: 10, previous: '2025-01-01' },
      notes: 'issue 5: window 7 days',
    },
  ];
  for (const { description, input, expected } of table) {
    it(description, async () => {
      let last = '';
      for (const run of input) last = await recordTracked(db, P, run);
      const run = await createRepo(db).getRun(last);
      expect(run?.header?.deletion?.counts).toEqual(expected.counts);
      expect(run?.header?.deletion?.previousRun?.asOf ?? null).toBe(expected.previous);
      expect(run?.counts.roster).toBe(expected.rows);
    });
  }

  it('keeps pending users with their last known values, soonest deletion first, then restores and deletes', async () => {
    await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
    const second = await recordTracked(db, P, runOf('2025-01-03', range(2, 10)));
    expect((await rows(second)).slice(8)).toEqual([
      { id: 'id-000000', lifecycle: 'pending-deletion', daysLeft: 7, missingSince: '2025-01-03' },
      { id: 'id-000001', lifecycle: 'pending-deletion', daysLeft: 7, missingSince: '2025-01-03' },
    ]);
    const pendingRow = (await createRepo(db).rosterUsers(second))[8];
    expect(pendingRow.attributes.email).toBe('user0@example.com');

    // user 0 back, user 2 newly missing: user 1 (2 days left) before user 2 (7 days left)
    const third = await recordTracked(db, P, runOf('2025-01-08', [0, ...range(3, 10)]));
    const third_rows = await rows(third);
    expect(third_rows.find((r) => r.id === 'id-000000')).toMatchObject({ lifecycle: 'restored', missingSince: '2025-01-03' });
    expect(third_rows.slice(8)).toEqual([
      { id: 'id-000001', lifecycle: 'pending-deletion', daysLeft: 2, missingSince: '2025-01-03' },
      { id: 'id-000002', lifecycle: 'pending-deletion', daysLeft: 7, missingSince: '2025-01-08' },
    ]);
    const history = createHistoryRepo(db);
    const [, runB, runC] = await history.runsByAsOf(P);
    expect((await history.restoredUsers(runC.id, runB)).map((r) => r.userId)).toEqual(['id-000000']);

    // 2025-01-10 = 2025-01-03 + 7: user 1 is deleted by this run, not enabled
    const fourth = await recordTracked(db, P, runOf('2025-01-10', [0, ...range(3, 10)]));
    const deleted = (await createRepo(db).rosterUsers(fourth)).find((u) => u.userId === 'id-000001');
    expect(deleted).toMatchObject({ lifecycle: 'deleted', enabled: false });
    expect((await createRepo(db).getRun(fourth))?.header?.deletion?.counts).toMatchObject({ deleted: 1, pending: 1, restored: 0 });
  });

  it('trips the safeguard on a truncated run and names the smaller primary export', async () => {
    const inputs = (records: number) => [{ source: 'hr', file: 'hr.csv', name: 'hr.csv', size: records * 100, sha256: `sha-${records}`, format: 'csv' as const, records }];
    await recordTracked(db, P, runOf('2025-01-01', range(0, 20), (r) => void (r.inputs = inputs(20))));
    const cut = await recordTracked(db, P, runOf('2025-01-02', range(0, 8), (r) => void (r.inputs = inputs(8))));
    const safeguard = (await createRepo(db).getRun(cut))?.header?.deletion?.safeguard;
    expect(safeguard).toMatchObject({ tripped: true, newCandidates: 12, previousUsers: 20, exceeded: ['share'] });
    expect(safeguard?.causes.map((c) => c.kind)).toContain('smaller-export');
  });

  it('counts a re-run of the same inputs as the same history entry', async () => {
    await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
    await recordTracked(db, P, runOf('2025-01-03', range(2, 10)));
    const again = await recordTracked(db, P, runOf('2025-01-03', range(2, 10)));
    const run = await createRepo(db).getRun(again);
    expect(run?.header?.deletion?.previousRun?.asOf).toBe('2025-01-01');
    expect(run?.header?.deletion?.counts.pending).toBe(2);
    expect(run?.header?.deletion?.historyRuns).toBe(2);
  });

  it('orders by asOf: a run with an earlier export date is tracked against the runs before it only', async () => {
    await recordTracked(db, P, runOf('2025-01-10', range(0, 5)));
    const early = await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
    expect((await createRepo(db).getRun(early))?.header?.deletion?.previousRun).toBeNull();
    expect((await createHistoryRepo(db).runsByAsOf(P)).map((r) => r.header.asOf)).toEqual(['2025-01-01', '2025-01-10']);
  });
});
