import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProjectEntity } from '../../db/entities';
import { repo } from '../../db/repo';
import { useApp } from '../../hooks/useApp';
import { useRunSnapshot } from '../../hooks/useRunSnapshot';
import { formatCount, formatDuration } from '../../lib/format';
import { isActive, type RunSnapshot } from '../../lib/run-recorder';
import { SafeguardBanner } from '../history/SafeguardBanner';
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

/** The export date a run gets when nobody sets one: the project's asOf, else the newest date among the
 * files its sources name (as the pipeline decides), else today. */
function defaultAsOf(entity: ProjectEntity | null): { date: string; from: string } {
  if (entity?.project.asOf) return { date: entity.project.asOf, from: "the project's export date" };
  const named = new Set(entity?.project.sources.flatMap((s) => s.files) ?? []);
  const newest = entity?.files
    .filter((f) => named.has(f.name) && f.modified)
    .map((f) => (f.modified ?? '').slice(0, 10))
    .sort()
    .at(-1);
  return newest ? { date: newest, from: "the newest file's date" } : { date: new Date().toISOString().slice(0, 10), from: 'today' };
}

/** Progress of the current run per stage, with cancel; links to the results when it is done. */
export function RunScreen() {
  const { recorder, project, startRun, navigate, dirty } = useApp();
  const run = useRunSnapshot(recorder);
  // The export date of the next run (issue 5: runs are ordered by it); null = the default.
  const [asOf, setAsOf] = useState<string | null>(null);
  const fallback = defaultAsOf(project);
  const stored = useLiveQuery(() => (run.phase === 'done' && run.runId ? repo.getRun(run.runId) : undefined), [run.phase, run.runId]);
  const active = isActive(run.phase);
  const now = useNow(active);
  // The clock ticks once a second: right after a start it may still read a time before it.
  const elapsed = run.startedAt === null ? null : Math.max(0, (run.finishedAt ?? now) - run.startedAt);
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
            <button type="button" className="primary" onClick={() => void startRun(asOf && asOf !== fallback.date ? { asOf } : {})} disabled={!project}>
              {run.phase === 'idle' ? 'Start run' : 'Run again'}
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        {project?.name}
        {dirty && ' (with unsaved edits: the run uses them)'}
      </p>
      <label className="run-as-of">
        Export date of the next run (asOf)
        <span>
          <input type="date" value={asOf ?? fallback.date} disabled={active} onChange={(e) => setAsOf(e.target.value || null)} data-testid="run-as-of" />{' '}
          <span className="muted">{asOf === null || asOf === fallback.date ? `default: ${fallback.from}` : 'set for this run; runs are ordered by it'}</span>
        </span>
      </label>
      <p className={`run-phase phase-${run.phase}`} role="status" data-testid="run-phase">
        {PHASE_TEXT[run.phase]}
        {elapsed !== null && ` ${formatDuration(elapsed)}.`}
        {run.phase === 'storing' && ` ${formatCount(run.rowsWritten)} rows stored.`}
      </p>
      {stored?.header && <SafeguardBanner header={stored.header} />}
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
