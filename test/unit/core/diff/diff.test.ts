/** Comparing two runs (core/diff): matching, changes, mirror symmetry, counts, CSV. Issue 5. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { diffCsv, diffRuns, DIFF_HEADER, type RunDiff, type UserChange } from '../../../../core/diff';
import type { DiffUser } from '../../../../core/diff';
import { fakeRun, project, type FakeUser } from '../history/helpers';

const byEmailToEmployeeId = project({ join: { key: 'employee_id' } });

describe('diffRuns', () => {
  const a = fakeRun('2026-11-02', [
    { key: 'ann@x.com', slack: 'S1', attributes: { department: 'IT' } },
    { key: 'bob@x.com', attributes: { department: 'Sales' } },
    { key: 'cy@x.com', hr: '3', attributes: { department: 'HR' } },
    { key: 'dee@x.com' },
  ]);
  const b = fakeRun('2026-11-09', [
    { key: 'ann@x.com', attributes: { department: 'IT' }, enabled: false },
    { key: 'bob@x.com', slack: 'S2', attributes: { department: 'Finance' } },
    { key: 'cy.new@x.com', hr: '3', attributes: { department: 'HR' } },
    { key: 'eve@x.com' },
  ]);

  it('finds added, removed and changed users, attribute by attribute', () => {
    const diff = diffRuns(a, b);
    expect(diff.added.map((u) => u.key)).toEqual(['eve@x.com']);
    expect(diff.removed.map((u) => u.key)).toEqual(['dee@x.com']);
    expect(diff.counts).toMatchObject({ a: 4, b: 4, matched: 3, matchedByUserId: 2, matchedByPrimaryId: 1, added: 1, removed: 1, changed: 3 });
    const [ann, bob, cy] = diff.changed;
    expect(ann).toMatchObject({ matchedBy: 'user-id', links: [{ source: 'slack', change: 'lost', old: 'S1', new: null }], enabled: { old: true, new: false }, coverage: { gained: [], lost: ['chat'] } });
    expect(bob.attributes).toEqual([{ attribute: 'department', old: 'Sales', new: 'Finance' }]);
    expect(bob.links).toEqual([{ source: 'slack', change: 'gained', old: null, new: 'S2' }]);
    expect(cy).toMatchObject({ matchedBy: 'primary-id', key: { old: 'cy@x.com', new: 'cy.new@x.com' }, attributes: [{ attribute: 'email', old: 'cy@x.com', new: 'cy.new@x.com' }] });
    expect(diff.counts.attributes).toEqual({ department: 1, email: 1, join_key: 1 });
    expect(diff.counts).toMatchObject({ linksGained: { slack: 1 }, linksLost: { slack: 1 }, enabledLost: 1, enabledGained: 0 });
    expect(diff.matching).toMatchObject({ method: 'user-id+primary-id', primarySource: 'hr', keyChanged: false });
    expect(diff.stats.users).toEqual({ a: 4, b: 4, delta: 0 });
    expect(diff.stats.coverage.chat).toEqual({ a: 1, b: 1, delta: 0 });
    expect(diff.configChanges).toEqual([]);
  });

  it('after a change of joining key, pairs everyone by the primary external id and says so', () => {
    const users: FakeUser[] = [{ key: 'ann@x.com', hr: '1' }, { key: 'bob@x.com', hr: '2' }];
    const byId = fakeRun('2026-11-02', users.map((u) => ({ ...u, key: u.hr as string, attributes: { email: u.key } })), { config: byEmailToEmployeeId });
    const diff = diffRuns(fakeRun('2026-11-02', users), byId);
    expect(diff.counts).toMatchObject({ matched: 2, matchedByUserId: 0, matchedByPrimaryId: 2, added: 0, removed: 0, changed: 2 });
    expect(diff.matching).toMatchObject({ method: 'user-id+primary-id', keyChanged: true, joinKey: { a: 'email', b: 'employee_id' } });
    expect(diff.changed[0]).toMatchObject({ key: { old: 'ann@x.com', new: '1' }, attributes: [] });
    expect(diff.configChanges).toEqual(['join']);
  });

  it('an external id held by two left-over users pairs no one', () => {
    const diff = diffRuns(fakeRun('2026-11-02', [{ key: 'a@x', hr: '1' }, { key: 'b@x', hr: '1' }]), fakeRun('2026-11-09', [{ key: 'c@x', hr: '1' }]));
    expect(diff.counts).toMatchObject({ matched: 0, added: 1, removed: 2 });
  });

  it('compares only the users a run found, not the pending rows a history added', () => {
    const pending = { ...b.roster[3], userId: 'p', key: 'gone@x.com', lifecycle: 'pending-deletion' as const };
    expect(diffRuns(a, { ...b, roster: [...b.roster, pending] }).counts.b).toBe(4);
  });

  it('diff.csv: one row per added/removed user and per changed field, formula-safe', () => {
    const evil = fakeRun('2026-11-09', [{ key: 'ann@x.com', attributes: { department: '=cmd|"/c calc"!A1' } }]);
    const text = [...diffCsv(diffRuns(a, evil))].join('');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0])).toEqual(DIFF_HEADER);
    expect(rows.filter((r) => r.change === 'removed')).toHaveLength(3);
    const dept = rows.find((r) => r.field === 'department');
    expect(dept).toMatchObject({ change: 'changed', matched_by: 'user-id', old: 'IT', new: `'=cmd|"/c calc"!A1` });
    expect(rows.find((r) => r.field === 'link:slack')).toMatchObject({ old: 'S1', new: '' });
  });
});

// ---- properties -------------------------------------------------------------------------------------

const fakeUser = fc.record({
  key: fc.constantFrom(...'abcdefghijkl'.split('').map((c) => `${c}@x.com`)),
  hr: fc.option(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'), { nil: null }),
  slack: fc.option(fc.option(fc.constantFrom('S1', 'S2', 'S3'), { nil: null }), { nil: undefined }),
  attributes: fc.record({ department: fc.option(fc.constantFrom('IT', 'HR', '=x'), { nil: null }), title: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }, { requiredKeys: [] }),
  enabled: fc.boolean(),
});
const roster = fc.uniqueArray(fakeUser, { selector: (u) => u.key, maxLength: 12 });
const runOf = (asOf: string) => (users: FakeUser[]) => fakeRun(asOf, users);

const ids = (users: readonly DiffUser[]) => users.map((u) => u.userId).sort();
const mirror = (c: UserChange) => ({
  matchedBy: c.matchedBy,
  userId: { old: c.userId.new, new: c.userId.old },
  key: { old: c.key.new, new: c.key.old },
  attributes: c.attributes.map((x) => ({ attribute: x.attribute, old: x.new, new: x.old })),
  links: c.links.map((l) => ({ source: l.source, change: l.change === 'gained' ? 'lost' : l.change === 'lost' ? 'gained' : 'changed', old: l.new, new: l.old })),
  enabled: c.enabled && { old: c.enabled.new, new: c.enabled.old, oldReason: c.enabled.newReason, newReason: c.enabled.oldReason },
  coverage: c.coverage && { gained: c.coverage.lost, lost: c.coverage.gained },
});
const plain = (c: UserChange) => {
  const { old: _old, new: _new, ...rest } = c;
  return rest;
};
const sortedChanges = (d: RunDiff, side: 'old' | 'new') => [...d.changed].sort((x, y) => (x.userId[side] < y.userId[side] ? -1 : 1));

describe('diffRuns properties', () => {
  it('a run compared with itself has no differences', () => {
    fc.assert(
      fc.property(roster.map(runOf('2026-11-02')), (run) => {
        const diff = diffRuns(run, run);
        expect(diff.counts).toMatchObject({ added: 0, removed: 0, changed: 0, matched: run.roster.length, matchedByUserId: run.roster.length });
        expect(Object.values(diff.stats.perSource.hr).every((d) => d.delta === 0)).toBe(true);
        expect([...diffCsv(diff)].join('').split('\r\n').filter(Boolean)).toHaveLength(1);
      }),
    );
  });

  it('diff(A, B) mirrors diff(B, A)', () => {
    fc.assert(
      fc.property(roster.map(runOf('2026-11-02')), roster.map(runOf('2026-11-09')), (a, b) => {
        const ab = diffRuns(a, b);
        const ba = diffRuns(b, a);
        expect(ids(ab.added)).toEqual(ids(ba.removed));
        expect(ids(ab.removed)).toEqual(ids(ba.added));
        expect(sortedChanges(ab, 'new').map(mirror)).toEqual(sortedChanges(ba, 'old').map(plain));
        expect(ab.counts.linksGained).toEqual(ba.counts.linksLost);
        expect(ab.counts.enabledGained).toBe(ba.counts.enabledLost);
        expect(ab.counts.coverageGained).toEqual(ba.counts.coverageLost);
        expect(ab.stats.users.delta + ba.stats.users.delta).toBe(0);
        expect(ab.counts.attributes).toEqual(ba.counts.attributes);
      }),
    );
  });

  it('counts add up: matched + added = |B|, matched + removed = |A|', () => {
    fc.assert(
      fc.property(roster.map(runOf('2026-11-02')), roster.map(runOf('2026-11-09')), (a, b) => {
        const { counts: c } = diffRuns(a, b);
        expect(c.matched + c.added).toBe(b.roster.length);
        expect(c.matched + c.removed).toBe(a.roster.length);
        expect(c.matchedByUserId + c.matchedByPrimaryId).toBe(c.matched);
        expect(c.changed).toBeLessThanOrEqual(c.matched);
      }),
    );
  });
});
