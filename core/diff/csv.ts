/**
 * diff.csv: one row per added or removed user, and one row per changed field of a matched user
 * (`join_key`, an attribute name, `link:<source>`, `enabled`, `coverage`). Written through csvChunks,
 * so cells are formula-safe and a million-row diff is produced in chunks.
 */
import { csvChunks, type Cell } from '../export/csv';
import type { DiffUser, RunDiff, UserChange } from './types';

export const DIFF_HEADER = ['change', 'user_id_a', 'user_id_b', 'join_key_a', 'join_key_b', 'matched_by', 'email', 'display_name', 'field', 'old', 'new'];

const name = (u: DiffUser): Cell[] => [u.attributes.email, u.attributes.display_name];

function* changedRows(c: UserChange): Generator<Cell[]> {
  const head = (): Cell[] => ['changed', c.userId.old, c.userId.new, c.key.old, c.key.new, c.matchedBy, ...name(c.new)];
  if (c.key.old !== c.key.new) yield [...head(), 'join_key', c.key.old, c.key.new];
  for (const a of c.attributes) yield [...head(), a.attribute, a.old, a.new];
  for (const l of c.links) yield [...head(), `link:${l.source}`, l.old ?? (l.change === 'gained' ? '' : '(no id)'), l.new ?? (l.change === 'lost' ? '' : '(no id)')];
  if (c.enabled) yield [...head(), 'enabled', c.enabled.old, c.enabled.new];
  if (c.coverage) yield [...head(), 'coverage', c.old.coverage.join(';'), c.new.coverage.join(';')];
}

function* diffRows(diff: RunDiff): Generator<Cell[]> {
  for (const u of diff.added) yield ['added', null, u.userId, null, u.key, null, ...name(u), null, null, null];
  for (const u of diff.removed) yield ['removed', u.userId, null, u.key, null, null, ...name(u), null, null, null];
  for (const c of diff.changed) yield* changedRows(c);
}

/** diff.csv in chunks. */
export function diffCsv(diff: RunDiff): Generator<string> {
  return csvChunks(DIFF_HEADER, diffRows(diff), (row) => row);
}
