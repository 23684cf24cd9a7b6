import type { CompleteRun } from '../../db/repo-history';
import { formatCount, formatTimestamp } from '../../lib/format';

function RunSelect({ label, runs, value, onChange, testId }: { label: string; runs: CompleteRun[]; value: string; onChange(id: string): void; testId: string }) {
  return (
    <label className="run-picker">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            as of {r.header.asOf} · {formatCount(r.header.stats.users)} users · run {formatTimestamp(r.startedAt)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Picks the two runs to compare (any two runs of the project, also with different configurations). */
export function RunPair({ runs, a, b, onChange }: { runs: CompleteRun[]; a: string; b: string; onChange(pair: { a: string; b: string }): void }) {
  return (
    <div className="run-pair">
      <RunSelect label="A" runs={runs} value={a} onChange={(id) => onChange({ a: id, b })} testId="compare-run-a" />
      <button type="button" onClick={() => onChange({ a: b, b: a })} aria-label="Swap runs A and B" title="Swap A and B">
        ⇄
      </button>
      <RunSelect label="B" runs={runs} value={b} onChange={(id) => onChange({ a, b: id })} testId="compare-run-b" />
    </div>
  );
}
