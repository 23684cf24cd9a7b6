/**
 * Explain ("why?"): given anything a person can quote (email, name, any external id), finds every record
 * of every source that matches, the roster users involved, and says in plain words why the person is or is
 * not in the roster, enabled and reachable in each system. One function for the CLI and the app.
 */
import type { RecordOutcome, RosterUser, RunResult, SystemKind } from '../types';
import { normalizeKey } from '../join/keys';
import { diagnose } from './diagnose';
import { closestKeys } from './closest';
import type { Trace, TraceRecord, TraceUser } from './types';

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : null);

/** Why a record matches the query (`q` trimmed and lower-cased, `qKey` the query as a normalized key),
 * or null. Exported so a host can tell how broad a query is before tracing it. */
export function matchOf(record: RecordOutcome, q: string, qKey: string | null): string | null {
  if (record.externalId !== null && record.externalId.toLowerCase() === q) return `its ${record.source} id`;
  if (qKey !== null && record.key === qKey) return 'its joining key';
  for (const [name, value] of Object.entries(record.attributes)) if (lower(value) === q) return name;
  const first = lower(record.attributes.first_name);
  const last = lower(record.attributes.last_name);
  if (first && last && (`${first} ${last}` === q || `${last}, ${first}` === q)) return 'first and last name';
  return null;
}

const toTraceUser = (u: RosterUser): TraceUser => ({
  userId: u.userId,
  key: u.key,
  attributes: u.attributes,
  lineage: u.lineage,
  identities: u.identities,
  enabled: u.enabled,
  enabledReason: u.enabledReason,
  coverage: u.coverage,
});

/** Traces `query` through a finished run. Pass `raw` to attach raw records (by record position). */
export function explain(result: RunResult, query: string, options: { raw?: (record: RecordOutcome) => Record<string, unknown> | undefined } = {}): Trace {
  const q = query.trim().toLowerCase();
  const qKey = normalizeKey(query, result.config.join.normalize);
  const systems = new Map(result.config.sources.map((s) => [s.id, s.system as SystemKind]));
  const mappings = new Map(result.config.sources.map((s) => [s.id, s.mapping]));
  const usersById = new Map(result.roster.map((u) => [u.userId, u]));

  const usersByKey = new Map(result.roster.map((u) => [u.key, u]));
  const matched = new Map<number, string>();
  result.records.forEach((record, i) => {
    const on = q === '' ? null : matchOf(record, q, qKey);
    if (on) matched.set(i, on);
  });
  const userIds = new Set<string>();
  for (const i of matched.keys()) {
    const record = result.records[i];
    if (record.userId && usersById.has(record.userId)) userIds.add(record.userId);
    // A duplicate's key still names the user the winner made.
    const byKey = record.state === 'duplicate' && record.key ? usersByKey.get(record.key) : undefined;
    if (byKey) userIds.add(byKey.userId);
  }
  const direct = qKey === null ? undefined : usersByKey.get(qKey);
  if (direct) userIds.add(direct.userId);
  // Every record linked to a user involved belongs to the trace too: the whole person, not one account.
  result.records.forEach((record, i) => {
    if (!matched.has(i) && record.userId && userIds.has(record.userId)) matched.set(i, 'linked to the same user');
  });

  const primaryKeys = result.roster.map((u) => u.key);
  const records: TraceRecord[] = [...matched]
    .sort(([a], [b]) => a - b)
    .map(([i, on]) => {
      const r = result.records[i];
      const unlinked = r.state === 'orphan' || r.state === 'missing-key' || (r.state === 'filtered' && r.source !== result.config.primary);
      return {
        source: r.source,
        system: systems.get(r.source) ?? 'other',
        file: r.file,
        row: r.row,
        externalId: r.externalId,
        state: r.state,
        detail: r.detail,
        key: r.key,
        matchedBy: r.matchedBy,
        userId: r.userId,
        filterRules: r.filterRules,
        mapping: mappings.get(r.source) ?? {},
        attributes: r.attributes,
        raw: options.raw?.(r) ?? r.raw,
        closestKeys: unlinked && r.key ? closestKeys(r.key, primaryKeys) : undefined,
        matchedOn: on,
      };
    });
  const users = [...userIds].map((id) => toTraceUser(usersById.get(id) as RosterUser));
  return { query, asOf: result.asOf, records, users, diagnosis: diagnose(result, records, users) };
}
