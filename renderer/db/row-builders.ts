/**
 * Turns the rows of one run-stream chunk into the rows the database stores: adds the run id, the row's
 * position and the lower-cased copies the search indexes need.
 */
import type { Conflict, RecordOutcome, RosterUser } from '../../core/types';
import { EXT_ID_SEPARATOR, type ConflictRow, type FilterHitRow, type RosterRow } from './entities';

function lower(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim().toLowerCase();
}

/** Roster rows numbered from `start`. */
export function toRosterRows(runId: string, start: number, users: RosterUser[]): RosterRow[] {
  return users.map((user, i) => {
    const ids = new Set<string>();
    for (const identity of Object.values(user.identities)) {
      if (identity.id !== null && identity.id !== '') ids.add(runId + EXT_ID_SEPARATOR + lower(identity.id));
    }
    return {
      runId,
      seq: start + i,
      userId: user.userId,
      key: lower(user.key),
      email: lower(user.attributes.email),
      name: lower(user.attributes.display_name),
      extIds: [...ids],
      user,
    };
  });
}

/** One filter-hit row per (record, rule), pointing at the record's seq. */
export function toFilterHitRows(runId: string, start: number, outcomes: RecordOutcome[]): FilterHitRow[] {
  return outcomes.flatMap((outcome, i) =>
    [...new Set(outcome.filterRules)].map((rule) => ({
      runId,
      seq: start + i,
      rule,
      source: outcome.source,
      file: outcome.file,
      row: outcome.row,
    })),
  );
}

/** Conflict rows numbered from `start`. */
export function toConflictRows(runId: string, start: number, conflicts: Conflict[]): ConflictRow[] {
  return conflicts.map((conflict, i) => ({ runId, seq: start + i, kind: conflict.kind, source: conflict.source, conflict }));
}

/** True when any attribute value or external id of the user contains `needle` (already lower-cased). */
export function userMatches(user: RosterUser, needle: string): boolean {
  if (user.key.toLowerCase().includes(needle) || user.userId.startsWith(needle)) return true;
  for (const value of Object.values(user.attributes)) {
    if (value !== null && String(value).toLowerCase().includes(needle)) return true;
  }
  for (const identity of Object.values(user.identities)) {
    if (identity.id !== null && identity.id.toLowerCase().includes(needle)) return true;
  }
  return false;
}
