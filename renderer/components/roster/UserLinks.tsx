import type { SourceConfig } from '../../../core/project/schema';
import type { RosterUser } from '../../../core/types';
import type { RecordRow } from '../../db/entities';

/** external_system_identities of a user: one row per source, linked or not. */
export function IdentityTable({ user, sources }: { user: RosterUser; sources: SourceConfig[] }) {
  return (
    <section aria-label="External identities">
      <h3>External identities</h3>
      <table className="kv" data-testid="drawer-identities">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Id</th>
            <th scope="col">Matched by</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const identity = user.identities[source.id];
            return (
              <tr key={source.id}>
                <th scope="row">
                  {source.label ?? source.id} <span className="muted">({source.system})</span>
                </th>
                {identity ? (
                  <>
                    <td>{identity.id ?? <span className="muted">no id</span>}</td>
                    <td>{identity.matchedBy}</td>
                    <td className="lineage">
                      {identity.file} row {identity.row}
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="gap">
                    not linked
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The records that made or joined the user, with their state. */
export function RecordTable({ records }: { records: RecordRow[] }) {
  if (records.length === 0) return null;
  return (
    <section aria-label="Records">
      <h3>Records</h3>
      <table className="kv">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">State</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.seq}>
              <th scope="row" className="lineage">
                {r.source} · {r.outcome.file} row {r.outcome.row}
              </th>
              <td className="nowrap">{r.state}</td>
              <td>{r.outcome.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
