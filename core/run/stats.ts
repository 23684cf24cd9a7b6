/** Run statistics: counts per source and state, coverage, filter hits, conflicts, completeness. */
import type { StoreDecisions } from '../join/compact';
import type { SourceStore } from '../join/store';
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
  return finishStats(perSource, hits, roster, conflicts);
}

/**
 * computeStats over compact stores and the join's decisions (issue 6): the same numbers, in the same key
 * order, without a RecordOutcome per record. Filter hits are counted per distinct list of rules.
 */
export function computeStoreStats(
  sources: string[],
  stores: readonly SourceStore[],
  decisions: readonly Pick<StoreDecisions, 'state'>[],
  roster: Iterable<RosterUser>,
  conflicts: Conflict[],
): RunStats {
  const perSource: Record<string, SourceStats> = Object.fromEntries(sources.map((s) => [s, emptySourceStats()]));
  const hits = new Map<string, FilterHitStat>();
  stores.forEach((store, s) => {
    const stats = (perSource[store.source] ??= emptySourceStats());
    const byState = new Array<number>(RECORD_STATES.length).fill(0);
    const perSet = new Array<number>(store.ruleSets.length).fill(0);
    const state = decisions[s].state;
    for (let i = 0; i < store.count; i++) {
      byState[state[i]]++;
      const set = store.ruleSet[i];
      if (set === 0) continue;
      // First sight of a list registers its rules, so rules keep the order computeStats meets them in.
      if (perSet[set]++ === 0) {
        for (const rule of store.ruleSets[set]) {
          const id = `${store.source}\u0000${rule}`;
          if (!hits.has(id)) hits.set(id, { source: store.source, rule, hits: 0, only: 0 });
        }
      }
    }
    stats.loaded += store.count;
    RECORD_STATES.forEach((name, code) => (stats[name] += byState[code]));
    perSet.forEach((count, set) => {
      const rules = store.ruleSets[set];
      for (const rule of rules) {
        const stat = hits.get(`${store.source}\u0000${rule}`) as FilterHitStat;
        stat.hits += count;
        if (rules.length === 1) stat.only += count;
      }
    });
  });
  return finishStats(perSource, hits, roster, conflicts);
}

function finishStats(perSource: Record<string, SourceStats>, hits: Map<string, FilterHitStat>, roster: Iterable<RosterUser>, conflicts: Conflict[]): RunStats {
  const coverage = Object.fromEntries(SYSTEM_KINDS.map((k) => [k, 0])) as Record<SystemKind, number>;
  const filled = new Map<string, number>();
  let enabled = 0;
  let users = 0;
  for (const user of roster) {
    users++;
    if (user.enabled) enabled++;
    for (const kind of user.coverage) coverage[kind]++;
    const attributes = user.attributes;
    for (const name in attributes) {
      if (!Object.hasOwn(attributes, name)) continue;
      const count = filled.get(name);
      const add = isEmpty(attributes[name]) ? 0 : 1;
      if (count === undefined) filled.set(name, add);
      else if (add === 1) filled.set(name, count + 1);
    }
  }
  const completeness: Record<string, number> = {};
  for (const [name, count] of filled) completeness[name] = users === 0 ? 0 : count / users;
  const conflictCounts = Object.fromEntries(CONFLICT_KINDS.map((k) => [k, 0])) as Record<ConflictKind, number>;
  for (const c of conflicts) conflictCounts[c.kind]++;
  return {
    perSource,
    users,
    enabled,
    coverage,
    filterHits: [...hits.values()],
    conflicts: conflictCounts,
    completeness,
  };
}
