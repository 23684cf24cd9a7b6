/** The deletion timeline's rules (core/history/timeline.ts), each at its boundary. Issue 5. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../../core/history/dates';
import { insertRun, trackDeletions, type TimelineRun } from '../../../../core/history/timeline';

const DAY0 = '2026-03-01';
const on = (offset: number, ids: string[], windowDays = 7): TimelineRun => ({ id: `r${offset}`, asOf: addDays(DAY0, offset), windowDays, ids });

/** A present at day -7, missing from day 0 on; the run looked at is on day `k`. */
function stateAt(k: number, windowDays = 7) {
  const runs = [on(-7, ['a', 'b'], windowDays), on(0, ['b'], windowDays), { ...on(k, ['b'], windowDays), id: 'looked-at' }];
  return trackDeletions(runs, 'looked-at')[2];
}

describe('deletion timeline', () => {
  const cases = [
    { description: 'day 6 of a 7-day window: pending, 1 day left', k: 6, expected: { pending: 1, deleted: 0, daysLeft: 1 } },
    { description: 'day 7: deleted (asOf reached deleteAfter)', k: 7, expected: { pending: 0, deleted: 1, daysLeft: 0 } },
    { description: 'day 8 with no run on day 7: deleted', k: 8, expected: { pending: 0, deleted: 1, daysLeft: -1 } },
  ];
  it.each(cases)('$description', ({ k, expected }) => {
    const state = stateAt(k);
    expect(state.counts).toMatchObject({ pending: expected.pending, deleted: expected.deleted, newCandidates: 0 });
    const ref = [...state.pending, ...state.deleted][0];
    expect(ref).toMatchObject({ userId: 'a', missingSince: DAY0, deleteAfter: '2026-03-08', daysLeft: expected.daysLeft, lastSeen: '2026-02-22', lastSeenRun: 'r-7', lastSeenRow: 0 });
  });

  it('the first missing run makes a new candidate with the whole window left', () => {
    const [, second] = trackDeletions([on(-7, ['a', 'b']), on(0, ['b'])], 'r0');
    expect(second.counts).toEqual({ pending: 1, newCandidates: 1, deleted: 0, restored: 0, readded: 0 });
    expect(second.pending[0]).toMatchObject({ missingSince: DAY0, deleteAfter: '2026-03-08', daysLeft: 7 });
    expect(second.previousRun).toEqual({ id: 'r-7', asOf: '2026-02-22', users: 2 });
  });

  it('a user deleted on day 7 is gone from later runs', () => {
    const runs = [on(-7, ['a', 'b']), on(0, ['b']), on(7, ['b']), on(8, ['b'])];
    const states = trackDeletions(runs, 'r8');
    expect(states[2].counts.deleted).toBe(1);
    expect(states[3].counts).toEqual({ pending: 0, newCandidates: 0, deleted: 0, restored: 0, readded: 0 });
  });

  it('back before deletion is restored and a later absence starts a new window', () => {
    const runs = [on(-7, ['a']), on(0, []), on(6, ['a']), on(10, [])];
    const states = trackDeletions(runs, 'r6');
    expect(states[2].counts.restored).toBe(1);
    expect(states[2].returned).toEqual([{ userId: 'a', missingSince: DAY0, lastSeen: '2026-02-22', afterDeletion: false }]);
    expect(trackDeletions(runs, 'r10')[3].pending[0]).toMatchObject({ missingSince: '2026-03-11', daysLeft: 7, lastSeenRun: 'r6' });
  });

  it('back after deletion is a new user again (readded, not restored)', () => {
    const states = trackDeletions([on(-7, ['a']), on(0, []), on(7, []), on(9, ['a'])], 'r9');
    expect(states[3].counts).toMatchObject({ restored: 0, readded: 1 });
    expect(states[3].returned[0].afterDeletion).toBe(true);
  });

  it('a joiner is never a candidate for earlier runs; a first run has no candidates', () => {
    const states = trackDeletions([on(0, ['a']), on(7, ['a', 'j'])]);
    expect(states.map((s) => s.counts.pending)).toEqual([0, 0]);
    expect(states[0].previousRun).toBeNull();
  });

  it('the window of the run looked at applies', () => {
    const states = trackDeletions([on(-1, ['a']), on(0, [], 7), on(3, [], 3)], 'r3');
    expect(states[2].counts.deleted).toBe(1);
  });

  it('lists are filled only for the target run', () => {
    const states = trackDeletions([on(-7, ['a']), on(0, [])]);
    expect(states[1].counts.pending).toBe(1);
    expect(states[1].pending).toEqual([]);
  });

  it('insertRun orders by asOf, keeps recording order on ties and replaces the same id', () => {
    const r = (id: string, asOf: string) => ({ id, asOf });
    let runs = insertRun([], r('b', '2026-01-08'));
    runs = insertRun(runs, r('a', '2026-01-01'));
    runs = insertRun(runs, r('c', '2026-01-08'));
    runs = insertRun(runs, r('d', '2026-01-15'));
    expect(runs.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(insertRun(runs, r('b', '2026-01-08')).map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('an earlier run inserted later gives the same states as recording in order', () => {
    const w1 = on(0, ['a', 'b', 'c']);
    const w2 = on(7, ['a', 'c']);
    const w3 = on(10, ['a']);
    const inOrder = trackDeletions([w1, w2, w3], 'r10');
    const late = trackDeletions(insertRun(insertRun([w1, w3], w2), w2), 'r10');
    expect(late).toEqual(inOrder);
    expect(inOrder[2].pending.map((p) => [p.userId, p.daysLeft])).toEqual([
      ['b', 4],
      ['c', 7],
    ]);
  });

  it('property: pending with deleteAfter - asOf days left while asOf < deleteAfter, deleted from deleteAfter on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 400 }), (windowDays, k) => {
        const state = stateAt(k, windowDays);
        const ref = [...state.pending, ...state.deleted][0];
        expect(ref.daysLeft).toBe(windowDays - k);
        expect(daysBetween(ref.missingSince, ref.deleteAfter)).toBe(windowDays);
        expect(state.counts.pending).toBe(k < windowDays ? 1 : 0);
        expect(state.counts.deleted).toBe(k >= windowDays ? 1 : 0);
      }),
    );
  });
});
