/**
 * A run's snapshot: what the history keeps of it (issue 5). The roster is stored as columns (see
 * SnapshotColumns) with every merged attribute, the external id per source, enablement and coverage, so
 * pending-deletion rows can carry their last known values and `diff` can compare two stored runs.
 * Lineage, identity files/rows, records and conflicts are left out: they belong to the run's own outputs.
 */
import { userIdOf } from '../join/user-id';
import type { Project } from '../project/schema';
import { SYSTEM_KINDS, type ExternalIdentity, type RosterUser, type RunResult, type Scalar, type SystemKind } from '../types';
import { SNAPSHOT_FORMAT, type RunSnapshot, type SnapshotColumns } from './types';

/** JSON with object keys sorted, so equal configs give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 hex of a project configuration's canonical JSON, leaving out what changes with every export
 * (`asOf` and the sources' file names), so the weekly runs of one configuration share a hash. */
export function configHash(config: Project): string {
  const { asOf: _asOf, $schema: _schema, ...rest } = config;
  return userIdOf(canonicalJson({ ...rest, sources: config.sources.map((s) => ({ ...s, files: undefined })) }));
}

/** True for the users a run actually found (not the pending or deleted rows history adds). */
export const isPresent = (user: Pick<RosterUser, 'lifecycle'>): boolean => user.lifecycle === 'active' || user.lifecycle === 'restored';

const coverageMask = (coverage: readonly SystemKind[]): number => coverage.reduce((mask, kind) => mask | (1 << SYSTEM_KINDS.indexOf(kind)), 0);
export const coverageKinds = (mask: number): SystemKind[] => SYSTEM_KINDS.filter((_, bit) => (mask & (1 << bit)) !== 0);

/**
 * Users as snapshot columns: every attribute any of them has, and the external id in each of `sources`
 * (default: every source any of them links to, in order of appearance). Also stored per appended chunk
 * by the browser edition, so comparing two stored runs reads columns instead of whole users (issue 6).
 */
export function columnsOf(users: readonly RosterUser[], sources?: readonly string[]): SnapshotColumns {
  const n = users.length;
  const names = new Set<string>();
  const linked = new Set<string>(sources ?? []);
  for (const user of users) {
    for (const name of Object.keys(user.attributes)) names.add(name);
    if (!sources) for (const source of Object.keys(user.identities)) linked.add(source);
  }
  const columns: SnapshotColumns = {
    ids: new Array<string>(n),
    keys: new Array<string>(n),
    enabled: new Array<number>(n),
    reasons: [],
    reason: new Array<number>(n),
    coverage: new Array<number>(n),
    attributes: Object.fromEntries([...names].map((name) => [name, new Array<Scalar>(n)])),
    identities: Object.fromEntries([...linked].map((s) => [s, new Array<string | null>(n)])),
  };
  const reasonIndex = new Map<string, number>();
  const attributeColumns = Object.entries(columns.attributes);
  const identityColumns = Object.entries(columns.identities);
  for (let i = 0; i < n; i++) {
    const user = users[i];
    columns.ids[i] = user.userId;
    columns.keys[i] = user.key;
    columns.enabled[i] = user.enabled ? 1 : 0;
    let r = reasonIndex.get(user.enabledReason);
    if (r === undefined) {
      r = columns.reasons.push(user.enabledReason) - 1;
      reasonIndex.set(user.enabledReason, r);
    }
    columns.reason[i] = r;
    columns.coverage[i] = coverageMask(user.coverage);
    for (const [name, values] of attributeColumns) values[i] = user.attributes[name] ?? null;
    // '' marks a link whose record has no external id, so it survives the round trip (null = no link)
    for (const [source, values] of identityColumns) {
      const link = user.identities[source];
      values[i] = link ? (link.id ?? '') : null;
    }
  }
  return columns;
}

/** The snapshot of a finished run. Only present users are stored; rows added by history are skipped. */
export function snapshotOf(result: RunResult): RunSnapshot {
  const users = result.roster.filter(isPresent);
  const columns = columnsOf(users, result.config.sources.map((s) => s.id));
  const hash = configHash(result.config);
  const inputs = result.inputs.map((f) => f.sha256).sort().join(',');
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    id: `${result.asOf}-${userIdOf(`${hash}|${inputs}`).slice(0, 12)}`,
    projectName: result.projectName,
    asOf: result.asOf,
    configHash: hash,
    config: result.config,
    inputs: result.inputs,
    stats: result.stats,
    warnings: result.warnings,
    count: users.length,
    users: columns,
  };
}

/**
 * Rebuilds roster users from a snapshot's columns (every row, or the rows given). The users have no
 * lineage, and their identities no file or row (`file` is empty, `row` 0): a snapshot does not keep them.
 */
export function snapshotUsers(snapshot: Pick<RunSnapshot, 'config' | 'users' | 'count'>, rows?: readonly number[]): RosterUser[] {
  const c = snapshot.users;
  const attributes = Object.entries(c.attributes);
  const identities = Object.entries(c.identities);
  const matchedBy = snapshot.config.join.key;
  const pick = rows ?? Array.from({ length: snapshot.count }, (_, i) => i);
  return pick.map((i): RosterUser => {
    const attrs: Record<string, Scalar> = {};
    for (const [name, values] of attributes) if (values[i] !== null && values[i] !== undefined) attrs[name] = values[i];
    const links: Record<string, ExternalIdentity> = {};
    for (const [source, values] of identities) {
      const id = values[i];
      if (id !== null && id !== undefined) links[source] = { id: id === '' ? null : id, key: c.keys[i], matchedBy, file: '', row: 0 };
    }
    return {
      userId: c.ids[i],
      key: c.keys[i],
      attributes: attrs,
      lineage: {},
      identities: links,
      enabled: c.enabled[i] === 1,
      enabledReason: c.reasons[c.reason[i]] ?? '',
      coverage: coverageKinds(c.coverage[i]),
      lifecycle: 'active',
    };
  });
}
