import { useEffect, useState } from 'react';
import { useCompareList } from '../../hooks/useCompareList';
import { formatCount } from '../../lib/format';
import type { CompareClient } from '../../worker/compare-client';
import { LIST_KINDS, type CompareOverview, type ListKind, type UserDetail } from '../../worker/compare-protocol';
import { DiffList } from './DiffList';
import { UserDiff } from './UserDiff';

const TAB_LABEL: Record<ListKind, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  links: 'Identity links',
  enablement: 'Enablement',
  coverage: 'Coverage',
};

/** The lists of a comparison as tabs, each with search and a filter, and the diff of the user opened. */
export function ChangeLists({ overview, client }: { overview: CompareOverview; client: CompareClient }) {
  const [kind, setKind] = useState<ListKind>('changed');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [detail, setDetail] = useState<UserDetail | null>(null);
  const list = useCompareList(client, kind, search, filter);
  const filters = overview.filters[kind];

  useEffect(() => {
    setDetail(null);
    if (open === null) return;
    let live = true;
    void client.detail(kind, open).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [client, kind, open]);

  const pick = (next: ListKind) => {
    setKind(next);
    setFilter('');
    setOpen(null);
  };

  return (
    <section className="change-lists" aria-label="Changes">
      <div role="tablist" aria-label="Lists of changes" className="change-tabs">
        {LIST_KINDS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === kind} onClick={() => pick(k)} data-testid={`diff-tab-${k}`}>
            {TAB_LABEL[k]} <span className="tab-count">{formatCount(overview.sizes[k])}</span>
          </button>
        ))}
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">Search the list</span>
          <input type="search" placeholder="Search by email, name, key or external id" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="diff-search" />
        </label>
        {filters.length > 0 && (
          <label className="diff-filter">
            <span className="sr-only">Filter</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="diff-filter">
              <option value="">All {TAB_LABEL[kind].toLowerCase()}</option>
              {filters.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label} ({formatCount(f.count)})
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted" role="status" data-testid="diff-count">
          {list.total === undefined ? 'Loading…' : `${formatCount(list.total)} ${list.total === 1 ? 'user' : 'users'}`}
        </span>
      </div>
      <div className="change-body" role="tabpanel" aria-label={TAB_LABEL[kind]}>
        <DiffList list={list} label={TAB_LABEL[kind]} selected={open} onOpen={setOpen} />
        {detail ? <UserDiff detail={detail} /> : <aside className="user-diff muted">Pick a user to see what changed, field by field.</aside>}
      </div>
    </section>
  );
}
