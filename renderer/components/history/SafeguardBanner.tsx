import { historyMessages } from '../../../core/history';
import type { RunHeader } from '../../../core/run/stream';
import { useApp } from '../../hooks/useApp';
import { setComparePair } from '../../hooks/useCompareSelection';
import { formatCount, formatPercent } from '../../lib/format';
import './history.css';

/**
 * What a run's deletion tracking found, shown first on the run's pages (issue 5): the mass-deletion
 * safeguard as an alert with the numbers and likely causes, else one line on pending deletions.
 */
export function SafeguardBanner({ header }: { header: RunHeader }) {
  const { navigate } = useApp();
  const deletion = header.deletion;
  if (!deletion) return null;
  const { safeguard, counts } = deletion;
  if (!safeguard.tripped) {
    if (counts.pending === 0 && counts.deleted === 0 && counts.restored === 0) return null;
    return (
      <p className="deletion-note" data-testid="deletion-note">
        Since the previous run ({deletion.previousRun?.asOf}): {formatCount(counts.newCandidates)} new deletion{' '}
        {counts.newCandidates === 1 ? 'candidate' : 'candidates'}, {formatCount(counts.pending)} pending in all, {formatCount(counts.deleted)} deleted,{' '}
        {formatCount(counts.restored)} restored.{' '}
        <button type="button" className="link" onClick={() => navigate('history')}>
          See the history
        </button>
      </p>
    );
  }
  const compareWithPrevious = () => {
    setComparePair({ a: deletion.previousRun?.id ?? null, b: deletion.runId });
    navigate('compare');
  };
  const exceeded = safeguard.exceeded
    .map((e) => (e === 'count' ? `more than ${formatCount(safeguard.thresholds.count)} users` : `more than ${formatPercent(safeguard.thresholds.share)} of the previous roster`))
    .join(' and ');
  return (
    <div className="safeguard-banner" role="alert" data-testid="safeguard-banner">
      <div className="safeguard-head">
        <strong>Mass deletion: do not trust this run's deletions yet.</strong>
        <span>
          {formatCount(safeguard.newCandidates)} users of the previous run ({formatPercent(safeguard.share)} of {formatCount(safeguard.previousUsers)}) are missing
          from this one: {exceeded}.
        </span>
      </div>
      {safeguard.causes.length > 0 ? (
        <ul className="safeguard-causes" aria-label="Likely causes">
          {safeguard.causes.map((cause, i) => (
            <li key={i}>{historyMessages.cause(cause)}</li>
          ))}
        </ul>
      ) : (
        <p>No cause shows in the inputs or the configuration: check that the primary export is complete.</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => navigate('history')}>
          Open the history
        </button>
        <button type="button" onClick={() => compareWithPrevious()}>
          Compare with the previous run
        </button>
      </div>
    </div>
  );
}
