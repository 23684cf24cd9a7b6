import { useState } from 'react';
import type { RunHeader } from '../../../core/run/stream';
import type { RunEntity } from '../../db/entities';
import { useAuditPrefetch } from '../../hooks/useAuditTask';
import { useSelectedRun } from '../../hooks/useRuns';
import { formatCount } from '../../lib/format';
import { SafeguardBanner } from '../history/SafeguardBanner';
import { NoRun, RunPicker } from '../shell/RunPicker';
import { ConflictsView } from './ConflictsView';
import { FiltersView } from './FiltersView';
import { JoinsView } from './JoinsView';
import { KeyAdviceView } from './KeyAdviceView';
import { OrphansView } from './OrphansView';
import './audit.css';

/** The audit views of a stored run (issue 4), in the order an engineer usually walks them. */
export const AUDIT_VIEWS = [
  { id: 'joins', label: 'Joins' },
  { id: 'orphans', label: 'Orphans' },
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'filters', label: 'Filter hits' },
  { id: 'keys', label: 'Key advice' },
] as const;

export type AuditViewId = (typeof AUDIT_VIEWS)[number]['id'];

/** The view last shown, so coming back from Explain lands where the user was. */
let lastView: AuditViewId = 'joins';

/** Joins, orphans with suggested links, conflicts, filter hits with what-if, and joining-key advice. */
export function AuditScreen() {
  const { runs, run } = useSelectedRun();
  if (runs === undefined || run === undefined) return <p className="muted">Loading runs…</p>;
  if (run === null || !run.header) return <NoRun />;
  return <Audit key={run.id} runs={runs} run={run} header={run.header} />;
}

function Audit({ runs, run, header }: { runs: RunEntity[]; run: RunEntity; header: RunHeader }) {
  const [view, setView] = useState<AuditViewId>(lastView);
  useAuditPrefetch(run.id);
  const show = (id: AuditViewId) => {
    lastView = id;
    setView(id);
  };
  const badge: Partial<Record<AuditViewId, number>> = {
    orphans: header.stats.conflicts.orphan,
    conflicts: header.stats.conflicts['duplicate-key'] + header.stats.conflicts['missing-key'] + header.stats.conflicts['ambiguous-link'],
    filters: header.stats.filterHits.reduce((n, h) => n + h.hits, 0),
  };

  return (
    <section className="audit-screen" aria-labelledby="audit-title">
      <div className="screen-head">
        <h1 id="audit-title">Audit</h1>
        <RunPicker runs={runs} run={run} />
      </div>
      <SafeguardBanner header={header} />
      <nav className="subtabs" aria-label="Audit views">
        {AUDIT_VIEWS.map((v) => (
          <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} onClick={() => show(v.id)} data-testid={`audit-view-${v.id}`}>
            {v.label}
            {badge[v.id] !== undefined && <span className="count">{formatCount(badge[v.id] ?? 0)}</span>}
          </button>
        ))}
      </nav>
      <div className="audit-body" data-testid={`audit-${view}`}>
        {view === 'joins' && <JoinsView runId={run.id} header={header} />}
        {view === 'orphans' && <OrphansView runId={run.id} header={header} />}
        {view === 'conflicts' && <ConflictsView runId={run.id} header={header} />}
        {view === 'filters' && <FiltersView runId={run.id} header={header} />}
        {view === 'keys' && <KeyAdviceView runId={run.id} header={header} />}
      </div>
    </section>
  );
}
