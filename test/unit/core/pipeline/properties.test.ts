/**
 * Invariants of DESIGN.md checked on random small projects: counts add up, every record ends in exactly
 * one state, the roster is a subset of the filtered primary, user ids are stable under row shuffling, and
 * the output is deterministic.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { runPipeline, runPipelineStreamed } from '../../../../core/pipeline';
import { streamParts, streamRun } from '../../../../core/run/stream';
import { RECORD_STATES, type InputFile } from '../../../../core/types';
import type { ProjectInput } from '../../../../core/project/schema';

const encoder = new TextEncoder();
const emails = ['ann@acme.com', 'ANN@acme.com ', 'bob@acme.com', 'cy@acme.com', 'dee@acme.com', '', 'svc-x@acme.com'];
const person = fc.record({
  email: fc.constantFrom(...emails),
  id: fc.constantFrom('1', '2', '3', '4', ''),
  active: fc.constantFrom('true', 'false'),
  dept: fc.constantFrom('Sales', 'IT', ''),
});
const world = fc.record({
  hr: fc.array(person, { maxLength: 12 }),
  idp: fc.array(person, { maxLength: 12 }),
  chat: fc.array(person, { maxLength: 12 }),
  policy: fc.constantFrom('first', 'prefer-active', 'drop-all'),
  fallback: fc.boolean(),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const COLUMNS = ['email', 'id', 'active', 'dept'] as const;
const csv = (rows: Record<(typeof COLUMNS)[number], string>[]) =>
  encoder.encode(Papa.unparse({ fields: [...COLUMNS], data: rows.map((r) => COLUMNS.map((c) => r[c])) }));
const json = (rows: object[]) => encoder.encode(JSON.stringify({ value: rows.map((r, i) => ({ ...r, uid: `u${i}` })) }));

function inputs(w: World): InputFile[] {
  return [
    { source: 'hr', name: 'hr.csv', bytes: csv(w.hr) },
    { source: 'idp', name: 'idp.json', bytes: json(w.idp) },
    { source: 'chat', name: 'chat.csv', bytes: csv(w.chat) },
  ];
}

function project(w: World): ProjectInput {
  const mapping = { email: 'email', employee_id: 'id', active: 'to_bool(active)', department: 'dept' };
  const filters = [{ name: 'service accounts', when: 'email != null && matches(email, "^svc-")' }];
  return {
    name: 'prop',
    asOf: '2026-11-02',
    primary: 'hr',
    sources: [
      { id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'id', mapping, filters },
      { id: 'idp', system: 'idam', files: ['idp.json'], externalId: 'uid', mapping },
      { id: 'chat', system: 'chat', files: ['chat.csv'], externalId: 'email', mapping, filters },
    ],
    join: { key: 'email', fallbackKeys: w.fallback ? ['employee_id'] : [], duplicatePolicy: w.policy },
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('pipeline invariants', () => {
  it('counts add up and every record has exactly one state', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const result = await runPipeline(inputs(w), project(w));
        const loaded = { hr: w.hr.length, idp: w.idp.length, chat: w.chat.length };
        expect(result.records).toHaveLength(loaded.hr + loaded.idp + loaded.chat);
        for (const [source, stats] of Object.entries(result.stats.perSource)) {
          expect(stats.loaded).toBe(loaded[source as keyof typeof loaded]);
          expect(RECORD_STATES.reduce((sum, s) => sum + stats[s], 0)).toBe(stats.loaded);
        }
        for (const r of result.records) expect(RECORD_STATES).toContain(r.state);
        const rows = new Set(result.records.map((r) => `${r.source}:${r.file}:${r.row}`));
        expect(rows.size).toBe(result.records.length);
        expect(result.stats.users).toBe(result.stats.perSource.hr.primary);
      }),
      { numRuns: 150 },
    );
  });

  it('the roster is a subset of the filtered primary, one user per primary record', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const result = await runPipeline(inputs(w), project(w));
        const primaryKept = result.records.filter((r) => r.source === 'hr' && r.state === 'primary');
        expect(new Set(result.roster.map((u) => u.userId))).toEqual(new Set(primaryKept.map((r) => r.userId)));
        for (const r of result.records.filter((r) => r.source === 'hr' && r.state === 'filtered')) expect(r.userId).toBeNull();
        for (const u of result.roster) expect(u.identities.hr).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  it('user ids and record states are stable under row shuffling (first policy aside)', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.integer({ min: 1, max: 1e6 }), async (w0, seed) => {
        const w = { ...w0, policy: w0.policy === 'first' ? 'prefer-active' : w0.policy } as World;
        const a = await runPipeline(inputs(w), project(w));
        const shuffled = { ...w, hr: shuffle(w.hr, seed), idp: shuffle(w.idp, seed + 1), chat: shuffle(w.chat, seed + 2) };
        const b = await runPipeline(inputs(shuffled), project(shuffled));
        expect(new Set(b.roster.map((u) => u.userId))).toEqual(new Set(a.roster.map((u) => u.userId)));
        expect(b.stats.perSource.hr).toEqual(a.stats.perSource.hr);
        expect(b.stats.users).toBe(a.stats.users);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same inputs give the same result', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const a = await runPipeline(inputs(w), project(w));
        const b = await runPipeline(inputs(w), project(w));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 50 },
    );
  });

  it('the streamed run (built as read, what the browser worker sends) is the same run, and streams the same messages', async () => {
    await fc.assert(
      fc.asyncProperty(world, fc.integer({ min: 1, max: 7 }), async (w, size) => {
        const whole = await runPipeline(inputs(w), project(w), { keepRaw: true });
        const streamed = await runPipelineStreamed(inputs(w), project(w), { keepRaw: true });
        expect(JSON.stringify({ ...streamed.result, roster: [...streamed.users()], records: [...streamed.records()] })).toBe(
          JSON.stringify({ ...whole, roster: whole.roster, records: whole.records }),
        );
        const parts = [...streamParts(streamed.parts(), size)];
        expect(JSON.stringify(parts)).toBe(JSON.stringify([...streamRun(whole, size)]));
      }),
      { numRuns: 50 },
    );
  });
});
