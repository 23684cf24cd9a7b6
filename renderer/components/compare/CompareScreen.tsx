import { useState } from 'react';
import type { CompleteRun } from '../../db/repo-history';
import { useApp } from '../../hooks/useApp';
import { useCompare } from '../../hooks/useCompare';
import { useCompareSelection } from '../../hooks/useCompareSelection';
import { useProjectHistory } from '../../hooks/useHistory';
import { errorText } from '../../lib/errors';
import { NoRun } from '../shell/RunPicker';
import { ChangeLists } from './ChangeLists';
import { CompareChart } from './CompareChart';
import { CompareCounters } from './CompareCounters';
import { MatchingPanel } from './MatchingPanel';
import { RunPair } from './RunPair';
import './compare.css';
import { SafeguardBanner } from '../history/SafeguardBanner';

/** The pair to show: the one picked if both runs still exist, else the newest run and the one before. */
function resolvePair(runs: CompleteRun[], picked: { a: string | null; b: string | null }): { a: string; b: string } {
  const has = (id: string | null): id is string => id !== null && runs.some((r) => r.id === id);
  const b = has(picked.b) ? picked.b : runs[runs.length - 1].id;
  if (has(picked.a) && picked.a !== b) return { a: picked.a, b };
  const at = runs.findIndex((r) => r.id === b);
  return { a: runs[at > 0 ? at - 1 : 1].id, b };
}

/** Two runs side by side (issue 5): counters with deltas, matching, lists of changes, a user's diff. */
export function CompareScreen() {
  const runs = useProjectHistory();
  const [picked, setPicked] = useCompareSelection();
  const pair = runs && runs.length >= 2 ? resolvePair(runs, picked) : null;
  const state = useCompare(pair?.a ?? null, pair?.b ?? null);
  if (runs === undefined) return <p className="muted">Loading runs…</p>;
  if (runs.length === 0) return <NoRun />;
  if (!pair) {
    return (
      <section aria-labelledby="compare-title">
        <h1 id="compare-title">Compare</h1>
        <div className="panel empty" data-testid="compare-needs-two">
          <p>Comparing needs two runs of this project: run it again on a newer export, or with another configuration.</p>
        </div>
      </section>
    );
  }
  const asOf = (id: string) => runs.find((r) => r.id === id)?.header.asOf ?? '?';
  const newer = runs.find((r) => r.id === pair.b);

  return (
    <section className="compare-screen" aria-labelledby="compare-title">
      <div className="screen-head">
        <h1 id="compare-title">Compare</h1>
        <RunPair runs={runs} a={pair.a} b={pair.b} onChange={setPicked} />
        {state.status === 'ready' && <ExportDiff state={state} />}
      </div>
      {newer && <SafeguardBanner header={newer.header} />}
      {state.status === 'loading' && (
        <p className="muted" role="status" data-testid="compare-progress">
          {state.progress}…
        </p>
      )}
      {state.status === 'failed' && (
        <div className="panel error-panel" role="alert">
          The runs could not be compared: {state.message}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <CompareCounters stats={state.overview.diff.stats} />
          <div className="compare-grid">
            <MatchingPanel diff={state.overview.diff} />
            <CompareChart stats={state.overview.diff.stats} labels={{ a: asOf(pair.a), b: asOf(pair.b) }} />
          </div>
          <ChangeLists key={`${pair.a}|${pair.b}`} overview={state.overview} client={state.client} />
        </>
      )}
    </section>
  );
}

function ExportDiff({ state }: { state: Extract<ReturnType<typeof useCompare>, { status: 'ready' }> }) {
  const { backend, notify } = useApp();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const csv = await state.client.csv();
      if (await backend.saveText('diff.csv', csv)) notify('info', 'Exported the diff to diff.csv.');
    } catch (error) {
      notify('error', `The diff could not be exported: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void save()} disabled={busy} data-testid="export-diff">
      {busy ? 'Exporting…' : 'Export diff CSV'}
    </button>
  );
}
