import { describe, expect, it } from 'vitest';
import { joinRecords } from '../../../../core/join/join';
import { userIdOf } from '../../../../core/join/user-id';
import type { PreparedRecord } from '../../../../core/join/types';
import type { JoinConfig } from '../../../../core/project/schema';
import type { Scalar } from '../../../../core/types';

type Row = { source: string; attrs: Record<string, Scalar>; filtered?: string[]; id?: string };

function prepare(rows: Row[]): PreparedRecord[] {
  const rowsBySource = new Map<string, number>();
  return rows.map((r, index) => {
    const row = (rowsBySource.get(r.source) ?? 0) + 1;
    rowsBySource.set(r.source, row);
    return { index, source: r.source, file: `${r.source}.csv`, row, attributes: r.attrs, externalId: r.id ?? `${r.source}-${row}`, filterRules: r.filtered ?? [] };
  });
}

const join = (overrides: Partial<JoinConfig> = {}): JoinConfig => ({
  key: 'email',
  fallbackKeys: [],
  normalize: ['trim', 'lower'],
  duplicatePolicy: 'prefer-active',
  ...overrides,
});

function run(rows: Row[], config: Partial<JoinConfig> = {}) {
  const records = prepare(rows);
  const result = joinRecords(records, { primary: 'hr', sources: ['hr', 'idp', 'chat'], join: join(config) });
  return { ...result, states: result.decisions.map((d) => d.state) };
}

const cases: { description: string; rows: Row[]; config?: Partial<JoinConfig>; expected: { states: string[]; users: number }; notes?: string }[] = [
  {
    description: 'a secondary record with the same key after trim and lower-case joins',
    rows: [
      { source: 'hr', attrs: { email: 'Ann@Acme.com' } },
      { source: 'idp', attrs: { email: '  ann@acme.COM ' } },
    ],
    expected: { states: ['primary', 'joined'], users: 1 },
  },
  {
    description: 'a filtered primary record makes no user, so its chat account is an orphan',
    rows: [
      { source: 'hr', attrs: { email: 'bob@acme.com' }, filtered: ['terminated'] },
      { source: 'chat', attrs: { email: 'bob@acme.com' } },
    ],
    expected: { states: ['filtered', 'orphan'], users: 0 },
  },
  {
    description: 'records without a key are missing-key in every source',
    rows: [
      { source: 'hr', attrs: { email: '  ' } },
      { source: 'idp', attrs: { email: null } },
    ],
    expected: { states: ['missing-key', 'missing-key'], users: 0 },
  },
  {
    description: 'prefer-active keeps the active one of two records sharing a key',
    rows: [
      { source: 'hr', attrs: { email: 'c@acme.com' } },
      { source: 'idp', attrs: { email: 'c@acme.com', active: false } },
      { source: 'idp', attrs: { email: 'C@acme.com', active: true } },
    ],
    expected: { states: ['primary', 'duplicate', 'joined'], users: 1 },
  },
  {
    description: 'first keeps the first of two records sharing a key',
    rows: [
      { source: 'hr', attrs: { email: 'c@acme.com' } },
      { source: 'idp', attrs: { email: 'c@acme.com', active: false } },
      { source: 'idp', attrs: { email: 'c@acme.com', active: true } },
    ],
    config: { duplicatePolicy: 'first' },
    expected: { states: ['primary', 'joined', 'duplicate'], users: 1 },
  },
  {
    description: 'drop-all keeps none of the records sharing a key, also in the primary',
    rows: [
      { source: 'hr', attrs: { email: 'd@acme.com' } },
      { source: 'hr', attrs: { email: 'd@acme.com' } },
      { source: 'idp', attrs: { email: 'd@acme.com' } },
    ],
    config: { duplicatePolicy: 'drop-all' },
    expected: { states: ['duplicate', 'duplicate', 'orphan'], users: 0 },
  },
  {
    description: 'a fallback key links a record whose email differs',
    rows: [
      { source: 'hr', attrs: { email: 'e@acme.com', employee_id: '42' } },
      { source: 'idp', attrs: { email: 'e.alias@acme.com', employee_id: '42' } },
    ],
    config: { fallbackKeys: ['employee_id'] },
    expected: { states: ['primary', 'joined'], users: 1 },
  },
  {
    description: 'two records of one source reaching one user: the key match wins over the fallback match',
    rows: [
      { source: 'hr', attrs: { email: 'f@acme.com', employee_id: '7' } },
      { source: 'idp', attrs: { email: 'other@acme.com', employee_id: '7' } },
      { source: 'idp', attrs: { email: 'f@acme.com', employee_id: null } },
    ],
    config: { fallbackKeys: ['employee_id'] },
    expected: { states: ['primary', 'ambiguous', 'joined'], users: 1 },
  },
  {
    description: 'two fallback matches of the same rank link neither',
    rows: [
      { source: 'hr', attrs: { email: 'g@acme.com', employee_id: '9' } },
      { source: 'idp', attrs: { email: 'x@acme.com', employee_id: '9' } },
      { source: 'idp', attrs: { email: 'y@acme.com', employee_id: '9' } },
    ],
    config: { fallbackKeys: ['employee_id'] },
    expected: { states: ['primary', 'ambiguous', 'ambiguous'], users: 1 },
  },
  {
    description: 'a fallback value shared by two users links no one',
    rows: [
      { source: 'hr', attrs: { email: 'h1@acme.com', employee_id: '5' } },
      { source: 'hr', attrs: { email: 'h2@acme.com', employee_id: '5' } },
      { source: 'idp', attrs: { email: 'h3@acme.com', employee_id: '5' } },
    ],
    config: { fallbackKeys: ['employee_id'] },
    expected: { states: ['primary', 'primary', 'ambiguous'], users: 2 },
  },
  {
    description: 'a secondary record with no email but a fallback value that matches no one is an orphan',
    rows: [
      { source: 'hr', attrs: { email: 'i@acme.com', employee_id: '1' } },
      { source: 'chat', attrs: { email: null, employee_id: '2' } },
    ],
    config: { fallbackKeys: ['employee_id'] },
    expected: { states: ['primary', 'orphan'], users: 1 },
  },
];

