/** Recording runs in a history: lifecycle on the roster, pending and deleted rows, roster.csv. Issue 5. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rosterCsv } from '../../../../core/export/tables';
import { annotateRoster, neededRuns, placeRun, recordRun, type HistoryState } from '../../../../core/history';
import { fakeRun, keys, type FakeUser } from './helpers';

const people = (list: string[], patch: Partial<FakeUser> = {}): FakeUser[] => list.map((key) => ({ key, slack: `S-${key}`, attributes: { department: 'IT' }, ...patch }));

function record(runs: ReturnType<typeof fakeRun>[]) {
  let state: HistoryState = { runs: [] };
  let last;
  for (const run of runs) {
    last = recordRun(state, run);
    state = last.state;
  }
  if (!last) throw new Error('no runs');
  return last;
}

describe('recordRun', () => {
  it('adds a pending row with the last known values and the days left', () => {
    const [a, b, c] = keys(3);
    const out = record([fakeRun('2026-11-02', people([a, b, c])), fakeRun('2026-11-09', people([a, c]))]);
    const rows = out.result.roster;
    expect(rows.map((u) => [u.key, u.lifecycle])).toEqual([
      [a, 'active'],
      [c, 'active'],
      [b, 'pending-deletion'],
    ]);
    expect(rows[2]).toMatchObject({
      attributes: { email: b, department: 'IT' },
      identities: { hr: { id: `e-${b}` }, slack: { id: `S-${b}` } },
      coverage: ['hris', 'chat'],
      deletion: { missingSince: '2026-11-09', deleteAfter: '2026-11-16', daysLeft: 7, lastSeen: '2026-11-02' },
    });
    expect(out.result.deletion).toMatchObject({ windowDays: 7, counts: { pending: 1, newCandidates: 1 }, historyRuns: 2, safeguard: { newCandidates: 1, previousUsers: 3 } });
    expect(out.result.stats.users).toBe(2);
  });

  it('shows a deleted user once, not enabled, then forgets them', () => {
    const [a, b] = keys(2);
    const runs = [fakeRun('2026-11-02', people([a, b])), fakeRun('2026-11-09', people([a])), fakeRun('2026-11-16', people([a]))];
    const deleted = record(runs).result.roster.find((u) => u.key === b);
    expect(deleted).toMatchObject({ lifecycle: 'deleted', enabled: false, deletion: { missingSince: '2026-11-09', deleteAfter: '2026-11-16' } });
    expect(deleted?.deletion?.daysLeft).toBeUndefined();
    expect(record([...runs, fakeRun('2026-11-23', people([a]))]).result.roster.map((u) => u.key)).toEqual([a]);
  });

  it('marks a returning user restored for one run', () => {
    const [a, b] = keys(2);
    const runs = [fakeRun('2026-11-02', people([a, b])), fakeRun('2026-11-05', people([a])), fakeRun('2026-11-08', people([a, b]))];
    expect(record(runs).result.roster.find((u) => u.key === b)).toMatchObject({ lifecycle: 'restored', deletion: { missingSince: '2026-11-05', lastSeen: '2026-11-02' } });
    const next = record([...runs, fakeRun('2026-11-09', people([a, b]))]).result.roster.find((u) => u.key === b);
    expect(next?.lifecycle).toBe('active');
    expect(next?.deletion).toBeUndefined();
  });

  it('the pending rows come from the run each user was last seen in', () => {
    const [a, b, c] = keys(3);
    const runs = [fakeRun('2026-11-01', people([a, b, c], { attributes: { department: 'Old' } })), fakeRun('2026-11-03', people([a, c], { attributes: { department: 'New' } })), fakeRun('2026-11-05', people([a]))];
    const placed = placeRun(record(runs.slice(0, 2)).state, runs[2]);
    expect(neededRuns(placed.deletions).sort()).toEqual([placed.state.runs[0].id, placed.state.runs[1].id].sort());
    const rows = record(runs).result.roster;
    expect(rows.find((u) => u.key === b)?.attributes.department).toBe('Old');
    expect(rows.find((u) => u.key === c)?.attributes.department).toBe('New');
    expect(() => annotateRoster(runs[2].roster, placed.deletions, new Map())).toThrow(/is needed/);
  });

  it('re-recording the same run replaces it', () => {
    const run = fakeRun('2026-11-02', people(keys(2)));
    const first = recordRun({ runs: [] }, run);
    expect(recordRun(first.state, run).state.runs).toHaveLength(1);
  });

  it('roster.csv carries the state and the deletion columns; formula-like values are escaped', () => {
    const [a, b] = keys(2);
    const out = record([fakeRun('2026-11-02', [...people([a]), { key: b, attributes: { department: '=HYPERLINK("x")' } }]), fakeRun('2026-11-09', people([a]))]);
    const text = [...rosterCsv(out.result.config, out.result.roster)].join('');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(text.split('\r\n')[0]).toMatch(/^user_id,state,enabled,enabled_reason,join_key,coverage,missing_since,delete_after,days_left,/);
    expect(rows[1]).toMatchObject({ state: 'pending-deletion', missing_since: '2026-11-09', delete_after: '2026-11-16', days_left: '7', department: `'=HYPERLINK("x")` });
    expect([...rosterCsv(out.result.config, out.result.roster.slice(0, 1))].join('')).not.toContain('missing_since');
  });
});
