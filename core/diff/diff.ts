/**
 * Compares two runs of a project (issue 5), also runs made with different configurations:
 *
 *   run A, run B
 *       │ 1 present users   pending and deleted rows a history added are not compared
 *       │ 2 matchUsers      by user id, then by the primary source's external id (match.ts)
 *       │ 3 compareUsers    attributes, identity links, enablement, coverage per pair (compare.ts)
 *       ▼ 4 diffStats       both runs' stats with deltas; configuration keys that changed (stats.ts)
 *   RunDiff
 *
 * Swapping A and B mirrors the result: added <-> removed, old <-> new, gained <-> lost, deltas negated.
 * Linear in the number of users (Maps and typed arrays), so two million-user runs compare in seconds.
 */
import { SYSTEM_KINDS, type SystemKind } from '../types';
import { compareUsers } from './compare';
import { MATCHED_BY, matchUsers } from './match';
import { configChanges, diffStats } from './stats';
import type { DiffCounts, DiffRun, DiffUser, RunDiff, UserChange } from './types';

const present = (u: DiffUser) => u.lifecycle === undefined || u.lifecycle === 'active' || u.lifecycle === 'restored';
const kinds = () => Object.fromEntries(SYSTEM_KINDS.map((k) => [k, 0])) as Record<SystemKind, number>;
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The comparison of run A (old) with run B (new). */
export function diffRuns(runA: DiffRun, runB: DiffRun): RunDiff {
  const a = runA.roster.filter(present);
  const b = runB.roster.filter(present);
  const samePrimary = runA.config.primary === runB.config.primary;
  const matching = matchUsers(a, b, samePrimary ? runA.config.primary : null);
  const counts: DiffCounts = {
    a: a.length,
    b: b.length,
    matched: matching.byUserId + matching.byPrimaryId,
    matchedByUserId: matching.byUserId,
    matchedByPrimaryId: matching.byPrimaryId,
    added: 0,
    removed: 0,
    changed: 0,
    attributes: {},
    linksGained: {},
    linksLost: {},
    linksChanged: {},
    enabledGained: 0,
    enabledLost: 0,
    coverageGained: kinds(),
    coverageLost: kinds(),
  };
  const removed: DiffUser[] = [];
  const changed: UserChange[] = [];
  for (let i = 0; i < a.length; i++) {
    const j = matching.ofA[i];
    if (j === -1) {
      removed.push(a[i]);
      continue;
    }
    const change = compareUsers(a[i], b[j], MATCHED_BY[matching.byA[i]]);
    if (change) {
      changed.push(change);
      tally(counts, change);
    }
  }
  const added = b.filter((_, j) => matching.ofB[j] === -1);
  counts.added = added.length;
  counts.removed = removed.length;
  counts.changed = changed.length;
  const keyA = runA.config.join;
  const keyB = runB.config.join;
  return {
    a: { id: runA.id ?? runA.asOf, asOf: runA.asOf, users: a.length },
    b: { id: runB.id ?? runB.asOf, asOf: runB.asOf, users: b.length },
    matching: {
      method: matching.byPrimaryId > 0 ? 'user-id+primary-id' : 'user-id',
      primarySource: samePrimary ? runA.config.primary : null,
      keyChanged: !samePrimary || keyA.key !== keyB.key || keyA.normalize.join() !== keyB.normalize.join(),
      joinKey: { a: keyA.key, b: keyB.key },
    },
    counts,
    added,
    removed,
    changed,
    stats: diffStats(runA.stats, runB.stats),
    configChanges: configChanges(runA.config, runB.config),
  };
}

function tally(counts: DiffCounts, change: UserChange): void {
  if (change.key.old !== change.key.new) bump(counts.attributes, 'join_key');
  for (const c of change.attributes) bump(counts.attributes, c.attribute);
  for (const link of change.links) {
    bump(link.change === 'gained' ? counts.linksGained : link.change === 'lost' ? counts.linksLost : counts.linksChanged, link.source);
  }
  if (change.enabled) {
    if (change.enabled.new) counts.enabledGained++;
    else counts.enabledLost++;
  }
  for (const kind of change.coverage?.gained ?? []) counts.coverageGained[kind]++;
  for (const kind of change.coverage?.lost ?? []) counts.coverageLost[kind]++;
}

/** The diff without its user lists: what diff.json and a run's header view show. */
export type DiffOverview = Omit<RunDiff, 'added' | 'removed' | 'changed'>;

/** The diff without its user lists. */
export function diffOverview(diff: RunDiff): DiffOverview {
  const { added: _added, removed: _removed, changed: _changed, ...overview } = diff;
  return overview;
}
