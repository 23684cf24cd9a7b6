import type { ReactNode } from 'react';
import type { RosterRow } from '../../db/entities';
import { DELETION_LIST_LIMIT, type RunDeletionLists } from '../../hooks/useHistory';
import { formatCount } from '../../lib/format';

interface Column {
  label: string;
  cell(row: RosterRow): ReactNode;
  num?: boolean;
}

const name: Column = { label: 'Name', cell: (r) => String(r.user.attributes.display_name ?? '') };
const email: Column = { label: 'Email', cell: (r) => String(r.user.attributes.email ?? r.user.key) };
const since: Column = { label: 'Missing since', cell: (r) => r.user.deletion?.missingSince ?? '' };
const lastSeen: Column = { label: 'Last seen', cell: (r) => r.user.deletion?.lastSeen ?? '' };

function UserTable({ id, title, rows, total, columns, empty }: { id: string; title: string; rows: RosterRow[]; total: number; columns: Column[]; empty: string }) {
  return (
    <section className="panel deletion-list" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({formatCount(total)})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="deletion-scroll">
          <table className="kv deletion-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.seq} data-testid={`${id}-row`}>
                  {columns.map((c) => (
                    <td key={c.label} className={c.num ? 'num' : undefined} data-col={c.label}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > rows.length && (
        <p className="muted">
          The first {formatCount(Math.min(rows.length, DELETION_LIST_LIMIT))} are shown; the roster (and its CSV export) holds all {formatCount(total)}.
        </p>
      )}
    </section>
  );
}

/** A run's deletion candidates with days left, the users it deleted, and the users it restored. */
export function DeletionLists({ lists, counts }: { lists: RunDeletionLists; counts: { pending: number; deleted: number; restored: number } }) {
  return (
    <div className="deletion-lists">
      <UserTable
        id="deletion-candidates"
        title="Deletion candidates"
        rows={lists.pending}
        total={counts.pending}
        empty="No user is waiting for deletion."
        columns={[
          name,
          email,
          since,
          { label: 'Delete after', cell: (r) => r.user.deletion?.deleteAfter ?? '' },
          { label: 'Days left', num: true, cell: (r) => r.user.deletion?.daysLeft ?? '' },
          lastSeen,
        ]}
      />
      <UserTable id="restored-users" title="Restored users" rows={lists.restored} total={counts.restored} empty="No user came back in this run." columns={[name, email, since, lastSeen]} />
      {counts.deleted > 0 && (
        <UserTable id="deleted-users" title="Deleted by this run" rows={lists.deleted} total={counts.deleted} empty="" columns={[name, email, since, { label: 'Deleted after', cell: (r) => r.user.deletion?.deleteAfter ?? '' }, lastSeen]} />
      )}
    </div>
  );
}
