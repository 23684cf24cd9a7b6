import { useState } from 'react';
import { useApp } from '../../hooks/useApp';
import { setComparePair } from '../../hooks/useCompareSelection';
import { useProjectHistory, useRunDeletions } from '../../hooks/useHistory';
import { formatCount } from '../../lib/format';
import { NoRun } from '../shell/RunPicker';
import { DeletionLists } from './DeletionLists';
import { HistoryChart } from './HistoryChart';
import { RunTimeline } from './RunTimeline';
import { SafeguardBanner } from './SafeguardBanner';
import './history.css';

/** The project's runs along their export dates (issue 5): headline numbers, deletion candidates with
 * days left, restored users, and a way into comparing a run with the one before it. */
export function HistoryScreen() {
  const { project, navigate } = useApp();
  const runs = useProjectHistory();
  const [picked, setPicked] = useState<string | null>(null);
  // The picked run, else the newest by export date.
  const shown = runs?.find((r) => r.id === picked) ?? runs?.at(-1);
  const at = shown && runs ? runs.indexOf(shown) : -1;
  // The run its deletion states were computed against (a re-run of the same inputs is skipped there).
  const previous = runs?.find((r) => r.id === shown?.header.deletion?.previousRun?.id) ?? (runs && at > 0 ? runs[at - 1] : undefined);
  const lists = useRunDeletions(shown, previous);
  if (runs === undefined) return <p className="muted">Loading runs…</p>;
  if (!shown) return <NoRun />;
  const counts = shown.header.deletion?.counts ?? { pending: 0, deleted: 0, restored: 0 };

  return (
    <section className="history-screen" aria-labelledby="history-title">
      <SafeguardBanner header={shown.header} />
      <div className="screen-head">
        <h1 id="history-title">History</h1>
        <div className="actions">
          {previous && (
            <button
              type="button"
              onClick={() => {
                setComparePair({ a: previous.id, b: shown.id });
                navigate('compare');
              }}
              data-testid="compare-with-previous"
            >
              Compare with the run before ({previous.header.asOf})
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        {formatCount(runs.length)} {runs.length === 1 ? 'run' : 'runs'} of {project?.name}, ordered by export date. A user missing from a run waits{' '}
        {shown.header.config.deletion.windowDays} days before deletion.
      </p>
      <RunTimeline runs={runs} selected={shown.id} onSelect={setPicked} />
      <HistoryChart runs={runs} />
      <h2 className="history-run-title" data-testid="history-selected">
        Run of {shown.header.asOf}
      </h2>
      {lists ? <DeletionLists lists={lists} counts={counts} /> : <p className="muted">Loading the deletion lists…</p>}
    </section>
  );
}
