/**
 * The mass-deletion safeguard (issue 5): a run whose new deletion candidates exceed
 * `deletion.safeguardCount` users or `deletion.safeguardShare` of the previous run's roster, whichever
 * comes first, is flagged with the numbers and the likely causes. "Exceed" is strict: with the defaults
 * (500, 0.2) and a previous roster of 2,000, 400 new candidates pass and 401 trip it.
 *
 * Causes are found by comparing the run with the previous one: a truncation warning (`load.truncated`),
 * a primary export with fewer records, more records filtered out, changed filters of the primary source,
 * a changed joining configuration or key mapping (both change every user id).
 */
import type { Project } from '../project/schema';
import { historyMessages as m } from './messages';
import { canonicalJson } from './snapshot';
import type { RunDeletions, Safeguard, SafeguardCause, SnapshotHeader } from './types';

type RunFacts = Pick<SnapshotHeader, 'config' | 'inputs' | 'stats' | 'warnings'>;

/** The safeguard's verdict on `current`, given its deletion counts and the previous run (if any). */
export function checkSafeguard(current: RunFacts, deletions: Pick<RunDeletions, 'counts' | 'previousRun'>, previous?: RunFacts): Safeguard {
  const { safeguardCount, safeguardShare } = current.config.deletion;
  const newCandidates = deletions.counts.newCandidates;
  const previousUsers = deletions.previousRun?.users ?? 0;
  const exceeded: Safeguard['exceeded'] = [];
  if (newCandidates > safeguardCount) exceeded.push('count');
  if (previousUsers > 0 && newCandidates > safeguardShare * previousUsers) exceeded.push('share');
  const tripped = exceeded.length > 0;
  const causes = tripped ? likelyCauses(current, newCandidates, previous) : [];
  const thresholds = { count: safeguardCount, share: safeguardShare };
  return {
    tripped,
    newCandidates,
    previousUsers,
    share: previousUsers > 0 ? newCandidates / previousUsers : 0,
    thresholds,
    exceeded,
    causes,
    message: tripped ? m.safeguard(newCandidates, previousUsers, thresholds, causes) : '',
  };
}

const joinText = (c: Project) => `primary ${c.primary}, key ${c.join.key}, normalize ${c.join.normalize.join('+') || 'none'}`;

/** Likely causes of a mass deletion, most telling first. */
export function likelyCauses(current: RunFacts, newCandidates: number, previous?: RunFacts): SafeguardCause[] {
  const causes: SafeguardCause[] = [];
  const primary = current.config.primary;
  const truncated = current.warnings.filter((w) => w.code === 'load.truncated');
  truncated.sort((a, b) => Number(b.source === primary) - Number(a.source === primary));
  for (const w of truncated) causes.push({ kind: 'truncated-export', source: w.source ?? primary, file: w.file, message: w.message });
  if (!previous) return causes;

  const totals = (facts: RunFacts) =>
    facts.inputs.filter((f) => f.source === primary).reduce((t, f) => ({ records: t.records + f.records, bytes: t.bytes + f.size }), { records: 0, bytes: 0 });
  const now = totals(current);
  const before = totals(previous);
  const drop = before.records - now.records;
  if (drop > 0 && (now.records < before.records * 0.9 || drop * 2 >= newCandidates)) {
    causes.push({ kind: 'smaller-export', source: primary, previousRecords: before.records, records: now.records, previousBytes: before.bytes, bytes: now.bytes });
  }
  const filteredNow = current.stats.perSource[primary]?.filtered ?? 0;
  const filteredBefore = previous.stats.perSource[primary]?.filtered ?? 0;
  if (filteredNow > filteredBefore && (filteredNow - filteredBefore) * 2 >= newCandidates) {
    causes.push({ kind: 'more-filtered', source: primary, previous: filteredBefore, current: filteredNow });
  }
  const sourceOf = (c: Project) => c.sources.find((s) => s.id === c.primary);
  const nowSource = sourceOf(current.config);
  const beforeSource = sourceOf(previous.config);
  if (canonicalJson(nowSource?.filters ?? []) !== canonicalJson(beforeSource?.filters ?? [])) causes.push({ kind: 'filters-changed', source: primary });
  if (joinText(current.config) !== joinText(previous.config)) {
    causes.push({ kind: 'join-changed', previous: joinText(previous.config), current: joinText(current.config) });
  } else {
    const key = current.config.join.key;
    const was = beforeSource?.mapping[key] ?? null;
    const is = nowSource?.mapping[key] ?? null;
    if (was !== is) causes.push({ kind: 'key-mapping-changed', source: primary, attribute: key, previous: was, current: is });
  }
  return causes;
}
