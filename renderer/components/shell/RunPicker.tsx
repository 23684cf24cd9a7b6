import type { RunEntity } from '../../db/entities';
import { useApp } from '../../hooks/useApp';
import { formatCount, formatTimestamp } from '../../lib/format';

/** Chooses which stored run the overview and roster show. */
export function RunPicker({ runs, run }: { runs: RunEntity[]; run: RunEntity }) {
  const { selectRun } = useApp();
  return (
    <label className="run-picker">
      <span>Run</span>
      <select value={run.id} onChange={(e) => selectRun(e.target.value === runs[0]?.id ? null : e.target.value)} data-testid="run-picker">
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {formatTimestamp(r.startedAt)} · as of {r.header?.asOf ?? '?'} · {formatCount(r.header?.stats.users ?? 0)} users
          </option>
        ))}
      </select>
    </label>
  );
}

/** What a screen shows when the project has no complete run yet. */
export function NoRun() {
  const { startRun } = useApp();
  return (
    <div className="panel empty" data-testid="no-run">
      <p>No complete run of this project yet.</p>
      <button type="button" className="primary" onClick={() => void startRun()}>
        Run the project
      </button>
    </div>
  );
}
