import { useSelectedRun } from '../../hooks/useRuns';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { SafeguardBanner } from '../history/SafeguardBanner';
import { IssueList } from '../shell/IssueList';
import { NoRun, RunPicker } from '../shell/RunPicker';
import { Charts } from './Charts';
import { Counters } from './Counters';

/** Headline counters and charts of the selected run, read from IndexedDB. */
export function OverviewScreen() {
  const { runs, run } = useSelectedRun();
  if (runs === undefined || run === undefined) return <p className="muted">Loading runs…</p>;
  if (run === null || !run.header) return <NoRun />;
  const { header } = run;
  return (
    <section className="overview-screen" aria-labelledby="overview-title">
      <SafeguardBanner header={header} />
      <div className="screen-head">
        <h1 id="overview-title">Overview</h1>
        <RunPicker runs={runs} run={run} />
      </div>
      <p className="muted" data-testid="run-summary">
        {header.projectName} · as of {header.asOf} · run {formatTimestamp(run.startedAt)}
        {run.completedAt !== null && ` · took ${formatDuration(run.completedAt - run.startedAt)}`} · {header.inputs.length} input files
      </p>
      <Counters stats={header.stats} />
      {header.warnings.length > 0 && (
        <details className="panel warnings">
          <summary>
            {header.warnings.length} {header.warnings.length === 1 ? 'warning' : 'warnings'}
          </summary>
          <IssueList issues={header.warnings} label="Run warnings" />
        </details>
      )}
      <Charts stats={header.stats} />
    </section>
  );
}
