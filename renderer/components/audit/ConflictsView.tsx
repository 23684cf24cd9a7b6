import { useCallback, useState } from 'react';
import { conflictsCsv } from '../../../core/export/tables';
import type { RunHeader } from '../../../core/run/stream';
import type { Conflict, ConflictKind, RecordRef } from '../../../core/types';
import type { ConflictRow } from '../../db/entities';
import { auditRepo } from '../../db/repo-audit';
import { useApp } from '../../hooks/useApp';
import { useAuditPages } from '../../hooks/useAuditPages';
import { errorText } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { VirtualList } from './VirtualList';

type ListedKind = Exclude<ConflictKind, 'orphan'>;

const KINDS: { kind: ListedKind; label: string; hint: string; height: number }[] = [
  { kind: 'duplicate-key', label: 'Duplicate keys', hint: 'records of one source sharing a key; which one the policy kept, and why', height: 96 },
  { kind: 'missing-key', label: 'Missing keys', hint: 'records with no value for the joining key (or any fallback key)', height: 40 },
  { kind: 'ambiguous-link', label: 'Ambiguous links', hint: 'several records of one source competing for one user, or a fallback value several users share', height: 78 },
];

/** `okta okta-users.json row 12 "00u…"`. */
export const refText = (ref: RecordRef) => `${ref.file} row ${ref.row}${ref.externalId ? ` "${ref.externalId}"` : ''}`;

/** Exports every conflict of one kind of a run as CSV (the CLI's conflicts.csv columns). */
export async function exportConflicts(runId: string, kind: ConflictKind, save: (name: string, text: string) => Promise<boolean>): Promise<number | null> {
  const conflicts = await auditRepo.allConflictsOfKind(runId, kind);
  const written = await save(`conflicts-${kind}.csv`, [...conflictsCsv(conflicts)].join(''));
  return written ? conflicts.length : null;
}

/** Duplicate-key groups, missing keys and ambiguous links of the run, each list exportable as CSV. */
export function ConflictsView({ runId, header }: { runId: string; header: RunHeader }) {
  const { backend, notify } = useApp();
  const [kind, setKind] = useState<ListedKind>('duplicate-key');
  const [exporting, setExporting] = useState(false);
  const current = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const count = header.stats.conflicts[kind] ?? 0;
  const load = useCallback((offset: number, limit: number) => auditRepo.conflictsOfKind(runId, kind, offset, limit), [runId, kind]);
  const pages = useAuditPages<ConflictRow>(`${runId}/${kind}`, load);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const written = await exportConflicts(runId, kind, (name, text) => backend.saveText(name, text));
      if (written !== null) notify('info', `Exported ${formatCount(written)} ${current.label.toLowerCase()} to conflicts-${kind}.csv.`);
    } catch (error) {
      notify('error', `The conflicts could not be exported: ${errorText(error)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="conflicts-view">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Conflict kind">
          {KINDS.map((k) => (
            <button key={k.kind} type="button" aria-pressed={k.kind === kind} onClick={() => setKind(k.kind)} data-testid={`conflict-kind-${k.kind}`}>
              {k.label} <span className="count">{formatCount(header.stats.conflicts[k.kind] ?? 0)}</span>
            </button>
          ))}
        </div>
        <button type="button" onClick={() => void exportCsv()} disabled={exporting || count === 0} data-testid="export-conflicts">
          {exporting ? 'Exporting…' : `Export ${current.label.toLowerCase()} CSV`}
        </button>
      </div>
      <p className="muted">
        {formatCount(count)} {current.label.toLowerCase()} · {current.hint}.
      </p>
      {pages.error && <p className="error-text">The conflicts could not be read: {pages.error}</p>}
      {count > 0 && (
        <VirtualList<ConflictRow>
          key={kind}
          label={current.label}
          count={count}
          getRow={pages.getRow}
          onRange={pages.ensure}
          version={pages.version}
          rowHeight={current.height}
          testId="conflict-list"
          rowTestId="conflict-row"
          renderRow={(row) => <ConflictItem conflict={row.conflict} />}
        />
      )}
    </div>
  );
}

/** One conflict in a few lines. Long lists of records are cut with an ellipsis; the CSV has them all. */
function ConflictItem({ conflict: c }: { conflict: Conflict }) {
  switch (c.kind) {
    case 'duplicate-key':
      return (
        <div className="conflict">
          <div className="conflict-title">
            <strong>{c.source}</strong> · key <code>{c.key}</code> · {c.losers.length + (c.winner ? 1 : 0)} records · policy <code>{c.policy}</code>
          </div>
          <div className="line">
            <span className="tag tag-ok">kept</span> {c.winner ? refText(c.winner) : <span className="muted">none (drop-all)</span>}
          </div>
          <div className="line" title={c.losers.map(refText).join('\n')}>
            <span className="tag tag-warn">dropped</span> {c.losers.map(refText).join(', ')}
          </div>
          <div className="line muted" title={c.reason}>
            why: {c.reason}
          </div>
        </div>
      );
    case 'missing-key':
      return (
        <div className="conflict line">
          <strong>{c.source}</strong> · {refText(c.record)} · no value for {c.keys.join(', ')}
        </div>
      );
    case 'ambiguous-link':
      return (
        <div className="conflict">
          <div className="conflict-title">
            <strong>{c.source}</strong> · {c.records.length} records for {c.userIds.length} {c.userIds.length === 1 ? 'user' : 'users'}
            {c.linked ? <> · linked {refText(c.linked)}</> : <> · none linked</>}
          </div>
          <div className="line" title={c.records.map(refText).join('\n')}>
            {c.records.map(refText).join(', ')}
          </div>
          <div className="line muted" title={c.reason}>
            why: {c.reason}
          </div>
        </div>
      );
    case 'orphan':
      return (
        <div className="conflict line">
          <strong>{c.source}</strong> · {refText(c.record)} · key <code>{c.key ?? '—'}</code>
        </div>
      );
  }
}
