/** Small, hand-made run results for the renderer tests (the core pipeline is not needed to test storage). */
import { type RecordOutcome, type RosterUser, type RunResult } from '../../../../core/types';
import type { ProjectInput } from '../../../../core/project/schema';

export const PROJECT: ProjectInput = {
  name: 'Test project',
  primary: 'hr',
  sources: [
    { id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'Id', mapping: { email: 'Email', display_name: 'Name' } },
    { id: 'chat', system: 'chat', files: ['chat.json'], externalId: 'id', mapping: { email: 'profile.email' } },
  ],
};

/** A roster user with an HR identity and, for even `i`, a chat identity. */
export function makeUser(i: number): RosterUser {
  const email = `user${i}@example.com`;
  const identities: RosterUser['identities'] = {
    hr: { id: `E${1000 + i}`, key: email, matchedBy: 'email', file: 'hr.csv', row: i + 1 },
  };
  if (i % 2 === 0) identities.chat = { id: `U${9000 + i}`, key: email, matchedBy: 'email', file: 'chat.json', row: i + 1 };
  return {
    userId: `id-${String(i).padStart(6, '0')}`,
    key: email,
    attributes: { email, display_name: `User ${i}`, department: i % 3 === 0 ? 'Sales' : 'Engineering', country: null },
    lineage: { email: { source: 'hr', field: 'Email' }, display_name: { source: 'hr', field: 'Name' } },
    identities,
    enabled: i % 4 !== 0,
    enabledReason: i % 4 !== 0 ? 'everyone is enabled' : 'rule is false',
    coverage: i % 2 === 0 ? ['hris', 'chat'] : ['hris'],
    lifecycle: 'active',
  };
}

function outcome(source: string, row: number, state: RecordOutcome['state'], userId: string | null, filterRules: string[] = []): RecordOutcome {
  return { source, file: `${source}.csv`, row, state, externalId: `${source}-${row}`, key: null, matchedBy: null, userId, filterRules, detail: state, attributes: {} };
}

/** A consistent run result with `users` roster users, their records, one filtered record and one conflict. */
export function makeRun(users: number): RunResult {
  const roster = Array.from({ length: users }, (_, i) => makeUser(i));
  const records: RecordOutcome[] = roster.map((user, i) => outcome('hr', i + 1, 'primary', user.userId));
  records.push(outcome('hr', users + 1, 'filtered', null, ['bots']));
  const zeroStates = { primary: 0, joined: 0, filtered: 0, duplicate: 0, 'missing-key': 0, orphan: 0, ambiguous: 0 };
  return {
    projectName: 'Test project',
    asOf: '2025-01-31',
    config: { ...PROJECT, join: { key: 'email', fallbackKeys: [], normalize: ['trim', 'lower'], duplicatePolicy: 'first' }, attributes: {}, enablement: { mode: 'all' }, deletion: { windowDays: 7, safeguardCount: 500, safeguardShare: 0.2 }, version: 1 } as RunResult['config'],
    inputs: [],
    stats: {
      perSource: { hr: { ...zeroStates, primary: users, filtered: 1, loaded: users + 1 }, chat: { ...zeroStates, loaded: 0 } },
      users,
      enabled: roster.filter((u) => u.enabled).length,
      coverage: { hris: users, idam: 0, itsm: 0, chat: roster.filter((u) => u.coverage.includes('chat')).length, other: 0 },
      filterHits: [{ source: 'hr', rule: 'bots', hits: 1, only: 1 }],
      conflicts: { 'duplicate-key': 0, 'missing-key': 0, orphan: 1, 'ambiguous-link': 0 },
      completeness: { email: 1, display_name: 1, department: 1, country: 0 },
    },
    warnings: [],
    roster,
    records,
    conflicts: [{ kind: 'orphan', source: 'chat', record: { source: 'chat', file: 'chat.json', row: 7, externalId: 'U1' }, key: 'ghost@example.com', keys: {} }],
  };
}
