import { useMemo, useState } from 'react';
import type { RunEntity } from '../../db/entities';
import type { RunHeader } from '../../../core/run/stream';
import { useApp } from '../../hooks/useApp';
import { useColumnChoice } from '../../hooks/useColumnChoice';
import { useRosterSearch, SEARCH_LIMIT } from '../../hooks/useRosterSearch';
import { useRosterWindow } from '../../hooks/useRosterWindow';
import { useSelectedRun } from '../../hooks/useRuns';
import { errorText } from '../../lib/errors';
import { exportRoster } from '../../lib/export-roster';
import { formatCount } from '../../lib/format';
import { SafeguardBanner } from '../history/SafeguardBanner';
import { NoRun, RunPicker } from '../shell/RunPicker';
import { ColumnPicker } from './ColumnPicker';
import { RosterTable } from './RosterTable';
import { UserDrawer } from './UserDrawer';
import { rosterColumns, visibleColumns } from './roster-columns';

/** The roster of the selected run: search, columns, a user drawer and the CSV export. */
export function RosterScreen() {
  const { runs, run } = useSelectedRun();
  if (runs === undefined || run === undefined) return <p className="muted">Loading runs…</p>;
  if (run === null || !run.header) return <NoRun />;
  return <RunRoster key={run.id} runs={runs} run={run} header={run.header} />;
}

function RunRoster({ runs, run, header }: { runs: RunEntity[]; run: RunEntity; header: RunHeader }) {
  const { backend, project, notify } = useApp();
  const [query, setQuery] = useState('');
  const [openUser, setOpenUser] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [picked, setPicked] = useColumnChoice(project?.id ?? '');
  const all = useMemo(() => rosterColumns(header), [header]);
  const columns = visibleColumns(all, picked);
  const pages = useRosterWindow(run.id);
  const search = useRosterSearch(run.id, query);
  const results = search.rows;

  const exportCsv = async () => {
    setExporting(true);
    try {
      const written = await exportRoster(backend, run);
      if (written !== null) notify('info', `Exported ${formatCount(written)} users to roster.csv.`);
    } catch (error) {
      notify('error', `The roster could not be exported: ${errorText(error)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className={`roster-screen${openUser ? ' with-drawer' : ''}`} aria-labelledby="roster-title">
      <SafeguardBanner header={header} />
      <div className="screen-head">
        <h1 id="roster-title">Roster</h1>
        <RunPicker runs={runs} run={run} />
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">Search the roster</span>
          <input
            type="search"
            placeholder="Search by email, name, any attribute or external id"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="roster-search"
          />
        </label>
        <span className="muted" role="status" data-testid="roster-count">
          {search.searching
            ? 'Searching…'
            : results === null
              ? `${formatCount(run.counts.roster)} users`
              : `${formatCount(results.length)}${results.length >= SEARCH_LIMIT ? '+' : ''} ${results.length === 1 ? 'match' : 'matches'}`}
        </span>
        <ColumnPicker columns={all} picked={columns.map((c) => c.id)} onChange={setPicked} />
        <button type="button" onClick={() => void exportCsv()} disabled={exporting} data-testid="export-roster">
          {exporting ? 'Exporting…' : 'Export roster CSV'}
        </button>
      </div>
      <div className="roster-body">
        <RosterTable
          count={results ? results.length : run.counts.roster}
          getRow={results ? (i) => results[i] : pages.getRow}
          onRange={results ? undefined : pages.ensure}
          version={pages.version}
          columns={columns}
          selectedUserId={openUser}
          onOpen={(row) => setOpenUser(row.userId)}
        />
        {openUser && <UserDrawer runId={run.id} userId={openUser} header={header} onClose={() => setOpenUser(null)} />}
      </div>
    </section>
  );
}
