import { useCallback, useState } from 'react';
import { RECORD_STATES, type RecordState } from '../../../core/types';
import type { RunHeader } from '../../../core/run/stream';
import type { RecordRow } from '../../db/entities';
import { auditRepo } from '../../db/repo-audit';
import { useApp } from '../../hooks/useApp';
import { useAuditPages } from '../../hooks/useAuditPages';
import { formatCount } from '../../lib/format';
import { requestExplain, quoteFor } from './explain-request';
import { RecordDetail } from './RecordDetail';
import { VirtualList } from './VirtualList';

/** What each state means, for the matrix's column titles. */
export const STATE_HINTS: Record<RecordState, string> = {
  primary: 'made a roster user',
  joined: 'linked to a roster user',
  filtered: 'removed by a filter rule',
  duplicate: 'lost a duplicate-key conflict',
  'missing-key': 'has no joining key value',
  orphan: 'matches no roster user',
  ambiguous: 'competed with another record for one user',
};

interface Cell {
  source: string;
  state: RecordState;
}

/** Sources x record states of the run; a cell lists its records, each with its raw record beside the mapped one. */
export function JoinsView({ runId, header }: { runId: string; header: RunHeader }) {
  const [cell, setCell] = useState<Cell | null>(null);
  const sources = header.config.sources;
  const totals = Object.fromEntries(RECORD_STATES.map((state) => [state, sources.reduce((n, s) => n + (header.stats.perSource[s.id]?.[state] ?? 0), 0)]));
  const loaded = sources.reduce((n, s) => n + (header.stats.perSource[s.id]?.loaded ?? 0), 0);

  return (
    <div className="joins-view">
      <div className="matrix-scroll">
        <table className="matrix" data-testid="join-matrix">
          <caption className="sr-only">Records per source and state</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              {RECORD_STATES.map((state) => (
                <th key={state} scope="col" className="num" title={STATE_HINTS[state]}>
                  {state}
                </th>
              ))}
              <th scope="col" className="num">
                loaded
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const stats = header.stats.perSource[source.id];
              return (
                <tr key={source.id}>
                  <th scope="row">
                    {source.label ?? source.id} <span className="muted">({source.system}{source.id === header.config.primary ? ', primary' : ''})</span>
                  </th>
                  {RECORD_STATES.map((state) => {
                    const n = stats?.[state] ?? 0;
                    const current = cell?.source === source.id && cell.state === state;
                    return (
                      <td key={state} className="num">
                        <button
                          type="button"
                          className={`cell-button${current ? ' current' : ''}${n === 0 ? ' zero' : ''}`}
                          disabled={n === 0}
                          aria-pressed={current}
                          aria-label={`${formatCount(n)} ${source.id} records ${state}`}
                          onClick={() => setCell({ source: source.id, state })}
                          data-testid={`join-cell-${source.id}-${state}`}
                        >
                          {formatCount(n)}
                        </button>
                      </td>
                    );
                  })}
                  <td className="num">{formatCount(stats?.loaded ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All sources</th>
              {RECORD_STATES.map((state) => (
                <td key={state} className="num">
                  {formatCount(totals[state])}
                </td>
              ))}
              <td className="num">{formatCount(loaded)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {cell ? (
        <CellRecords key={`${cell.source}/${cell.state}`} runId={runId} header={header} cell={cell} />
      ) : (
        <p className="muted">Pick a cell to list its records.</p>
      )}
    </div>
  );
}

function CellRecords({ runId, header, cell }: { runId: string; header: RunHeader; cell: Cell }) {
  const { navigate } = useApp();
  const count = header.stats.perSource[cell.source]?.[cell.state] ?? 0;
  const load = useCallback((offset: number, limit: number) => auditRepo.recordsInState(runId, cell.source, cell.state, offset, limit), [runId, cell]);
  const pages = useAuditPages<RecordRow>(`${runId}/${cell.source}/${cell.state}`, load);
  const [selected, setSelected] = useState<{ index: number; row: RecordRow } | null>(null);
  const source = header.config.sources.find((s) => s.id === cell.source);

  return (
    <section className="split" aria-label={`${cell.source} records ${cell.state}`}>
      <div className="split-list">
        <h3>
          {formatCount(count)} {cell.source} {count === 1 ? 'record' : 'records'} {cell.state} <span className="muted">· {STATE_HINTS[cell.state]}</span>
        </h3>
        {pages.error && <p className="error-text">The records could not be read: {pages.error}</p>}
        <VirtualList<RecordRow>
          label={`${cell.source} ${cell.state} records`}
          count={count}
          getRow={pages.getRow}
          onRange={pages.ensure}
          version={pages.version}
          rowHeight={48}
          testId="cell-records"
          rowTestId="cell-record"
          selectedIndex={selected?.index ?? null}
          onSelect={(row, index) => setSelected({ row, index })}
          renderRow={(row) => (
            <div className="record-line">
              <span className="record-where">
                row {row.outcome.row} · <code>{row.outcome.externalId ?? '—'}</code> · {String(row.outcome.attributes.display_name ?? row.outcome.attributes.email ?? '')}
              </span>
              <span className="muted record-why" title={row.outcome.detail}>
                {row.outcome.detail}
              </span>
            </div>
          )}
        />
      </div>
      <div className="split-detail">
        {selected ? (
          <RecordDetail
            record={selected.row.outcome}
            source={source}
            onExplain={() => {
              requestExplain(quoteFor(selected.row.outcome));
              navigate('explain');
            }}
          />
        ) : (
          <p className="muted">Pick a record to see its raw fields beside the mapped ones.</p>
        )}
      </div>
    </section>
  );
}
