/** The stats of two runs side by side with their deltas, and what changed in the configuration. */
import { canonicalJson } from '../history/snapshot';
import { CONFLICT_KINDS, RECORD_STATES, SYSTEM_KINDS, type RunStats } from '../types';
import type { Delta, DiffRun, StatsDiff } from './types';

const delta = (a: number, b: number): Delta => ({ a, b, delta: b - a });

function perKey<K extends string>(keys: readonly K[], a: Partial<Record<K, number>>, b: Partial<Record<K, number>>): Record<K, Delta> {
  return Object.fromEntries(keys.map((k) => [k, delta(a[k] ?? 0, b[k] ?? 0)])) as Record<K, Delta>;
}

const union = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

/** Both runs' stats with B - A for every number. */
export function diffStats(a: RunStats, b: RunStats): StatsDiff {
  const states = ['loaded', ...RECORD_STATES] as const;
  return {
    users: delta(a.users, b.users),
    enabled: delta(a.enabled, b.enabled),
    coverage: perKey(SYSTEM_KINDS, a.coverage, b.coverage),
    conflicts: perKey(CONFLICT_KINDS, a.conflicts, b.conflicts),
    perSource: Object.fromEntries(union(a.perSource, b.perSource).map((s) => [s, perKey(states, a.perSource[s] ?? {}, b.perSource[s] ?? {})])),
    completeness: perKey(union(a.completeness, b.completeness), a.completeness, b.completeness),
  };
}

/** Configuration keys that differ: top-level keys, and `sources.<id>` per source (added, removed or edited). */
export function configChanges(a: DiffRun['config'], b: DiffRun['config']): string[] {
  const changed: string[] = [];
  const top = union(a, b).filter((k) => k !== 'sources' && k !== '$schema' && k !== 'asOf');
  for (const key of top) {
    if (canonicalJson((a as Record<string, unknown>)[key]) !== canonicalJson((b as Record<string, unknown>)[key])) changed.push(key);
  }
  const sourcesA = new Map(a.sources.map((s) => [s.id, s]));
  const sourcesB = new Map(b.sources.map((s) => [s.id, s]));
  for (const id of union(Object.fromEntries(sourcesA), Object.fromEntries(sourcesB))) {
    // file names change with every export (a dated folder); they are not a configuration change
    const strip = (s: (typeof a.sources)[number] | undefined) => (s ? canonicalJson({ ...s, files: undefined }) : '');
    if (strip(sourcesA.get(id)) !== strip(sourcesB.get(id))) changed.push(`sources.${id}`);
  }
  return changed;
}
