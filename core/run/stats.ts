/** Run statistics: counts per source and state, coverage, filter hits, conflicts, completeness. */
import { isEmpty } from '../map/standard';
import {
  CONFLICT_KINDS,
  RECORD_STATES,
  SYSTEM_KINDS,
  type Conflict,
  type ConflictKind,
  type FilterHitStat,
  type RecordOutcome,
  type RosterUser,
  type RunStats,
  type SourceStats,
  type SystemKind,
} from '../types';

const emptySourceStats = (): SourceStats =>
  Object.assign({ loaded: 0 }, Object.fromEntries(RECORD_STATES.map((s) => [s, 0]))) as SourceStats;

/** Computes the stats of a run from its rows. */
export function computeStats(
  sources: string[],
  records: RecordOutcome[],
  roster: RosterUser[],
  conflicts: Conflict[],
): RunStats {
  const perSource: Record<string, SourceStats> = Object.fromEntries(sources.map((s) => [s, emptySourceStats()]));
  const hits = new Map<string, FilterHitStat>();
  for (const r of records) {
    const stats = (perSource[r.source] ??= emptySourceStats());
    stats.loaded++;
    stats[r.state]++;
    for (const rule of r.filterRules) {
      const id = `${r.source}\u0000${rule}`;
      const stat = hits.get(id) ?? { source: r.source, rule, hits: 0, only: 0 };
      stat.hits++;
      if (r.filterRules.length === 1) stat.only++;
      hits.set(id, stat);
    }
  }
  const coverage = Object.fromEntries(SYSTEM_KINDS.map((k) => [k, 0])) as Record<SystemKind, number>;
  const filled = new Map<string, number>();
  let enabled = 0;
  for (const user of roster) {
    if (user.enabled) enabled++;
    for (const kind of user.coverage) coverage[kind]++;
    for (const [name, value] of Object.entries(user.attributes)) {
      filled.set(name, (filled.get(name) ?? 0) + (isEmpty(value) ? 0 : 1));
    }
  }
  const completeness: Record<string, number> = {};
  for (const [name, count] of filled) completeness[name] = roster.length === 0 ? 0 : count / roster.length;
  const conflictCounts = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<ConflictKind, number>;
  for (const c of conflicts) conflictCounts[c.kind]++;
  return {
    perSource,
    users: roster.length,
    enabled,
    coverage,
    filterHits: [...hits.values()],
    conflicts: conflictCounts,
    completeness,
  };
}