describe('joinRecords', () => {
  for (const c of cases) {
    it(c.description, () => {
      const result = run(c.rows, c.config);
      expect(result.states).toEqual(c.expected.states);
      expect(result.users).toHaveLength(c.expected.users);
    });
  }

  it('gives each user the SHA-256 of its normalized key and links the joined record', () => {
    const { users } = run([
      { source: 'hr', attrs: { email: ' Ann@Acme.com' } },
      { source: 'chat', attrs: { email: 'ann@acme.com' }, id: 'U1' },
    ]);
    expect(users[0].userId).toBe(userIdOf('ann@acme.com'));
    expect(users[0].links.get('chat')?.record.externalId).toBe('U1');
    expect(users[0].links.get('chat')?.matchedBy).toBe('email');
  });

  it('lists the losers of a duplicate group with the policy and the kept record', () => {
    const { conflicts } = run([
      { source: 'hr', attrs: { email: 'j@acme.com' } },
      { source: 'idp', attrs: { email: 'j@acme.com', active: true }, id: 'admin' },
      { source: 'idp', attrs: { email: 'j@acme.com', active: true }, id: 'person' },
    ]);
    const dup = conflicts.find((c) => c.kind === 'duplicate-key');
    expect(dup).toMatchObject({ kind: 'duplicate-key', source: 'idp', key: 'j@acme.com', winner: { externalId: 'admin' }, losers: [{ externalId: 'person' }] });
  });

  it('records an orphan conflict with the keys it tried', () => {
    const { conflicts } = run([{ source: 'hr', attrs: { email: 'k@acme.com' } }, { source: 'chat', attrs: { email: 'guest@else.com' } }]);
    expect(conflicts).toContainEqual(expect.objectContaining({ kind: 'orphan', source: 'chat', key: 'guest@else.com', keys: { email: 'guest@else.com' } }));
  });
});
