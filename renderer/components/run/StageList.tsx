import type { StageProgress } from '../../lib/stage-progress';
import { formatCount } from '../../lib/format';

const LABELS: Record<StageProgress['stage'], string> = {
  load: 'Read, map and filter exports',
  map: 'Map attributes',
  process: 'Process',
  filter: 'Filter',
  join: 'Join and merge',
  enable: 'Enablement and coverage',
  report: 'Report',
};

function counts(done: number, total: number | null): string {
  return total === null ? formatCount(done) : `${formatCount(done)} / ${formatCount(total)}`;
}

/** One row per pipeline stage, with its counts and, where reported, the counts per source. */
export function StageList({ stages, stored, storing }: { stages: StageProgress[]; stored: number; storing: 'pending' | 'running' | 'done' }) {
  return (
    <ol className="stages" aria-label="Run progress">
      {stages.map((stage) => (
        <li key={stage.stage} className={`stage stage-${stage.status}`} data-testid={`stage-${stage.stage}`}>
          <span className="stage-status" aria-hidden="true" />
          <span className="stage-label">{LABELS[stage.stage]}</span>
          <span className="stage-state">{stage.status}</span>
          <span className="stage-count">{stage.status === 'pending' || (stage.done === 0 && stage.total === null) ? '' : counts(stage.done, stage.total)}</span>
          {Object.keys(stage.sources).length > 0 && (
            <ul className="stage-sources">
              {Object.entries(stage.sources).map(([source, c]) => (
                <li key={source}>
                  {source}: {counts(c.done, c.total)}
                </li>
              ))}
            </ul>
          )}
          {stage.message && <span className="stage-message">{stage.message}</span>}
        </li>
      ))}
      <li className={`stage stage-${storing}`} data-testid="stage-store">
        <span className="stage-status" aria-hidden="true" />
        <span className="stage-label">Store in this app</span>
        <span className="stage-state">{storing}</span>
        <span className="stage-count">{storing === 'pending' ? '' : `${formatCount(stored)} rows`}</span>
      </li>
    </ol>
  );
}
