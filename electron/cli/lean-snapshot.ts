/**
 * run.ndjson for a lean run (issue 6): the history's snapshot (core/history/snapshot.ts) made from the
 * roster a slice of users at a time, so a million RosterUser objects never exist at once. Each slice
 * goes through snapshotOf itself; the slices' columns are then joined, attribute columns in first-seen
 * order and reasons renumbered, which gives the snapshot snapshotOf would make of the whole roster.
 */
import { snapshotOf, type RunSnapshot } from '../../core/history';
import type { LeanRun } from '../../core/pipeline';
import { batches } from '../../core/run/stream';
import type { RosterUser, RunResult } from '../../core/types';

const SLICE = 20_000;

function append<T>(to: T[], from: readonly T[]): void {
  for (const value of from) to.push(value);
}

/** Adds `part` (a later slice of the same run) to `whole`; `reasonAt` indexes whole's reasons. */
function join(whole: RunSnapshot, part: RunSnapshot, reasonAt: Map<string, number>): void {
  const w = whole.users;
  const p = part.users;
  append(w.ids, p.ids);
  append(w.keys, p.keys);
  append(w.enabled, p.enabled);
  append(w.coverage, p.coverage);
  const renumber = p.reasons.map((reason) => {
    let at = reasonAt.get(reason);
    if (at === undefined) {
      at = w.reasons.push(reason) - 1;
      reasonAt.set(reason, at);
    }
    return at;
  });
  for (const r of p.reason) w.reason.push(renumber[r]);
  for (const [name, values] of Object.entries(p.attributes)) {
    // A name this slice is the first to have: earlier users lack it (snapshotOf writes null for them).
    w.attributes[name] ??= new Array(whole.count).fill(null);
    append(w.attributes[name], values);
  }
  for (const [name, values] of Object.entries(w.attributes)) if (!Object.hasOwn(p.attributes, name)) for (let i = 0; i < part.count; i++) values.push(null);
  for (const [source, values] of Object.entries(p.identities)) append((w.identities[source] ??= []), values);
  whole.count += part.count;
}

/** The snapshot of a lean run, as snapshotOf gives it for the same run held whole. */
export function leanSnapshot(lean: LeanRun, size = SLICE): RunSnapshot {
  const run = (roster: RosterUser[]): RunResult => ({ ...lean.result, roster, records: [] });
  let whole: RunSnapshot | null = null;
  const reasonAt = new Map<string, number>();
  for (const slice of batches(lean.users(), size)) {
    const part = snapshotOf(run(slice));
    if (whole === null) {
      whole = part;
      part.users.reasons.forEach((reason, i) => reasonAt.set(reason, i));
    } else join(whole, part, reasonAt);
  }
  return whole ?? snapshotOf(run([]));
}
