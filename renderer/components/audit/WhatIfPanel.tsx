import type { RunHeader } from '../../../core/run/stream';
import type { RunStats, SystemKind } from '../../../core/types';
import type { RuleToggle } from '../../../core/whatif/whatif';
import { useAuditTask } from '../../hooks/useAuditTask';
import { formatCount } from '../../lib/format';
import type { WhatIfUser } from '../../worker/audit-protocol';
import { IssueList } from '../shell/IssueList';
import { WorkerStatus } from './WorkerStatus';

const KIND_LABELS: Record<SystemKind, string> = {
  hris: 'HR record linked',
  idam: 'identity provider linked',
  itsm: 'ticketing linked',
  chat: 'chat linked',
  other: 'other system linked',
};

interface Line {
  id: string;
  label: string;
  value(stats: RunStats): number;
}

/** Roster-wide counts: users, enabled, coverage per system kind the project has. */
function totals(header: RunHeader): Line[] {
  const kinds = [...new Set(header.config.sources.map((s) => s.system as SystemKind))];
  return [
    { id: 'users', label: 'Roster users', value: (s) => s.users },
    { id: 'enabled', label: 'Enabled users', value: (s) => s.enabled },
    ...kinds.map((kind): Line => ({ id: `coverage-${kind}`, label: `Users with ${KIND_LABELS[kind]}`, value: (s) => s.coverage[kind] ?? 0 })),
  ];
}

/** Per-source record states that filters move records between. */
const SOURCE_COLUMNS: { state: 'filtered' | 'linked' | 'orphan'; label: string }[] = [
  { state: 'filtered', label: 'Filtered' },
  { state: 'linked', label: 'Made or joined a user' },
  { state: 'orphan', label: 'Orphan' },
];

function sourceCount(stats: RunStats, source: string, primary: boolean, state: 'filtered' | 'linked' | 'orphan'): number {
  const s = stats.perSource[source];
  if (!s) return 0;
  return state === 'linked' ? (primary ? s.primary : s.joined) : s[state];
}

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0');
const names = (users: WhatIfUser[], total: number) => `${users.map((u) => u.label).join(', ')}${total > users.length ? `, and ${formatCount(total - users.length)} more` : ''}`;

/** How the roster, coverage and record states would change with the toggled rules (core/whatif, in the worker). */
export function WhatIfPanel({ runId, header, toggles, onReset }: { runId: string; header: RunHeader; toggles: RuleToggle[]; onReset(): void }) {
  const task = useAuditTask({ type: 'what-if', runId, toggles });
  const result = task.answer;
  return (
    <section className="panel what-if" aria-label="What if" data-testid="what-if">
      <div className="detail-head">
        <h3>
          What if {toggles.map((t) => `“${t.rule}” (${t.source}) were ${t.enabled ? 'on' : 'off'}`).join(' and ')}
        </h3>
        <button type="button" onClick={onReset}>
          Reset
        </button>
      </div>
      <WorkerStatus task={task} />
      {result && (
        <>
          <p data-testid="what-if-summary">
            {formatCount(result.before.users)} → {formatCount(result.after.users)} roster users: {formatCount(result.added)} added, {formatCount(result.removed)} removed.
          </p>
          <div className="what-if-tables">
            <table className="data-table compact" data-testid="what-if-table">
              <thead>
                <tr>
                  <th scope="col">Users</th>
                  <th scope="col" className="num">
                    This run
                  </th>
                  <th scope="col" className="num">
                    What if
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals(header).map((line) => {
                  const before = line.value(result.before);
                  const after = line.value(result.after);
                  return (
                    <tr key={line.id} className={before !== after ? 'changed' : undefined} data-testid={`what-if-${line.id}`}>
                      <th scope="row">{line.label}</th>
                      <td className="num">{formatCount(before)}</td>
                      <td className="num">{formatCount(after)}</td>
                      <td className="num">{signed(after - before)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <table className="data-table compact" data-testid="what-if-sources">
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  {SOURCE_COLUMNS.map((c) => (
                    <th key={c.state} scope="col" className="num">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {header.config.sources.map((source) => (
                  <tr key={source.id}>
                    <th scope="row">{source.id}</th>
                    {SOURCE_COLUMNS.map((c) => {
                      const primary = source.id === header.config.primary;
                      const before = sourceCount(result.before, source.id, primary, c.state);
                      const after = sourceCount(result.after, source.id, primary, c.state);
                      return (
                        <td key={c.state} className={`num${before !== after ? ' changed' : ''}`} data-testid={`what-if-${source.id}-${c.state}`}>
                          {before === after ? formatCount(before) : `${formatCount(before)} → ${formatCount(after)} (${signed(after - before)})`}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.added > 0 && <p className="muted">Added: {names(result.addedExamples, result.added)}</p>}
          {result.removed > 0 && <p className="muted">Removed: {names(result.removedExamples, result.removed)}</p>}
          {result.issues.length > 0 && <IssueList issues={result.issues} label="What-if warnings" />}
        </>
      )}
    </section>
  );
}
