/** The audit worker's interner shares equal values without changing any (issue 6). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordOutcome } from '../../../../core/types';
import { createInterner } from '../../../../renderer/worker/intern';
import { makeRun } from '../support/make-run';

describe('createInterner', () => {
  it('leaves users and records equal to what was loaded, sharing their lineage entries', () => {
    const run = makeRun(40);
    const interner = createInterner();
    const users = structuredClone(run.roster).map(interner.user);
    const records = structuredClone(run.records).map(interner.record);
    expect(users).toEqual(run.roster);
    expect(records).toEqual(run.records);
    expect(users[0].lineage.email).toBe(users[1].lineage.email);
    expect(Object.isFrozen(users[0].lineage.email)).toBe(true);
  });

  it('shares at most `limit` distinct strings and keeps every value', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 300 }), fc.integer({ min: 0, max: 50 }), (values, limit) => {
        const interner = createInterner(limit);
        const records = values.map((v, i) => ({ source: 's', file: 'f', row: i, state: 'orphan', externalId: null, key: null, matchedBy: null, userId: null, filterRules: [], detail: v, attributes: { v } }) as RecordOutcome);
        const out = structuredClone(records).map(interner.record);
        expect(out).toEqual(records);
        expect(interner.size()).toBeLessThanOrEqual(limit);
      }),
    );
  });
});
