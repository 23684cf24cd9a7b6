import { useEffect, useState } from 'react';
import { useApp } from '../../hooks/useApp';
import { useRunSnapshot } from '../../hooks/useRunSnapshot';
import { formatCount, formatDuration } from '../../lib/format';
import { isActive, type RunSnapshot } from '../../lib/run-recorder';
import { IssueList } from '../shell/IssueList';
import { StageList } from './StageList';

const PHASE_TEXT: Record<RunSnapshot['phase'], string> = {
  idle: 'No run yet in this session.',
  running: 'Running the pipeline…',
  storing: 'Storing the results…',
  done: 'Run complete.',
  failed: 'The run failed; nothing was stored.',
  cancelled: 'The run was cancelled; nothing was stored.',
};

/** Ticks once a second while `on`, so the elapsed time moves. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/** Progress of the current run per stage, with cancel; links to the results when it is done. */
export function RunScreen() {
  const { recorder, project, startRun, navigate, dirty } = useApp();
  const run = useRunSnapshot(recorder);
  const active = isActive(run.phase);
  const now = useNow(active);
  const elapsed = run.startedAt === null ? null : (run.finishedAt ?? now) - run.startedAt;
  const storing = run.phase === 'storing' ? 'running' : run.phase === 'done' ? 'done' : 'pending';

  return (
    <section className="run-screen" aria-labelledby="run-title">
      <div className="screen-head">
        <h1 id="run-title">Run</h1>
        <div className="actions">
          {active ? (
            <button type="button" className="danger" onClick={() => recorder.cancel()}>
              Cancel run
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void startRun()} disabled={!project}>
              {run.phase === 'idle' ? 'Start run' : 'Run again'}
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        {project?.name}
        {dirty && ' (with unsaved edits: the run uses them)'}
      </p>
      <p className={`run-phase phase-${run.phase}`} role="status" data-testid="run-phase">
        {PHASE_TEXT[run.phase]}
        {elapsed !== null && ` ${formatDuration(elapsed)}.`}
        {run.phase === 'storing' && ` ${formatCount(run.rowsWritten)} rows stored.`}
      </p>
      {run.phase !== 'idle' && <StageList stages={run.stages} stored={run.rowsWritten} storing={storing} />}
      <IssueList issues={run.issues} label="Run errors" />
      {run.phase === 'done' && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => navigate('overview')}>
            Open the overview
          </button>
          <button type="button" onClick={() => navigate('roster')}>
            Open the roster
          </button>
        </div>
      )}
    </section>
  );
}
