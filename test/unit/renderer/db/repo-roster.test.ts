/**
 * Users stored in blocks with lookups built at completion (issue 6) answer as a row per user did:
 * property tests over random rosters and chunkings against plain filters of the same users.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RosterUser } from '../../../../core/types';
import { RosterDb } from '../../../../renderer/db/db';
import { createRepo, type Repo } from '../../../../renderer/db/repo';
import { createHistoryRepo } from '../../../../renderer/db/repo-history';
import { buildTermIndex, findPrefix, TERM_PAGE } from '../../../../renderer/db/term-index';
import { makeRun, makeUser } from '../support/make-run';

let db: RosterDb;
let repo: Repo;
let dbCount = 0;

beforeEach(() => {
  db = new RosterDb(`repo-roster-test-${++dbCount}`);
  repo = createRepo(db);
});
afterEach(async () => {
  await db.delete();
});

/** Users with colliding names and emails drawn from a small alphabet, so prefixes hit several users. */
const userArb = fc.record({ email: fc.stringMatching(/^[ab]{1,4}@x$/), name: fc.stringMatching(/^[AaBb ]{0,4}$/), ext: fc.option(fc.stringMatching(/^[ab1]{1,3}$/), { nil: null }) });

function users(drawn: { email: string; name: string; ext: string | null }[]): RosterUser[] {
  return drawn.map((d, i) => {
    const user = makeUser(i);
    const identities: RosterUser['identities'] = { hr: { ...user.identities.hr, id: d.ext } };
    return { ...user, key: d.email, attributes: { ...user.attributes, email: d.email, display_name: d.name }, identities };
  });
}

async function storeRoster(roster: RosterUser[], chunk: number): Promise<string> {
  const run = await repo.beginRun('p1');
  for (let at = 0; at < roster.length; at += chunk) await repo.appendRows(run.id, { table: 'roster', rows: roster.slice(at, at + chunk) });
  const { roster: _r, records: _rec, conflicts: _c, ...header } = makeRun(0);
  await repo.completeRun(run.id, { ...header, stats: { ...header.stats, users: roster.length } });
  return run.id;
}

const lower = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim().toLowerCase());
const termsOf = (u: RosterUser) => [u.key, u.attributes.email, u.attributes.display_name, ...Object.values(u.identities).map((i) => i.id)].map(lower).filter((t) => t !== '');

describe('roster in blocks', () => {
  it('pages, finds users by id and by prefix, and lists ids exactly as filters of the users', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userArb, { maxLength: 600, size: 'max' }), fc.integer({ min: 1, max: 700 }), fc.stringMatching(/^[ab1 @]{1,3}$/), fc.nat(700), async (drawn, chunk, query, start) => {
        const roster = users(drawn);
        const runId = await storeRoster(roster, chunk);
        expect((await repo.countRows(runId)).roster).toBe(roster.length);
        expect((await repo.rosterPage(runId, start, 30)).map((r) => [r.seq, r.user])).toEqual(roster.slice(start, start + 30).map((u, i) => [start + i, u]));
        for (const i of [0, Math.floor(roster.length / 2), roster.length - 1].filter((i) => i >= 0 && i < roster.length)) {
          expect((await repo.getRosterUser(runId, roster[i].userId))?.user).toEqual(roster[i]);
        }
        expect(await repo.getRosterUser(runId, 'nobody')).toBeUndefined();
        expect(await createHistoryRepo(db).presentUserIds(runId, start)).toEqual(roster.slice(0, start).map((u) => u.userId));

        const q = query.trim().toLowerCase();
        if (q === '') return;
        const byPrefix = roster.flatMap((u, seq) => (termsOf(u).some((t) => t.startsWith(q)) ? [seq] : []));
        const found = (await repo.searchRoster(runId, q, 1000)).map((r) => r.seq);
        if (byPrefix.length > 0) {
          expect([...found].sort((a, b) => a - b)).toEqual(byPrefix);
        } else {
          // No prefix match: the scan over every attribute.
          const contains = roster.flatMap((u, seq) => ([...termsOf(u), ...Object.values(u.attributes).map(lower)].some((t) => t.includes(q)) ? [seq] : []));
          expect([...found].sort((a, b) => a - b)).toEqual(contains);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('finds every prefix over many term pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[abc]{0,6}$/), { minLength: TERM_PAGE, maxLength: 3 * TERM_PAGE, size: 'max' }), fc.stringMatching(/^[abc]{1,3}$/), async (terms, prefix) => {
        const index = buildTermIndex([{ terms, seqs: Int32Array.from(terms.keys()) }]);
        const found = await findPrefix(index.firsts, async (p) => index.pages[p], prefix, Infinity);
        expect([...found].sort((a, b) => a - b)).toEqual(terms.flatMap((t, i) => (t.startsWith(prefix) ? [i] : [])));
      }),
      { numRuns: 20 },
    );
  });
});
