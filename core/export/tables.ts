/**
 * The exported tables: roster.csv, records.csv and conflicts.csv. The CLI and the app write them through
 * these functions, so their columns and cells are identical.
 */
import { STANDARD_ATTRIBUTES, DERIVED_ATTRIBUTES } from '../map/standard';
import type { Conflict, RecordOutcome, RecordRef, RosterUser } from '../types';
import type { Project } from '../project/schema';
import { csvChunks, type Cell } from './csv';

const ORDER = [...Object.keys(STANDARD_ATTRIBUTES), ...Object.keys(DERIVED_ATTRIBUTES)];

/** Attribute columns in a stable order: standard ones as listed, then derived, then custom sorted. */
export function attributeColumns(names: Iterable<string>): string[] {
  const set = new Set(names);
  const known = ORDER.filter((n) => set.has(n));
  const custom = [...set].filter((n) => !ORDER.includes(n)).sort();
  return [...known, ...custom];
}

/** Names of every attribute any roster user has. */
export function rosterAttributeNames(roster: Iterable<RosterUser>): string[] {
  const names = new Set<string>();
  for (const user of roster) for (const name of Object.keys(user.attributes)) names.add(name);
  return attributeColumns(names);
}

/** Deletion-tracking columns of roster.csv (issue 5), after `coverage`. */
export const DELETION_COLUMNS = ['missing_since', 'delete_after', 'days_left'];

/** The header of roster.csv; `deletion` adds the deletion-tracking columns. */
export function rosterHeader(project: Pick<Project, 'sources'>, attributes: string[], deletion = false): string[] {
  return ['user_id', 'state', 'enabled', 'enabled_reason', 'join_key', 'coverage', ...(deletion ? DELETION_COLUMNS : []), ...attributes, ...project.sources.map((s) => `ext_${s.id}`)];
}

/** roster.csv in chunks. `attributes` fixes the attribute columns (default: every attribute in the roster).
 * The deletion columns are written when `options.deletion` says so, by default when any user carries
 * deletion tracking (a run recorded in a history). */
export function rosterCsv(
  project: Pick<Project, 'sources'>,
  roster: Iterable<RosterUser>,
  attributes = rosterAttributeNames(roster),
  options: { deletion?: boolean } = {},
): Generator<string> {
  // A roster given as a generator (a lean run's users) can be read once: pass `attributes` and `deletion` then.
  const deletion = options.deletion ?? (Array.isArray(roster) && roster.some((u: RosterUser) => u.deletion !== undefined));
  const header = rosterHeader(project, attributes, deletion);
  return csvChunks(header, roster, (u): Cell[] => [
    u.userId,
    u.lifecycle,
    u.enabled,
    u.enabledReason,
    u.key,
    u.coverage.join(';'),
    ...(deletion ? [u.deletion?.missingSince, u.deletion?.deleteAfter, u.deletion?.daysLeft] : []),
    ...attributes.map((a) => u.attributes[a]),
    ...project.sources.map((s) => u.identities[s.id]?.id),
  ]);
}

export const RECORDS_HEADER = ['source', 'file', 'row', 'state', 'join_key', 'matched_by', 'user_id', 'external_id', 'filter_rules', 'detail'];

/** records.csv in chunks: every loaded record with its state (attributes are not written, so a record
 * without them, as a lean run gives, will do). */
export function recordsCsv(records: Iterable<Omit<RecordOutcome, 'attributes' | 'raw'>>): Generator<string> {
  return csvChunks(RECORDS_HEADER, records, (r): Cell[] => [
    r.source,
    r.file,
    r.row,
    r.state,
    r.key,
    r.matchedBy,
    r.userId,
    r.externalId,
    r.filterRules.join(';'),
    r.detail,
  ]);
}

export const CONFLICTS_HEADER = ['kind', 'source', 'key', 'role', 'file', 'row', 'external_id', 'user_ids', 'reason'];

/** One row per record involved in a conflict, with its role (kept, dropped, competitor...). */
export function conflictRows(c: Conflict): Cell[][] {
  const row = (key: string | null, role: string, ref: RecordRef, users: string[], reason: string): Cell[] => [
    c.kind,
    c.source,
    key,
    role,
    ref.file,
    ref.row,
    ref.externalId,
    users.join(';'),
    reason,
  ];
  switch (c.kind) {
    case 'duplicate-key':
      return [...(c.winner ? [row(c.key, 'kept', c.winner, [], c.reason)] : []), ...c.losers.map((l) => row(c.key, 'dropped', l, [], c.reason))];
    case 'missing-key':
      return [row(null, 'record', c.record, [], `no value for ${c.keys.join(', ')}`)];
    case 'orphan':
      return [row(c.key, 'record', c.record, [], `matches no primary user (${Object.entries(c.keys).map(([k, v]) => `${k}=${v}`).join(', ') || 'no key'})`)];
    case 'ambiguous-link':
      return c.records.map((r) => row(null, c.linked && sameRef(c.linked, r) ? 'linked' : 'not linked', r, c.userIds, c.reason));
  }
}

const sameRef = (a: RecordRef, b: RecordRef) => a.source === b.source && a.file === b.file && a.row === b.row;

/** conflicts.csv in chunks. */
export function conflictsCsv(conflicts: Conflict[]): Generator<string> {
  return csvChunks(CONFLICTS_HEADER, conflicts.flatMap(conflictRows), (r) => r);
}
