import type { CandidateStats, KeyAdvice, KeyPlan } from '../../../core/advice/key-advice';
import type { RunHeader } from '../../../core/run/stream';
import { useAuditTask } from '../../hooks/useAuditTask';
import { formatCount, formatPercent } from '../../lib/format';
import { WorkerStatus } from './WorkerStatus';

const planName = (p: KeyPlan) => [p.key, ...p.fallbackKeys].join(' then ');

/** Joining-key advice (core/advice/key-advice, in the worker): per source and candidate, and a recommendation. */
export function KeyAdviceView({ runId, header }: { runId: string; header: RunHeader }) {
  const task = useAuditTask({ type: 'key-advice', runId });
  const advice = task.answer;
  return (
    <div className="key-advice-view">
      <WorkerStatus task={task} />
      {advice && <Advice advice={advice} header={header} />}
    </div>
  );
}

function Advice({ advice, header }: { advice: KeyAdvice; header: RunHeader }) {
  const sources = header.config.sources.filter((s) => s.id !== header.config.primary);
  const recommended = advice.recommended.key;
  return (
    <>
      {advice.callout && (
        <p className="panel callout" role="note" data-testid="key-callout">
          {advice.callout}
        </p>
      )}
      <p className="recommendation" data-testid="key-recommendation">
        {advice.summary}
      </p>
      <table className="data-table compact plans" data-testid="key-plans">
        <thead>
          <tr>
            <th scope="col">Users linked in</th>
            <th scope="col" className="num">
              Now: {planName(advice.current)}
            </th>
            <th scope="col" className="num">
              Recommended: {planName(advice.recommended)}
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label ?? s.id}</th>
              <td className="num">
                {formatCount(advice.current.perSource[s.id] ?? 0)} <span className="muted">of {formatCount(advice.users)}</span>
              </td>
              <td className="num">
                {formatCount(advice.recommended.perSource[s.id] ?? 0)} <span className="muted">of {formatCount(advice.users)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Candidates per source</h3>
      <p className="muted">
        Matched: roster users the attribute alone links in that source. Uniqueness: distinct values per filled value (100% = no two records share one). Variants: links that
        only hold after trimming or lower-casing.
      </p>
      <table className="data-table candidates" data-testid="key-candidates">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Attribute</th>
            <th scope="col" className="num">
              Matched
            </th>
            <th scope="col" className="num">
              Unique (primary)
            </th>
            <th scope="col" className="num">
              Unique (source)
            </th>
            <th scope="col">Collisions</th>
            <th scope="col">Variants</th>
          </tr>
        </thead>
        <tbody>
          {advice.candidates.map((c) => (
            <CandidateRow key={`${c.source}/${c.attribute}`} c={c} current={c.attribute === advice.current.key} recommended={c.attribute === recommended} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function CandidateRow({ c, current, recommended }: { c: CandidateStats; current: boolean; recommended: boolean }) {
  return (
    <tr className={recommended ? 'recommended' : undefined} data-testid={`candidate-${c.source}-${c.attribute}`}>
      <td>{c.source}</td>
      <th scope="row">
        {c.attribute}
        {current && <span className="tag">current</span>}
        {recommended && <span className="tag tag-ok">recommended</span>}
      </th>
      <td className="num">
        {formatCount(c.matched)} <span className="muted">({formatPercent(c.matchedShare)})</span>
      </td>
      <td className="num">{c.primaryFilled === 0 ? '—' : formatPercent(c.primaryUniqueness)}</td>
      <td className="num">{c.sourceFilled === 0 ? '—' : formatPercent(c.sourceUniqueness)}</td>
      <td title={c.collisions.examples.join('\n')}>
        {c.collisions.values === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            {formatCount(c.collisions.values)} values, {formatCount(c.collisions.records)} records <span className="muted example">{c.collisions.examples.slice(0, 2).join(', ')}</span>
          </>
        )}
      </td>
      <td title={c.variants.examples.join('\n')}>
        {c.variants.count === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            {formatCount(c.variants.count)} <span className="muted example">{c.variants.examples.slice(0, 1).join(', ')}</span>
          </>
        )}
      </td>
    </tr>
  );
}
