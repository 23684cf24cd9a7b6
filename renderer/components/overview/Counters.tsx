import type { RunStats } from '../../../core/types';
import { formatCount, formatPercent } from '../../lib/format';

interface Counter {
  id: string;
  label: string;
  value: number;
  hint: string;
}

function counters(stats: RunStats): Counter[] {
  const loaded = Object.values(stats.perSource).reduce((n, s) => n + s.loaded, 0);
  return [
    { id: 'imported', label: 'Users imported', value: stats.users, hint: `from ${formatCount(loaded)} records loaded` },
    { id: 'enabled', label: 'Enabled', value: stats.enabled, hint: 'by the enablement policy' },
    { id: 'chat', label: 'Reachable in chat', value: stats.coverage.chat, hint: 'have a chat identity' },
    { id: 'itsm', label: 'Linked to ticketing', value: stats.coverage.itsm, hint: 'can see their tickets' },
    { id: 'idam', label: 'Linked to identity provider', value: stats.coverage.idam, hint: 'have an IdP account' },
  ];
}

/** The headline numbers of a run. */
export function Counters({ stats }: { stats: RunStats }) {
  return (
    <dl className="counters">
      {counters(stats).map((c) => (
        <div key={c.id} className="counter">
          <dt>{c.label}</dt>
          <dd data-testid={`counter-${c.id}`}>{formatCount(c.value)}</dd>
          <span className="counter-hint">
            {c.id !== 'imported' && stats.users > 0 ? `${formatPercent(c.value / stats.users)} · ` : ''}
            {c.hint}
          </span>
        </div>
      ))}
    </dl>
  );
}
