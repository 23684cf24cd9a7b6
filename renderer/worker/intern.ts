/**
 * Makes equal strings and lineage entries of a loaded run share one copy (issue 6). A run read back from
 * IndexedDB has a fresh string for every value: at 1,000,000 users the audit worker's copy of the run
 * (users with their lineage, ~4 records each with their mapped attributes) did not fit a V8 heap, while
 * most of those strings repeat (a source name, a state, a department, one lineage entry per attribute).
 *
 * Only short strings are shared, and only up to `limit` distinct ones, so unique values (emails, ids) do
 * not grow the table without bound. Rows are changed in place: they are the loader's own fresh copies.
 * Shared lineage entries are frozen, so a task that tried to change one would fail instead of changing
 * every user's.
 */
import type { Lineage, RecordOutcome, RosterUser, Scalar } from '../../core/types';

/** Longest string shared (longer ones are almost always unique). */
const MAX_LENGTH = 96;

export function createInterner(limit = 250_000) {
  const strings = new Map<string, string>();
  const lineages = new Map<string, Lineage>();

  const str = <S extends string>(text: S): S => {
    if (text.length > MAX_LENGTH) return text;
    const known = strings.get(text);
    if (known !== undefined) return known as S;
    if (strings.size < limit) strings.set(text, text);
    return text;
  };
  const attributes = (values: Record<string, Scalar>): void => {
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (typeof value === 'string') values[key] = str(value);
    }
  };

  return {
    user(user: RosterUser): RosterUser {
      for (const key of Object.keys(user.lineage)) {
        const entry = user.lineage[key];
        const id = `${entry.source}\u0000${entry.field}`;
        let shared = lineages.get(id);
        if (!shared) lineages.set(id, (shared = Object.freeze({ source: str(entry.source), field: str(entry.field) })));
        user.lineage[key] = shared;
      }
      attributes(user.attributes);
      for (const identity of Object.values(user.identities)) {
        identity.matchedBy = str(identity.matchedBy);
        identity.file = str(identity.file);
      }
      user.enabledReason = str(user.enabledReason);
      user.coverage = user.coverage.map(str);
      return user;
    },

    record(record: RecordOutcome): RecordOutcome {
      record.source = str(record.source);
      record.file = str(record.file);
      record.state = str(record.state);
      if (record.matchedBy !== null) record.matchedBy = str(record.matchedBy);
      record.detail = str(record.detail);
      record.filterRules = record.filterRules.map(str);
      attributes(record.attributes);
      return record;
    },

    /** Distinct strings shared so far (tests, measurements). */
    size: (): number => strings.size,
  };
}
