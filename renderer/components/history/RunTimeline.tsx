import { SYSTEM_KINDS } from '../../../core/types';
import type { CompleteRun } from '../../db/repo-history';
import { formatCount, formatPercent, formatTimestamp } from '../../lib/format';

const KIND_LABEL: Record<string, string> = { hris: 'HR', idam: 'IdP', itsm: 'tickets', chat: 'chat' };

/** The runs of the project along their export dates, each with its headline numbers; one is selected. */
export function RunTimeline({ runs, selected, onSelect }: { runs: CompleteRun[]; selected: string; onSelect(runId: string): void }) {
  return (
    <ol className="timeline" aria-label="Runs by export date" data-testid="history-timeline">
      {runs.map((run) => {
        const { stats, deletion, asOf } = run.header;
        const coverage = SYSTEM_KINDS.filter((k) => k !== 'other' && k !== 'hris' && stats.coverage[k] > 0);
        return (
          <li key={run.id}>
            <button
              type="button"
              className={`timeline-run${deletion?.safeguard.tripped ? ' tripped' : ''}`}
              aria-pressed={run.id === selected}
              onClick={() => onSelect(run.id)}
              data-testid="history-run"
            >
              <span className="timeline-date">{asOf}</span>
              <span className="muted timeline-when">run {formatTimestamp(run.startedAt)}</span>
              <span className="timeline-users">
                <strong>{formatCount(stats.users)}</strong> users · {formatCount(stats.enabled)} enabled
              </span>
              <span className="muted">
                {coverage.map((k) => `${KIND_LABEL[k] ?? k} ${formatPercent(stats.users ? stats.coverage[k] / stats.users : 0)}`).join(' · ') || 'no coverage'}
              </span>
              {deletion ? (
                <span className="timeline-deletions" data-testid="history-run-deletions">
                  {deletion.previousRun ? (
                    <>
                      −{formatCount(deletion.counts.newCandidates)} missing · {formatCount(deletion.counts.pending)} pending · {formatCount(deletion.counts.deleted)} deleted ·{' '}
                      {formatCount(deletion.counts.restored)} restored
                    </>
                  ) : (
                    'first run of the history'
                  )}
                </span>
              ) : (
                <span className="muted">no deletion tracking</span>
              )}
              {deletion?.safeguard.tripped && <span className="safeguard-badge">safeguard tripped</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
