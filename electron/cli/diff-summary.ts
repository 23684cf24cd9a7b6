/** The readable summary `diff` prints: matching, added/removed/changed, what changed, stats with deltas. */
import type { Delta, RunDiff } from '../../core/diff';
import { table } from './summary';

const n = (value: number) => value.toLocaleString('en-US');
const signed = (value: number) => (value > 0 ? `+${n(value)}` : value < 0 ? `-${n(-value)}` : '0');
const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, c]) => c > 0)
    .sort(([, x], [, y]) => y - x)
    .map(([name, c]) => `${name} ${n(c)}`)
    .join(', ') || 'none';

/** The diff summary; `labels` name the two runs (default their ids). */
export function formatDiff(diff: RunDiff, labels: { a?: string; b?: string } = {}): string {
  const { counts: c, matching: m, stats } = diff;
  const row = (name: string, d: Delta) => [name, n(d.a), n(d.b), signed(d.delta)];
  const rows = [
    ['', 'A', 'B', 'delta'],
    row('users', stats.users),
    row('enabled', stats.enabled),
    ...Object.entries(stats.coverage).map(([kind, d]) => row(`coverage ${kind}`, d)),
    ...Object.entries(stats.conflicts).map(([kind, d]) => row(`conflicts ${kind}`, d)),
    ...Object.entries(stats.perSource).flatMap(([source, states]) =>
      Object.entries(states)
        .filter(([state, d]) => state === 'loaded' || d.a !== 0 || d.b !== 0)
        .map(([state, d]) => row(`${source} ${state}`, d)),
    ),
  ];
  const fallback = m.primarySource ? `, by the external id of "${m.primarySource}" ${n(c.matchedByPrimaryId)}` : ' (the primary sources differ: no fallback)';
  return [
    `A ${labels.a ?? diff.a.id}  ->  B ${labels.b ?? diff.b.id}`,
    `configuration: ${diff.configChanges.length > 0 ? `changed: ${diff.configChanges.join(', ')}` : 'unchanged'}`,
    `joining key: ${m.joinKey.a === m.joinKey.b ? m.joinKey.a : `${m.joinKey.a} -> ${m.joinKey.b}`}${m.keyChanged ? ' (changed: user ids differ, pairs found by external id)' : ''}`,
    `matching: ${m.method}: by user id ${n(c.matchedByUserId)}${fallback}`,
    '',
    `users ${n(c.a)} -> ${n(c.b)}: added ${n(c.added)}, removed ${n(c.removed)}, changed ${n(c.changed)}, unchanged ${n(c.matched - c.changed)}`,
    `changed attributes: ${counted(c.attributes)}`,
    `identity links gained: ${counted(c.linksGained)}; lost: ${counted(c.linksLost)}; other external id: ${counted(c.linksChanged)}`,
    `enablement: ${n(c.enabledGained)} newly enabled, ${n(c.enabledLost)} no longer enabled`,
    `coverage gained: ${counted(c.coverageGained)}; lost: ${counted(c.coverageLost)}`,
    '',
    table(rows),
  ].join('\n');
}
