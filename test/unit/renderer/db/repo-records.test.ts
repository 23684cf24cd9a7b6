/**
 * Records stored in blocks with an index built at completion (issue 6) answer every query exactly as a
 * row per record did: property tests over random runs, chunkings and queries against a plain filter of
 * the same records.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_STATES, type RecordOutcome } from '../../../../core/types';
import { RosterDb } from '../../../../renderer/db/db';
import { createRepo, type Repo } from '../../../../renderer/db/repo';
import { createAuditRepo, type AuditRepo } from '../../../../renderer/db/repo-audit';
import { bucketCount, buildBuckets, hash53, NO_USER } from '../../../../renderer/db/hash-buckets';
import { buildGroups, summarizeRecords } from '../../../../renderer/db/record-index';
import { makeRun } from '../support/make-run';

let db: RosterDb;
let repo: Repo;
let audit: AuditRepo;
let dbCount = 0;

beforeEach(() => {
  db = new RosterDb(`repo-records-test-${++dbCount}`);
  repo = createRepo(db);
  audit = createAuditRepo(db);
});
afterEach(async () => {
  await db.delete();
});

const recordArb = fc.record({
  source: fc.constantFrom('hr', 'idp', 'chat'),
  state: fc.constantFrom(...RECORD_STATES),
  // Few users, so users have several records; null for records that name none.
  userId: fc.option(fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5'), { nil: null }),
  raw: fc.option(fc.dictionary(fc.constantFrom('a', 'b'), fc.string({ maxLength: 3 })), { nil: undefined }),
});

function outcomes(drawn: { source: string; state: RecordOutcome['state']; userId: string | null; raw?: Record<string, string> }[]): RecordOutcome[] {
  return drawn.map((d, i) => {
    const o: RecordOutcome = { source: d.source, file: `${d.source}.csv`, row: i + 1, state: d.state, externalId: `x${i}`, key: null, matchedBy: null, userId: d.userId, filterRules: [], detail: '', attributes: { i } };
    if (d.raw) o.raw = d.raw;
    return o;
  });
}

/** Stores `records` as one run in chunks of the given sizes (cycled), completes it, returns its id. */
async function storeRun(records: RecordOutcome[], chunkSizes: number[]): Promise<string> {
  const run = await repo.beginRun('p1');
  let at = 0;
  for (let c = 0; at < records.length; c++) {
    const size = chunkSizes[c % chunkSizes.length];
    await repo.appendRows(run.id, { table: 'records', rows: records.slice(at, at + size) });
    at += size;
  }
  const { roster: _r, records: _rec, conflicts: _c, ...header } = makeRun(0);
  await repo.completeRun(run.id, header);
  return run.id;
}

describe('records in blocks', () => {
  it('answers by user, by source and state, by position and in full exactly as a filter of the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { maxLength: 700, size: 'max' }),
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.integer({ min: -2, max: 800 }), { maxLength: 20 }),
        async (drawn, chunkSizes, offset, limit, positions) => {
          const records = outcomes(drawn);
          const runId = await storeRun(records, chunkSizes);
          expect((await repo.countRows(runId)).records).toBe(records.length);
          for (const userId of ['u1', 'u3', 'nobody']) {
            expect((await repo.userRecords(runId, userId)).map((r) => [r.seq, r.outcome])).toEqual(
              records.flatMap((r, seq) => (r.userId === userId ? [[seq, r]] : [])),
            );
          }
          for (const source of ['hr', 'chat']) {
            for (const state of ['primary', 'orphan'] as const) {
              const group = records.flatMap((r, seq) => (r.source === source && r.state === state ? [{ seq, r }] : []));
              expect((await audit.recordsInState(runId, source, state, offset, limit)).map((row) => [row.seq, row.outcome])).toEqual(
                group.slice(offset, offset + limit).map(({ seq, r }) => [seq, r]),
              );
            }
          }
          expect((await audit.recordsAt(runId, positions)).map((row) => row.seq)).toEqual(positions.filter((p) => p >= 0 && p < records.length));
          const loaded: RecordOutcome[] = [];
          await audit.loadRecords(runId, true, (chunk) => loaded.push(...chunk));
          expect(loaded).toEqual(records);
          expect([...(await audit.rawOfSource(runId, 'idp'))]).toEqual(records.flatMap((r, seq) => (r.source === 'idp' && r.raw ? [[seq, r.raw]] : [])));
          await repo.discardRun(runId);
          expect(await db.blocks.count()).toBe(0);
          expect(await db.runIndex.count()).toBe(0);
          expect(await db.summaries.count()).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('spreads users over buckets of bounded size and keeps every named record exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ maxLength: 8 }), { nil: null }), { maxLength: 20_000 }), fc.integer({ min: 1, max: 5000 }), (ids, chunk) => {
        const records = ids.map((userId) => ({ source: 's', state: 'joined' as const, userId }) as RecordOutcome);
        const summaries = [];
        for (let at = 0; at < records.length; at += chunk) summaries.push(summarizeRecords(at, records.slice(at, at + chunk)));
        summaries.reverse();
        const buckets = buildBuckets(summaries);
        const named = ids.filter((id) => id !== null).length;
        expect(buckets).toHaveLength(bucketCount(named));
        const seen = buckets.flatMap((bucket, b) => [...bucket.seqs].map((seq, i) => ({ seq, hash: bucket.hashes[i], b })));
        expect(seen.map((e) => e.seq).sort((a, b) => a - b)).toEqual(ids.flatMap((id, seq) => (id === null ? [] : [seq])));
        for (const e of seen) {
          expect(e.hash).toBe(hash53(ids[e.seq] ?? ''));
          expect(e.hash).not.toBe(NO_USER);
          expect(e.hash % buckets.length).toBe(e.b);
        }
        expect([...(buildGroups(summaries).get('s\u0000joined') ?? [])]).toEqual(ids.map((_, i) => i));
      }),
      { numRuns: 30 },
    );
  });
});
