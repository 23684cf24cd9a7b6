import type { DiffOverview } from '../../../core/diff';
import { formatCount } from '../../lib/format';

/** How the users of both runs were paired, and what the comparison found, in numbers. */
export function MatchingPanel({ diff }: { diff: DiffOverview }) {
  const { counts, matching } = diff;
  const unchanged = counts.matched - counts.changed;
  return (
    <section className="panel matching" aria-labelledby="matching-title" data-testid="compare-matching">
      <h2 id="matching-title">Matching</h2>
      <p data-testid="matching-method">
        {matching.method === 'user-id' ? 'Matched by user id' : `Matched by user id, then by the external id of "${matching.primarySource}"`}
        {matching.keyChanged ? ` (joining key changed: ${matching.joinKey.a} → ${matching.joinKey.b})` : ` (joining key ${matching.joinKey.b})`}.
      </p>
      <dl className="matching-numbers">
        <div>
          <dt>by user id</dt>
          <dd data-testid="matched-user-id">{formatCount(counts.matchedByUserId)}</dd>
        </div>
        <div>
          <dt>by primary external id</dt>
          <dd data-testid="matched-primary-id">{formatCount(counts.matchedByPrimaryId)}</dd>
        </div>
        <div>
          <dt>unchanged</dt>
          <dd>{formatCount(unchanged)}</dd>
        </div>
        <div>
          <dt>changed</dt>
          <dd>{formatCount(counts.changed)}</dd>
        </div>
        <div>
          <dt>added</dt>
          <dd>{formatCount(counts.added)}</dd>
        </div>
        <div>
          <dt>removed</dt>
          <dd>{formatCount(counts.removed)}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="config-changes">
        Configuration: {diff.configChanges.length === 0 ? 'unchanged' : `changed (${diff.configChanges.join(', ')})`}.
      </p>
    </section>
  );
}
