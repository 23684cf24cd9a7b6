/** Rows for the overview charts, computed from a run's stats (pure functions, tested without a DOM). */
import { CONFLICT_KINDS, RECORD_STATES, SYSTEM_KINDS, type RecordState, type RunStats } from '../../../core/types';

export const STATE_COLORS: Record<RecordState, string> = {
  primary: '#2563eb',
  joined: '#16a34a',
  filtered: '#d97706',
  duplicate: '#9333ea',
  'missing-key': '#dc2626',
  orphan: '#64748b',
  ambiguous: '#db2777',
};

/** One row per source: its record count in each state. */
export function recordsBySource(stats: RunStats): Array<{ source: string } & Record<RecordState, number>> {
  return Object.entries(stats.perSource).map(([source, s]) => ({ source, ...Object.fromEntries(RECORD_STATES.map((st) => [st, s[st]])) }) as { source: string } & Record<RecordState, number>);
}

/** States that occur at all (empty series only clutter the legend). */
export function statesPresent(stats: RunStats): RecordState[] {
  return RECORD_STATES.filter((state) => Object.values(stats.perSource).some((s) => s[state] > 0));
}

/** Share of roster users linked in each system kind. */
export function coverageRows(stats: RunStats): { kind: string; users: number; share: number }[] {
  return SYSTEM_KINDS.filter((kind) => kind !== 'other' || stats.coverage.other > 0).map((kind) => ({
    kind,
    users: stats.coverage[kind],
    share: stats.users === 0 ? 0 : stats.coverage[kind] / stats.users,
  }));
}

export function filterHitRows(stats: RunStats): { rule: string; hits: number; only: number }[] {
  return stats.filterHits.map((h) => ({ rule: `${h.source}: ${h.rule}`, hits: h.hits, only: h.only }));
}

export function conflictRows(stats: RunStats): { kind: string; count: number }[] {
  return CONFLICT_KINDS.map((kind) => ({ kind, count: stats.conflicts[kind] }));
}

/** Fill rate per attribute, fullest first, as percentages. */
export function completenessRows(stats: RunStats): { attribute: string; percent: number }[] {
  return Object.entries(stats.completeness)
    .map(([attribute, share]) => ({ attribute, percent: Math.round(share * 1000) / 10 }))
    .sort((a, b) => b.percent - a.percent || a.attribute.localeCompare(b.attribute));
}
