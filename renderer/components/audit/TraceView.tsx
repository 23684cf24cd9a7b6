import type { Trace, TraceRecord, TraceUser } from '../../../core/explain/types';
import { attributeColumns } from '../../../core/export/tables';
import type { RunHeader } from '../../../core/run/stream';
import type { SystemKind } from '../../../core/types';
import { formatCount } from '../../lib/format';
import { MappedTable, RawView, ValueText } from './RecordDetail';

/** core/explain's `matchedOn` for a record that is in the trace because it belongs to the same user. */
const LINKED = 'linked to the same user';

/** Parts of a trace drawn in full; the rest is counted (the exports hold everything). */
export const TRACE_LIMITS = { diagnosis: 200, records: 50, users: 20 };

/** More than the screen draws: says how many and where the rest is. */
function More({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (total <= shown) return null;
  return (
    <p className="muted" role="note">
      Showing {formatCount(shown)} of {formatCount(total)} {what}; the JSON and HTML exports hold them all. Quote something more specific to narrow it down.
    </p>
  );
}

/** core/explain's trace: the diagnosis in its own words, then every record, then the merged profiles. */
export function TraceView({ trace, header }: { trace: Trace; header: RunHeader }) {
  const records = trace.records.slice(0, TRACE_LIMITS.records);
  const users = trace.users.slice(0, TRACE_LIMITS.users);
  // Mapping and raw open for the records the query itself matched, when they are few.
  const direct = records.filter((r) => r.matchedOn !== LINKED).length;
  return (
    <div className="trace" data-testid="trace" data-query={trace.query}>
      <section aria-labelledby="diagnosis-title" className="panel diagnosis-panel">
        <h2 id="diagnosis-title">Diagnosis</h2>
        <ul className="diagnosis" data-testid="diagnosis">
          {trace.diagnosis.slice(0, TRACE_LIMITS.diagnosis).map((line, i) => (
            <li key={i} data-testid="diagnosis-line" className={lineClass(line)}>
              {line}
            </li>
          ))}
        </ul>
        <More shown={TRACE_LIMITS.diagnosis} total={trace.diagnosis.length} what="diagnosis lines" />
      </section>
      {trace.records.length > 0 && (
        <section aria-labelledby="trace-records-title">
          <h2 id="trace-records-title">
            Records <span className="muted">({formatCount(trace.records.length)} in {new Set(trace.records.map((r) => r.source)).size} sources)</span>
          </h2>
          {records.map((r) => (
            <TraceRecordCard key={`${r.source}/${r.file}/${r.row}`} record={r} open={records.length <= 2 || (direct <= 2 && r.matchedOn !== LINKED)} />
          ))}
          <More shown={TRACE_LIMITS.records} total={trace.records.length} what="records" />
        </section>
      )}
      {users.length > 0 && (
        <section aria-labelledby="trace-users-title">
          <h2 id="trace-users-title">
            Merged {trace.users.length === 1 ? 'profile' : `profiles (${formatCount(trace.users.length)})`}
          </h2>
          {users.map((u) => (
            <TraceUserCard key={u.userId} user={u} header={header} />
          ))}
          <More shown={TRACE_LIMITS.users} total={trace.users.length} what="roster users" />
        </section>
      )}
    </div>
  );
}

/** Lines that report a problem stand out from those that only state facts. */
function lineClass(line: string): string | undefined {
  return /^(not |cannot |nothing |identity-provider actions|no )|filtered out|joins no one|is not used|is not linked|cannot join/.test(line) ? 'problem' : undefined;
}

function TraceRecordCard({ record: r, open }: { record: TraceRecord; open: boolean }) {
  return (
    <article className="trace-record" aria-label={`${r.source} record`} data-testid="trace-record">
      <div className="trace-record-head">
        <strong>{r.source}</strong> <span className="muted">({r.system})</span> · {r.file} row {r.row} · id <code>{r.externalId ?? '—'}</code>
        <span className={`state state-${r.state}`}>{r.state}</span>
        <span className="muted">{r.matchedOn === LINKED ? LINKED : `matched on ${r.matchedOn}`}</span>
      </div>
      <p className="detail-facts">{r.detail}</p>
      <p className="muted detail-facts">
        key <code>{r.key ?? '—'}</code>
        {r.matchedBy && <> · joined by {r.matchedBy}</>}
        {r.userId && (
          <>
            {' '}
            · user <code title={r.userId}>{r.userId.slice(0, 12)}…</code>
          </>
        )}
        {r.filterRules.length > 0 && <> · filtered by {r.filterRules.map((f) => `"${f}"`).join(', ')}</>}
        {r.closestKeys && <> · closest primary keys: {r.closestKeys.length > 0 ? r.closestKeys.join(', ') : 'none near'}</>}
      </p>
      <details open={open}>
        <summary>Mapping and raw record</summary>
        <div className="side-by-side">
          <section aria-label="Mapped attributes">
            <h4>Mapped</h4>
            <MappedTable attributes={r.attributes} mapping={r.mapping} />
          </section>
          <section aria-label="Raw record">
            <h4>Raw</h4>
            <RawView raw={r.raw} />
          </section>
        </div>
      </details>
    </article>
  );
}

function TraceUserCard({ user, header }: { user: TraceUser; header: RunHeader }) {
  const kinds = [...new Set(header.config.sources.map((s) => s.system as SystemKind))];
  const gaps = kinds.filter((k) => !user.coverage.includes(k));
  return (
    <article className="trace-user" aria-label="Roster user" data-testid="trace-user">
      <h3>
        {String(user.attributes.display_name ?? user.key)} <span className="muted">· key {user.key}</span>
      </h3>
      <p className={`enablement ${user.enabled ? 'is-enabled' : 'is-disabled'}`} data-testid="trace-enablement">
        {user.enabledReason}
      </p>
      <p data-testid="trace-coverage">
        Linked in {user.coverage.join(', ') || 'no system'}
        {gaps.length > 0 && <span className="gap"> · coverage gaps: {gaps.join(', ')}</span>}
      </p>
      <div className="side-by-side">
        <table className="kv">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {attributeColumns(Object.keys(user.attributes)).map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <ValueText value={user.attributes[name]} />
                </td>
                <td className="lineage">{user.lineage[name] ? `${user.lineage[name].source} · ${user.lineage[name].field}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="kv">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Id</th>
              <th scope="col">Linked by</th>
            </tr>
          </thead>
          <tbody>
            {header.config.sources.map((s) => {
              const identity = user.identities[s.id];
              return (
                <tr key={s.id}>
                  <th scope="row">{s.id}</th>
                  {identity ? (
                    <>
                      <td>{identity.id ?? <span className="muted">no id</span>}</td>
                      <td>
                        {identity.matchedBy} <code>{identity.key}</code>
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} className="gap">
                      not linked
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}
