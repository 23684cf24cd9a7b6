import { useMemo, useState } from 'react';
import type { OrphanSuggestions } from '../../../core/advice/suggest-links';
import type { RunHeader } from '../../../core/run/stream';
import { useApp } from '../../hooks/useApp';
import { useAuditTask } from '../../hooks/useAuditTask';
import { errorText } from '../../lib/errors';
import { formatCount, formatPercent } from '../../lib/format';
import { exportConflicts, refText } from './ConflictsView';
import { requestExplain } from './explain-request';
import { VirtualList } from './VirtualList';
import { WorkerStatus } from './WorkerStatus';

const HEAD = 30;
const LINE = 24;
const rowHeight = (o: OrphanSuggestions) => HEAD + LINE * Math.max(1, o.suggestions.length) + 10;

/** Secondary records that joined no one, each with the roster users it most likely belongs to. */
export function OrphansView({ runId, header }: { runId: string; header: RunHeader }) {
  const { backend, notify, navigate } = useApp();
  const task = useAuditTask({ type: 'suggest-links', runId });
  const [withSuggestion, setWithSuggestion] = useState(false);
  const [source, setSource] = useState('');
  const all = task.answer;
  const shown = useMemo(() => (all ?? []).filter((o) => (!withSuggestion || o.suggestions.length > 0) && (!source || o.record.source === source)), [all, withSuggestion, source]);
  const suggested = all?.filter((o) => o.suggestions.length > 0).length ?? 0;
  const secondaries = header.config.sources.filter((s) => s.id !== header.config.primary);

  const exportCsv = async () => {
    try {
      const written = await exportConflicts(runId, 'orphan', (name, text) => backend.saveText(name, text));
      if (written !== null) notify('info', `Exported ${formatCount(written)} orphans to conflicts-orphan.csv.`);
    } catch (error) {
      notify('error', `The orphans could not be exported: ${errorText(error)}`);
    }
  };
  const explain = (o: OrphanSuggestions) => {
    requestExplain(o.record.externalId ?? o.record.key ?? o.email ?? '');
    navigate('explain');
  };

  return (
    <div className="orphans-view">
      <div className="toolbar">
        <label className="inline">
          <span>Source</span>
          <select value={source} onChange={(e) => setSource(e.target.value)} data-testid="orphan-source">
            <option value="">all secondary sources</option>
            {secondaries.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label ?? s.id}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={withSuggestion} onChange={(e) => setWithSuggestion(e.target.checked)} /> only with a suggestion
        </label>
        <button type="button" onClick={() => void exportCsv()} disabled={(header.stats.conflicts.orphan ?? 0) === 0} data-testid="export-orphans">
          Export orphans CSV
        </button>
      </div>
      <WorkerStatus task={task} />
      {all && (
        <>
          <p className="muted" data-testid="orphan-summary">
            {formatCount(all.length)} orphan records; {formatCount(suggested)} with a suggested roster user (by name and email similarity). Showing{' '}
            {formatCount(shown.length)}. Accepting a suggestion is not part of this tool: fix the key in the source, or add a fallback key.
          </p>
          <VirtualList<OrphanSuggestions>
            key={`${source}/${withSuggestion}`}
            label="Orphan records"
            count={shown.length}
            getRow={(i) => shown[i]}
            rowHeight={(i) => rowHeight(shown[i])}
            testId="orphan-list"
            rowTestId="orphan-row"
            renderRow={(o) => (
              <div className="orphan">
                <div className="orphan-head">
                  <span className="orphan-who">
                    <strong>{o.record.source}</strong> · {o.name ?? <span className="muted">no name</span>} · <code>{o.email ?? o.record.key ?? 'no key'}</code>
                  </span>
                  <span className="muted orphan-where">{refText(o.record)}</span>
                  <button type="button" className="link" onClick={() => explain(o)}>
                    Why?
                  </button>
                </div>
                {o.suggestions.length === 0 ? (
                  <div className="suggestion muted">no roster user with a similar name or email</div>
                ) : (
                  o.suggestions.map((s) => (
                    <div key={s.userId} className="suggestion" data-testid="suggestion" title={s.reasons.join('; ')}>
                      <span className="score" title="likelihood of a match, 0 to 100%">
                        {formatPercent(s.score)}
                      </span>
                      <span className="suggestion-user">
                        {s.label} <code>{s.key}</code>
                      </span>
                      <span className="muted suggestion-why">{s.reasons.join('; ')}</span>
                    </div>
                  ))
                )}
              </div>
            )}
          />
        </>
      )}
    </div>
  );
}
