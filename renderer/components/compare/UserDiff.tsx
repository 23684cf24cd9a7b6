import type { DiffUser } from '../../../core/diff';
import type { Scalar } from '../../../core/types';
import type { UserDetail } from '../../worker/compare-protocol';

const show = (v: Scalar | undefined) => (v === null || v === undefined || v === '' ? <span className="muted">empty</span> : String(v));

function OneSide({ user, side }: { user: DiffUser; side: 'added' | 'removed' }) {
  return (
    <>
      <p className="muted">
        {side === 'added' ? 'Only in run B (a joiner, or a user the join now finds).' : 'Only in run A (a leaver, or a user the join no longer finds).'} Key <code>{user.key}</code> ·{' '}
        {user.enabled ? 'enabled' : 'not enabled'} · {user.coverage.join(', ')}
      </p>
      <table className="kv" data-testid="user-diff-attributes">
        <tbody>
          {Object.keys(user.attributes)
            .sort()
            .map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{show(user.attributes[name])}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

/** One user's diff: every changed attribute, identity link, enablement and coverage, old and new. */
export function UserDiff({ detail }: { detail: UserDetail }) {
  if (detail.kind !== 'changed') {
    const u = detail.user;
    return (
      <aside className="user-diff" data-testid="user-diff" aria-label="User diff">
        <h3>{String(u.attributes.display_name ?? u.key)}</h3>
        <OneSide user={u} side={detail.kind} />
      </aside>
    );
  }
  const c = detail.change;
  const rows: { field: string; old: Scalar; new: Scalar }[] = [
    ...(c.key.old !== c.key.new ? [{ field: 'join_key', old: c.key.old, new: c.key.new }] : []),
    ...c.attributes.map((a) => ({ field: a.attribute, old: a.old, new: a.new })),
    ...c.links.map((l) => ({ field: `link: ${l.source} (${l.change})`, old: l.old, new: l.new })),
    ...(c.enabled ? [{ field: 'enabled', old: `${c.enabled.old ? 'yes' : 'no'} (${c.enabled.oldReason})`, new: `${c.enabled.new ? 'yes' : 'no'} (${c.enabled.newReason})` }] : []),
    ...(c.coverage ? [{ field: 'coverage', old: c.old.coverage.join(', '), new: c.new.coverage.join(', ') }] : []),
  ];
  return (
    <aside className="user-diff" data-testid="user-diff" aria-label="User diff">
      <h3>{String(c.new.attributes.display_name ?? c.key.new)}</h3>
      <p className="muted">
        Matched by {c.matchedBy === 'user-id' ? 'user id' : 'the primary source’s external id'} · key <code>{c.key.new}</code>
      </p>
      <table className="kv user-diff-table" data-testid="user-diff-fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Run A</th>
            <th scope="col">Run B</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} data-field={r.field}>
              <th scope="row">{r.field}</th>
              <td className="old">{show(r.old)}</td>
              <td className="new">{show(r.new)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}
