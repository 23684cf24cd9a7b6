/**
 * The sample project's expected counts, computed by a different, deliberately plain algorithm (the way
 * one would write the joins in SQL: filter, normalize, group by key, left join), compared with the
 * pipeline's stats. The filters of examples/acme/project.json are re-written here by hand.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runPipeline } from '../../../../core/pipeline';
import type { InputFile } from '../../../../core/types';

const dir = resolve(__dirname, '../../../../examples/acme');
const project = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'));
type Row = Record<string, unknown>;
interface Rec {
  key: string;
  filtered: boolean;
  active: boolean;
}

const file = (source: string) => project.sources.find((s: { id: string }) => s.id === source).files[0] as string;
const text = (source: string) => readFileSync(join(dir, file(source)), 'utf8').replace(/^\uFEFF/, '');
const norm = (v: unknown) => (typeof v === 'string' && v.includes('@') ? v.trim().toLowerCase() : '');
const get = (o: Row, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Row | undefined)?.[k], o);

function sources(): Record<string, Rec[]> {
  const hr = Papa.parse<Row>(text('workday'), { header: true, skipEmptyLines: true }).data;
  const okta = JSON.parse(text('okta')) as Row[];
  const snow = (JSON.parse(text('servicenow')) as { result: Row[] }).result;
  const slack = (JSON.parse(text('slack')) as { members: Row[] }).members;
  return {
    workday: hr.map((r) => ({ key: norm(r.Work_Email), active: r.Worker_Status !== 'Terminated', filtered: r.Worker_Status === 'Terminated' })),
    okta: okta.map((r) => ({
      key: norm(get(r, 'profile.email')),
      active: r.status === 'ACTIVE',
      filtered: r.status === 'DEPROVISIONED' || String(get(r, 'profile.login') ?? '').startsWith('svc-') || get(r, 'profile.userType') === 'Room',
    })),
    servicenow: snow.map((r) => ({ key: norm(r.email), active: r.active === 'true', filtered: r.active !== 'true' || String(r.user_name).startsWith('svc-') })),
    slack: slack.map((r) => ({ key: norm(get(r, 'profile.email')), active: r.deleted !== true, filtered: r.is_bot === true || r.id === 'USLACKBOT' || r.deleted === true })),
  };
}

function expected() {
  const all = sources();
  const counts: Record<string, Record<string, number>> = {};
  const winners: Record<string, Set<string>> = {};
  for (const [id, recs] of Object.entries(all)) {
    const kept = recs.filter((r) => !r.filtered);
    const withKey = kept.filter((r) => r.key !== '');
    const groups = new Map<string, Rec[]>();
    for (const r of withKey) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
    winners[id] = new Set(groups.keys());
    counts[id] = {
      loaded: recs.length,
      filtered: recs.length - kept.length,
      'missing-key': kept.length - withKey.length,
      duplicate: withKey.length - groups.size,
    };
  }
  const users = winners.workday;
  for (const id of ['okta', 'servicenow', 'slack']) {
    const joined = [...winners[id]].filter((k) => users.has(k)).length;
    counts[id].joined = joined;
    counts[id].orphan = winners[id].size - joined;
  }
  counts.workday.primary = users.size;
  return { counts, users: users.size, coverage: { idam: counts.okta.joined, itsm: counts.servicenow.joined, chat: counts.slack.joined } };
}

function expectedEnabled(): number {
  const us = new Set(['united states of america', 'united states', 'us', 'usa']);
  const hr = Papa.parse<Row>(text('workday'), { header: true, skipEmptyLines: true }).data;
  const seen = new Set<string>();
  let enabled = 0;
  for (const r of hr) {
    const key = norm(r.Work_Email);
    if (r.Worker_Status === 'Terminated' || key === '' || seen.has(key)) continue;
    seen.add(key);
    if (r.Department !== 'Sales' || us.has(String(r.Location_Country).trim().toLowerCase())) enabled++;
  }
  return enabled;
}

describe('the Acme sample, counted independently', () => {
  it('has the per-source state counts, users, coverage and enabled count the pipeline reports', async () => {
    const inputs: InputFile[] = project.sources.map((s: { id: string; files: string[] }) => ({
      source: s.id,
      name: s.files[0],
      bytes: new Uint8Array(readFileSync(join(dir, s.files[0]))),
    }));
    const result = await runPipeline(inputs, project);
    const want = expected();
    for (const [source, counts] of Object.entries(want.counts)) {
      expect(result.stats.perSource[source], source).toMatchObject(counts);
      expect(result.stats.perSource[source].ambiguous, source).toBe(0);
    }
    expect(result.stats.users).toBe(want.users);
    expect(result.stats.coverage).toMatchObject({ hris: want.users, ...want.coverage });
    expect(result.stats.enabled).toBe(expectedEnabled());
  });
});
