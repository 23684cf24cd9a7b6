import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { attributeColumns } from '../../../core/export/tables';
import type { SourceConfig } from '../../../core/project/schema';
import type { RunHeader } from '../../../core/run/stream';
import { repo } from '../../db/repo';
import { IdentityTable, RecordTable } from './UserLinks';

/** The merged profile of one user: values with their lineage, identities, enablement and coverage. */
export function UserDrawer({ runId, userId, header, onClose }: { runId: string; userId: string; header: RunHeader; onClose(): void }) {
  const row = useLiveQuery(() => repo.getRosterUser(runId, userId), [runId, userId]);
  const records = useLiveQuery(() => repo.userRecords(runId, userId), [runId, userId]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [userId, row]);

  const sources: SourceConfig[] = header.config.sources;
  const user = row?.user;
  const missingKinds = user ? [...new Set(sources.map((s) => s.system))].filter((k) => k !== 'other' && !user.coverage.includes(k)) : [];

  return (
    <aside className="drawer" aria-labelledby="drawer-title" data-testid="user-drawer" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="drawer-head">
        <h2 id="drawer-title" tabIndex={-1} ref={heading}>
          {user ? String(user.attributes.display_name ?? user.key) : 'Loading…'}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close user details">
          Close
        </button>
      </div>
      {user && (
        <div className="drawer-body">
          <p className="muted drawer-key">
            key <code>{user.key}</code> · user id <code title={user.userId}>{user.userId.slice(0, 16)}…</code> · {user.lifecycle}
          </p>
          <section aria-label="Enablement" className={`enablement ${user.enabled ? 'is-enabled' : 'is-disabled'}`} data-testid="drawer-enablement">
            <strong>{user.enabled ? 'Enabled' : 'Not enabled'}</strong> {user.enabledReason.replace(/^(not )?enabled:\s*/, '')}
          </section>
          <section aria-label="Coverage">
            <h3>Coverage</h3>
            <p>
              Linked in {user.coverage.join(', ') || 'no system'}
              {missingKinds.length > 0 && <span className="gap"> · missing: {missingKinds.join(', ')}</span>}
            </p>
          </section>
          <section aria-label="Merged profile">
            <h3>Merged profile</h3>
            <table className="kv" data-testid="drawer-profile">
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  <th scope="col">Value</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {attributeColumns(Object.keys(user.attributes)).map((name) => {
                  const lineage = user.lineage[name];
                  return (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{user.attributes[name] === null ? <span className="muted">empty</span> : String(user.attributes[name])}</td>
                      <td className="lineage" title={lineage ? `${lineage.source} · ${lineage.field}` : undefined}>
                        {lineage ? `${lineage.source} · ${lineage.field}` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <IdentityTable user={user} sources={sources} />
          <RecordTable records={records ?? []} />
        </div>
      )}
    </aside>
  );
}
