/**
 * Comparing two stored runs reads each appended chunk's snapshot columns instead of its users (issue 6):
 * property tests that the columns give the same comparison as the stored users, whatever the chunking
 * and with history's rows appended after the present users; and that a run stored without columns (an
 * older run) is still compared, from its users.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffUser } from '../../../../core/diff';
import type { RunHeader } from '../../../../core/run/stream';
import type { RosterUser, Scalar } from '../../../../core/types';
import { RosterDb } from '../../../../renderer/db/db';
import { createHistoryRepo } from '../../../../renderer/db/repo-history';
import { createRepo, type Repo } from '../../../../renderer/db/repo';
import { CompareSession, toDiffUser } from '../../../../renderer/worker/compare-session';
import { makeRun, makeUser } from '../support/make-run';

let db: RosterDb;
let repo: Repo;
let dbCount = 0;

beforeEach(() => {
  db = new RosterDb(`repo-compare-test-${++dbCount}`);
  repo = createRepo(db);
});
afterEach(async () => {
  await db.delete();
});

const drawnUser = fc.record({
  n: fc.integer({ min: 0, max: 40 }),
  department: fc.option(fc.constantFrom('Sales', 'IT', ''), { nil: undefined }),
  title: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  chat: fc.option(fc.option(fc.constantFrom('U1', 'U2'), { nil: null }), { nil: undefined }),
  enabled: fc.boolean(),
});

function userOf(d: { n: number; department?: string; title: string | null; chat?: string | null; enabled: boolean }): RosterUser {
  const base = makeUser(d.n);
  const attributes: Record<string, Scalar> = { email: base.key, display_name: `User ${d.n}`, title: d.title };
  if (d.department !== undefined) attributes.department = d.department;
  const identities: RosterUser['identities'] = { hr: base.identities.hr };
  if (d.chat !== undefined) identities.chat = { ...base.identities.hr, id: d.chat, file: 'chat.json' };
  return { ...base, attributes, identities, enabled: d.enabled, enabledReason: d.enabled ? 'everyone' : 'rule is false', coverage: d.chat !== undefined ? ['hris', 'chat'] : ['hris'] };
}

/** Stores `present` users in chunks of `chunk`, then history's `extra` rows, and completes the run. */
async function store(present: RosterUser[], extra: RosterUser[], chunk: number, asOf: string): Promise<string> {
  const run = await repo.beginRun('p1');
  for (let at = 0; at < present.length; at += chunk) await repo.appendRows(run.id, { table: 'roster', rows: present.slice(at, at + chunk) });
  if (extra.length > 0) await createHistoryRepo(db).writeDeletionRows(run.id, extra, []);
  const { roster: _r, records: _rec, conflicts: _c, ...header } = makeRun(0);
  // The header says how many rows history added (only its counts are read when storing).
  const deletion = extra.length > 0 ? ({ counts: { pending: extra.length, deleted: 0 } } as unknown as RunHeader['deletion']) : undefined;
  await repo.completeRun(run.id, { ...header, asOf, deletion, stats: { ...header.stats, users: present.length } });
  return run.id;
}

/** What comparing sees of a user: the values, a missing attribute the same as null. */
const seen = (u: DiffUser) => ({
  userId: u.userId,
  key: u.key,
  enabled: u.enabled,
  enabledReason: u.enabledReason,
  coverage: u.coverage,
  identities: u.identities,
  attributes: Object.fromEntries(Object.entries(u.attributes).filter(([, v]) => v !== null && v !== undefined)),
});

describe('comparing from chunk columns', () => {
  it('rebuilds the present users exactly as their stored rows, whatever the chunking', async () => {
    const history = () => createHistoryRepo(db);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(drawnUser, { selector: (d) => d.n, maxLength: 30 }), fc.integer({ min: 1, max: 12 }), fc.nat(3), async (drawn, chunk, pending) => {
        const users = drawn.map(userOf);
        const extra = Array.from({ length: pending }, (_, i) => ({ ...makeUser(100 + i), lifecycle: 'pending-deletion' as const }));
        const runId = await store(users, extra, chunk, '2025-01-31');
        const fromColumns = await history().presentDiffUsers(runId, users.length);
        const fromRows = (await history().presentPage(runId, 0, users.length, users.length)).map(toDiffUser);
        expect(fromColumns?.map(seen)).toEqual(fromRows.map(seen));
        expect(fromColumns?.map(seen)).toEqual(users.map((u) => seen(toDiffUser({ user: u } as Parameters<typeof toDiffUser>[0]))));
      }),
      { numRuns: 25 },
    );
  });

  it('compares a run stored without columns from its users, with the same result', async () => {
    const a = Array.from({ length: 30 }, (_, n) => userOf({ n, department: n % 2 ? 'IT' : 'Sales', title: 'a', chat: n % 3 ? 'U1' : undefined, enabled: true }));
    const b = a.slice(3).map((u, i) => (i % 4 === 0 ? { ...u, attributes: { ...u.attributes, department: 'Finance' } } : u));
    const idA = await store(a, [], 7, '2025-01-24');
    const idB = await store(b, [], 5, '2025-01-31');
    const withColumns = await CompareSession.open(createHistoryRepo(db), idA, idB);
    await db.summaries.where('[runId+kind+start]').between([idA, 'columns', -Infinity], [idA, 'columns', Infinity]).delete();
    expect(await createHistoryRepo(db).presentDiffUsers(idA, a.length)).toBeNull();
    const progress: string[] = [];
    const fromUsers = await CompareSession.open(createHistoryRepo(db), idA, idB, (text) => progress.push(text));
    expect(fromUsers.csv()).toBe(withColumns.csv());
    expect(fromUsers.overview().diff).toEqual(withColumns.overview().diff);
    expect(withColumns.overview().sizes).toMatchObject({ added: 0, removed: 3, changed: 7 });
    expect(progress).toEqual(expect.arrayContaining(['Loading run A: 30 of 30 users', 'Loading run B: 27 of 27 users']));
  });

  it('removes the columns with their run', async () => {
    const id = await store([makeUser(1), makeUser(2)], [], 1, '2025-01-31');
    expect(await db.summaries.where('[runId+kind+start]').between([id, 'columns', -Infinity], [id, 'columns', Infinity]).count()).toBe(2);
    await repo.discardRun(id);
    expect(await db.summaries.where('[runId+kind+start]').between([id, 'columns', -Infinity], [id, 'columns', Infinity]).count()).toBe(0);
  });
});
