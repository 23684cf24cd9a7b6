/** The mass-deletion safeguard: thresholds (strictly exceeded) and likely causes. Issue 5. */
import { describe, expect, it } from 'vitest';
import { checkSafeguard, recordRun, type HistoryState } from '../../../../core/history';
import { fakeRun, keys, project, BASE } from './helpers';

const counts = (newCandidates: number) => ({ pending: newCandidates, newCandidates, deleted: 0, restored: 0, readded: 0 });
const previousRun = (users: number) => ({ id: 'p', asOf: '2026-11-02', users });
const current = fakeRun('2026-11-09', []);

describe('mass-deletion safeguard', () => {
  const cases = [
    { description: '400 of 2,000 is exactly 20%: passes', newCandidates: 400, previous: 2000, expected: [] },
    { description: '401 of 2,000 exceeds 20%', newCandidates: 401, previous: 2000, expected: ['share'] },
    { description: '500 of 10,000 is exactly the count: passes', newCandidates: 500, previous: 10000, expected: [] },
    { description: '501 of 10,000 exceeds the count first', newCandidates: 501, previous: 10000, expected: ['count'] },
    { description: '600 of 2,000 exceeds both', newCandidates: 600, previous: 2000, expected: ['count', 'share'] },
    { description: 'no previous run: only the count applies', newCandidates: 0, previous: 0, expected: [] },
  ];
  it.each(cases)('$description', ({ newCandidates, previous, expected }) => {
    const verdict = checkSafeguard(current, { counts: counts(newCandidates), previousRun: previousRun(previous) });
    expect(verdict.exceeded).toEqual(expected);
    expect(verdict.tripped).toBe(expected.length > 0);
    expect(verdict.message === '').toBe(expected.length === 0);
  });

  it('uses the project thresholds', () => {
    const strict = fakeRun('2026-11-09', [], { config: project({ deletion: { safeguardCount: 2, safeguardShare: 0.9 } }) });
    expect(checkSafeguard(strict, { counts: counts(3), previousRun: previousRun(100) }).exceeded).toEqual(['count']);
  });

  it('names a truncated and smaller primary export, with the numbers', () => {
    const all = keys(10);
    const warning = { code: 'load.truncated', severity: 'warning' as const, source: 'hr', file: 'hr.json', message: 'has @odata.nextLink' };
    let state: HistoryState = { runs: [] };
    state = recordRun(state, fakeRun('2026-11-02', all.map((key) => ({ key })))).state;
    const out = recordRun(state, fakeRun('2026-11-09', all.slice(0, 5).map((key) => ({ key })), { warnings: [warning] }));
    const s = out.summary.safeguard;
    expect(s).toMatchObject({ tripped: true, newCandidates: 5, previousUsers: 10, share: 0.5, exceeded: ['share'] });
    expect(s.causes.map((c) => c.kind)).toEqual(['truncated-export', 'smaller-export']);
    expect(s.causes[1]).toMatchObject({ previousRecords: 10, records: 5, previousBytes: 1000, bytes: 500 });
    expect(s.message).toMatch(/^MASS DELETION: 5 users of the previous run \(50% of 10\) are missing/);
    expect(s.message).toContain('hr.json looks truncated (has @odata.nextLink)');
  });

  it('names a changed joining key, changed filters and more filtered records', () => {
    const all = keys(10);
    const before = fakeRun('2026-11-02', all.map((key) => ({ key })));
    const sources = BASE.sources.map((s, i) => (i === 0 ? { ...s, filters: [{ name: 'x', when: 'department == "IT"' }] } : s));
    const config = project({ join: { key: 'employee_id' }, sources });
    const after = fakeRun('2026-11-09', all.map((key) => ({ key: `id-${key}` })), { config, filtered: 8 });
    const out = recordRun(recordRun({ runs: [] }, before).state, after);
    expect(out.summary.safeguard.causes.map((c) => c.kind)).toEqual(['more-filtered', 'filters-changed', 'join-changed']);
    expect(out.summary.safeguard.message).toContain('the joining configuration changed (primary hr, key email, normalize trim+lower -> primary hr, key employee_id, normalize trim+lower)');
  });

  it('names a changed mapping of the joining key', () => {
    const all = keys(10);
    const before = fakeRun('2026-11-02', all.map((key) => ({ key })));
    const sources = BASE.sources.map((s, i) => (i === 0 ? { ...s, mapping: { ...s.mapping, email: 'personal_email' } } : s));
    const after = fakeRun('2026-11-09', all.map((key) => ({ key: `p-${key}` })), { config: project({ sources }) });
    const causes = recordRun(recordRun({ runs: [] }, before).state, after).summary.safeguard.causes;
    expect(causes).toEqual([{ kind: 'key-mapping-changed', source: 'hr', attribute: 'email', previous: 'email', current: 'personal_email' }]);
  });
});
