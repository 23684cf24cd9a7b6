/** Users rebuilt from a run snapshot for comparing (core/diff/from-snapshot.ts): the lean rebuild gives the
 * same comparison as full roster users, whatever the attributes, links and enablement. Issue 6. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCsv, diffRuns, diffUsersOf, type DiffRun } from '../../../../core/diff';
import { snapshotOf, snapshotUsers, type RunSnapshot } from '../../../../core/history';
import { fakeRun, project, type FakeUser } from '../history/helpers';

const fakeUser = fc.record({
  key: fc.constantFrom(...'abcdefghij'.split('').map((c) => `${c}@x.com`)),
  hr: fc.option(fc.constantFrom('1', '2', '3', '4', '5'), { nil: null }),
  slack: fc.option(fc.option(fc.constantFrom('S1', 'S2', ''), { nil: null }), { nil: undefined }),
  attributes: fc.record({ department: fc.option(fc.constantFrom('IT', 'HR', ''), { nil: null }), title: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }, { requiredKeys: [] }),
  enabled: fc.boolean(),
});
const roster = fc.uniqueArray(fakeUser, { selector: (u) => u.key, maxLength: 10 });

const side = (s: RunSnapshot, users: DiffRun['roster']): DiffRun => ({ asOf: s.asOf, config: s.config, stats: s.stats, roster: users });
const csv = (a: DiffRun, b: DiffRun) => {
  const diff = diffRuns(a, b);
  return { counts: diff.counts, matching: diff.matching, csv: [...diffCsv(diff)].join('') };
};

describe('diffUsersOf', () => {
  it('compares like the full users of the same snapshots', () => {
    const byEmployeeId = project({ join: { key: 'employee_id' } });
    fc.assert(
      fc.property(roster, roster, fc.boolean(), (usersA: FakeUser[], usersB: FakeUser[], keyChanged) => {
        const a = snapshotOf(fakeRun('2026-11-02', usersA));
        const b = snapshotOf(fakeRun('2026-11-09', usersB, keyChanged ? { config: byEmployeeId } : {}));
        const full = csv(side(a, snapshotUsers(a)), side(b, snapshotUsers(b)));
        expect(csv(side(a, diffUsersOf(a)), side(b, diffUsersOf(b)))).toEqual(full);
        expect(csv(side(b, diffUsersOf(b)), side(a, diffUsersOf(a)))).toEqual(csv(side(b, snapshotUsers(b)), side(a, snapshotUsers(a))));
      }),
    );
  });

  it('keeps ids, keys, enablement and coverage, and shares one coverage list per combination', () => {
    const s = snapshotOf(fakeRun('2026-11-02', [{ key: 'a@x.com', slack: 'S1' }, { key: 'b@x.com', slack: 'S2', enabled: false }, { key: 'c@x.com' }]));
    const users = diffUsersOf(s);
    expect(users.map((u) => [u.userId, u.key, u.enabled, u.enabledReason, u.coverage])).toEqual(snapshotUsers(s).map((u) => [u.userId, u.key, u.enabled, u.enabledReason, u.coverage]));
    expect(users[0].coverage).toBe(users[1].coverage);
    expect(users[0].identities).toEqual({ hr: { id: 'e-a@x.com' }, slack: { id: 'S1' } });
  });
});
