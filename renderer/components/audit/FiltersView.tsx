import { useCallback, useMemo, useState } from 'react';
import type { RunHeader } from '../../../core/run/stream';
import type { RuleToggle } from '../../../core/whatif/whatif';
import type { FilterHitRow, RecordRow } from '../../db/entities';
import { auditRepo } from '../../db/repo-audit';
import { useApp } from '../../hooks/useApp';
import { useAuditPages } from '../../hooks/useAuditPages';
import { formatCount } from '../../lib/format';
import { useLiveQuery } from 'dexie-react-hooks';
import { requestExplain, quoteFor } from './explain-request';
import { RecordDetail } from './RecordDetail';
import { VirtualList } from './VirtualList';
import { WhatIfPanel } from './WhatIfPanel';

interface Rule {
  source: string;
  rule: string;
  when: string;
  enabled: boolean;
  hits: number;
  only: number;
}

const ruleId = (r: { source: string; rule: string }) => `${r.source}\u0000${r.rule}`;

/** Filter rules per source with what each removed; toggling rules runs a what-if over the stored run. */
export function FiltersView({ runId, header }: { runId: string; header: RunHeader }) {
  const rules: Rule[] = useMemo(
    () =>
      header.config.sources.flatMap((s) =>
        s.filters.map((f) => {
          const stat = header.stats.filterHits.find((h) => h.source === s.id && h.rule === f.name);
          return { source: s.id, rule: f.name, when: f.when, enabled: f.enabled, hits: stat?.hits ?? 0, only: stat?.only ?? 0 };
        }),
      ),
    [header],
  );
  const [scenario, setScenario] = useState<Record<string, boolean>>({});
  const [open, setOpen] = useState<Rule | null>(null);
  const toggles: RuleToggle[] = rules
    .filter((r) => ruleId(r) in scenario && scenario[ruleId(r)] !== r.enabled)
    .map((r) => ({ source: r.source, rule: r.rule, enabled: scenario[ruleId(r)] }));
  const isOn = (r: Rule) => scenario[ruleId(r)] ?? r.enabled;

  return (
    <div className="filters-view">
      <table className="data-table" data-testid="filter-rules">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Rule</th>
            <th scope="col">When</th>
            <th scope="col" className="num" title="records the rule matched">
              Hits
            </th>
            <th scope="col" className="num" title="records no other rule would have removed">
              Only this rule
            </th>
            <th scope="col">What if</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={ruleId(r)} className={open && ruleId(open) === ruleId(r) ? 'current' : undefined} data-testid="filter-rule">
              <td>{r.source}</td>
              <th scope="row">
                {r.rule}
                {!r.enabled && <span className="muted"> (off in the project)</span>}
              </th>
              <td>
                <code>{r.when}</code>
              </td>
              <td className="num">
                <button type="button" className="link" disabled={r.hits === 0} onClick={() => setOpen(r)} aria-label={`${formatCount(r.hits)} records hit by ${r.source} rule ${r.rule}`}>
                  {formatCount(r.hits)}
                </button>
              </td>
              <td className="num">{formatCount(r.only)}</td>
              <td>
                <label className="inline switch">
                  <input
                    type="checkbox"
                    checked={isOn(r)}
                    onChange={(e) => setScenario((s) => ({ ...s, [ruleId(r)]: e.target.checked }))}
                    data-testid={`whatif-${r.source}-${r.rule}`}
                  />
                  {isOn(r) ? 'on' : 'off'}
                  {isOn(r) !== r.enabled && <span className="tag tag-warn">changed</span>}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {toggles.length > 0 ? (
        <WhatIfPanel runId={runId} header={header} toggles={toggles} onReset={() => setScenario({})} />
      ) : (
        <p className="muted">Switch a rule off or on to see how the roster and coverage would change (join, merge and enablement run again over the stored records).</p>
      )}
      {open && <RuleRecords key={ruleId(open)} runId={runId} header={header} rule={open} />}
    </div>
  );
}

/** The records one rule removed, with the record's raw fields beside the mapped ones. */
function RuleRecords({ runId, header, rule }: { runId: string; header: RunHeader; rule: Rule }) {
  const { navigate } = useApp();
  const hits = useLiveQuery(() => auditRepo.filterHits(runId, rule.source, rule.rule), [runId, rule.source, rule.rule]);
  const seqs = useMemo(() => (hits ?? []).map((h: FilterHitRow) => h.seq), [hits]);
  const load = useCallback((offset: number, limit: number) => auditRepo.recordsAt(runId, seqs.slice(offset, offset + limit)), [runId, seqs]);
  const pages = useAuditPages<RecordRow>(`${runId}/${ruleId(rule)}/${seqs.length}`, load);
  const [selected, setSelected] = useState<{ index: number; row: RecordRow } | null>(null);
  const source = header.config.sources.find((s) => s.id === rule.source);

  return (
    <section className="split" aria-label={`Records hit by ${rule.rule}`}>
      <div className="split-list">
        <h3>
          {hits ? formatCount(hits.length) : '…'} {rule.source} records hit by “{rule.rule}”
        </h3>
        <VirtualList<RecordRow>
          label={`Records hit by ${rule.rule}`}
          count={seqs.length}
          getRow={pages.getRow}
          onRange={pages.ensure}
          version={pages.version}
          rowHeight={48}
          testId="rule-records"
          rowTestId="rule-record"
          selectedIndex={selected?.index ?? null}
          onSelect={(row, index) => setSelected({ row, index })}
          renderRow={(row) => (
            <div className="record-line">
              <span className="record-where">
                row {row.outcome.row} · <code>{row.outcome.externalId ?? '—'}</code> · {String(row.outcome.attributes.user_name ?? row.outcome.attributes.email ?? row.outcome.attributes.display_name ?? '')}
              </span>
              <span className="muted record-why">rules: {row.outcome.filterRules.join(', ')}</span>
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
