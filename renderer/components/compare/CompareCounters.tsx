import type { Delta, StatsDiff } from '../../../core/diff';
import { formatCount } from '../../lib/format';

interface Counter {
  id: string;
  label: string;
  delta: Delta;
  /** Fewer is better (conflicts): a drop is shown as good news. */
  fewerIsBetter?: boolean;
}

const conflictTotal = (stats: StatsDiff): Delta => {
  const all = Object.values(stats.conflicts);
  const a = all.reduce((n, d) => n + d.a, 0);
  const b = all.reduce((n, d) => n + d.b, 0);
  return { a, b, delta: b - a };
};

function counters(stats: StatsDiff): Counter[] {
  return [
    { id: 'users', label: 'Users imported', delta: stats.users },
    { id: 'enabled', label: 'Enabled', delta: stats.enabled },
    { id: 'chat', label: 'Reachable in chat', delta: stats.coverage.chat },
    { id: 'itsm', label: 'Linked to ticketing', delta: stats.coverage.itsm },
    { id: 'idam', label: 'Linked to identity provider', delta: stats.coverage.idam },
    { id: 'conflicts', label: 'Conflicts', delta: conflictTotal(stats), fewerIsBetter: true },
  ];
}

const tone = (c: Counter) => (c.delta.delta === 0 ? 'same' : c.delta.delta > 0 !== (c.fewerIsBetter ?? false) ? 'better' : 'worse');

export const signed = (n: number): string => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '±0');

/** The headline numbers of both runs side by side, with B − A. */
export function CompareCounters({ stats }: { stats: StatsDiff }) {
  return (
    <dl className="counters compare-counters">
      {counters(stats).map((c) => (
        <div key={c.id} className="counter" data-testid={`compare-counter-${c.id}`}>
          <dt>{c.label}</dt>
          <dd className="compare-values">
            <span title="run A">{formatCount(c.delta.a)}</span>
            <span className="muted">→</span>
            <span title="run B">{formatCount(c.delta.b)}</span>
          </dd>
          <span className={`compare-delta ${tone(c)}`} data-testid={`compare-delta-${c.id}`}>
            {signed(c.delta.delta)}
          </span>
        </div>
      ))}
    </dl>
  );
}
