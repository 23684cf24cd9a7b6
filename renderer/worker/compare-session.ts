/**
 * One comparison of two stored runs (issue 5), held where it was computed (the compare worker, or the
 * page in tests): loads both runs' present users from IndexedDB (from the chunks' snapshot columns, or
 * page by page from the users of a run stored before those were written), diffs them with core/diff,
 * then answers list pages (search and filters), one user's diff and the CSV.
 */
import { diffCsv, diffOverview, diffRuns, type DiffRun, type DiffUser, type RunDiff, type UserChange } from '../../core/diff';
import type { Scalar } from '../../core/types';
import type { RosterRow } from '../db/entities';
import type { CompleteRun, HistoryRepo } from '../db/repo-history';
import type { CompareOverview, ListFilter, ListItem, ListKind, ListPage, ListQuery, RunSide, UserDetail } from './compare-protocol';

/** Rows per IndexedDB read while loading a run. */
const LOAD_PAGE = 10_000;
const count = new Intl.NumberFormat('en-US');

/** What a comparison needs of a stored roster row: no lineage, no identity files or rows. */
export function toDiffUser({ user }: RosterRow): DiffUser {
  const identities: DiffUser['identities'] = {};
  for (const source in user.identities) identities[source] = { id: user.identities[source].id };
  return { userId: user.userId, key: user.key, attributes: user.attributes, enabled: user.enabled, enabledReason: user.enabledReason, coverage: user.coverage, identities };
}

async function loadRun(repo: HistoryRepo, run: CompleteRun, label: string, progress: (text: string) => void): Promise<DiffRun> {
  const total = run.header.stats.users;
  const loaded = (done: number) => progress(`Loading run ${label}: ${count.format(done)} of ${count.format(total)} users`);
  let roster = await repo.presentDiffUsers(run.id, total, loaded);
  if (roster === null) {
    // A run stored before its chunks' columns were: read its users (about three times the bytes).
    roster = [];
    for (let start = 0; start < total; start += LOAD_PAGE) {
      for (const row of await repo.presentPage(run.id, start, LOAD_PAGE, total)) roster.push(toDiffUser(row));
      loaded(roster.length);
    }
  }
  const { asOf, config, stats, projectName } = run.header;
  return { id: run.id, asOf, config, stats, projectName, roster };
}

const text = (v: Scalar | undefined) => (v === null || v === undefined ? '' : String(v));
const arrow = (a: Scalar, b: Scalar) => `${text(a) || '∅'} → ${text(b) || '∅'}`;

/** What changed, in a few words; `focus` (the attribute a filter picked) comes first, with its values. */
function changeSummary(kind: ListKind, c: UserChange, focus: string | null): string {
  switch (kind) {
    case 'links':
      return c.links.map((l) => `${l.source} ${l.change}${l.change === 'lost' ? ` (${l.old ?? 'no id'})` : ` (${l.new ?? 'no id'})`}`).join(', ');
    case 'enablement':
      return c.enabled ? `${c.enabled.new ? 'now enabled' : 'no longer enabled'}: ${c.enabled.newReason}` : '';
    case 'coverage':
      return c.coverage ? [...c.coverage.gained.map((k) => `+${k}`), ...c.coverage.lost.map((k) => `−${k}`)].join(' ') : '';
    default: {
      const parts: string[] = [];
      if (c.key.old !== c.key.new) parts.push(`join_key ${arrow(c.key.old, c.key.new)}`);
      const focused = c.attributes.findIndex((a) => a.attribute === focus);
      const [first, ...rest] = focused > 0 ? [c.attributes[focused], ...c.attributes.filter((_, i) => i !== focused)] : c.attributes;
      if (first) parts.push(`${first.attribute} ${arrow(first.old, first.new)}`);
      parts.push(...rest.map((a) => a.attribute));
      if (c.links.length > 0) parts.push(c.links.map((l) => `link ${l.source} ${l.change}`).join(', '));
      if (c.enabled) parts.push(c.enabled.new ? 'enabled' : 'disabled');
      if (c.coverage) parts.push('coverage');
      return parts.join(', ');
    }
  }
}

/** A user with only the attributes that have a value (users rebuilt from columns carry every name). */
function withoutEmpty(u: DiffUser): DiffUser {
  return { ...u, attributes: Object.fromEntries(Object.entries(u.attributes).filter(([, v]) => v !== null && v !== undefined)) };
}

function userSummary(u: DiffUser): string {
  return [text(u.attributes.department), u.enabled ? 'enabled' : 'not enabled', u.coverage.join('+')].filter(Boolean).join(' · ');
}

function haystack(u: DiffUser): string {
  const ids = Object.values(u.identities).map((i) => i.id ?? '');
  return [u.key, text(u.attributes.email), text(u.attributes.display_name), u.userId, ...ids].join('\u0001').toLowerCase();
}

function options(counts: Record<string, number>, value: (k: string) => string, label: (k: string) => string): ListFilter[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([k, n]) => ({ value: value(k), label: label(k), count: n }));
}

export class CompareSession {
  /** For each list kind but added/removed: indexes into diff.changed. */
  private readonly views: Record<Exclude<ListKind, 'added' | 'removed'>, number[]>;
  private readonly cache = new Map<string, number[]>();

  private constructor(
    private readonly diff: RunDiff,
    private readonly sides: { a: RunSide; b: RunSide },
  ) {
    const all = diff.changed.map((_, i) => i);
    this.views = {
      changed: all,
      links: all.filter((i) => diff.changed[i].links.length > 0),
      enablement: all.filter((i) => diff.changed[i].enabled !== null),
      coverage: all.filter((i) => diff.changed[i].coverage !== null),
    };
  }

  /** Loads both runs and diffs them; `progress` hears about each loaded page. */
  static async open(repo: HistoryRepo, aId: string, bId: string, progress: (text: string) => void = () => undefined): Promise<CompareSession> {
    const [a, b] = await Promise.all([repo.getCompleteRun(aId), repo.getCompleteRun(bId)]);
    if (!a || !b) throw new Error('One of the runs to compare is no longer stored.');
    const runA = await loadRun(repo, a, 'A', progress);
    const runB = await loadRun(repo, b, 'B', progress);
    progress(`Comparing ${count.format(runA.roster.length)} and ${count.format(runB.roster.length)} users`);
    const side = (run: CompleteRun): RunSide => ({ id: run.id, asOf: run.header.asOf, startedAt: run.startedAt, stats: run.header.stats, joinKey: run.header.config.join.key });
    return new CompareSession(diffRuns(runA, runB), { a: side(a), b: side(b) });
  }

  overview(): CompareOverview {
    const { counts } = this.diff;
    const kinds = (gained: Record<string, number>, lost: Record<string, number>, changed: Record<string, number> = {}) => [
      ...options(gained, (s) => `gained:${s}`, (s) => `${s} gained`),
      ...options(lost, (s) => `lost:${s}`, (s) => `${s} lost`),
      ...options(changed, (s) => `changed:${s}`, (s) => `${s} other id`),
    ];
    return {
      ...this.sides,
      diff: diffOverview(this.diff),
      sizes: {
        added: this.diff.added.length,
        removed: this.diff.removed.length,
        changed: this.views.changed.length,
        links: this.views.links.length,
        enablement: this.views.enablement.length,
        coverage: this.views.coverage.length,
      },
      filters: {
        added: [],
        removed: [],
        changed: [
          ...options(counts.attributes, (k) => `attr:${k}`, (k) => k),
          ...(counts.matchedByPrimaryId > 0 ? [{ value: 'matched:primary-id', label: 'matched by primary id', count: counts.matchedByPrimaryId }] : []),
        ].filter((f) => f.count > 0),
        links: kinds(counts.linksGained, counts.linksLost, counts.linksChanged),
        enablement: [
          ...(counts.enabledGained > 0 ? [{ value: 'gained', label: 'newly enabled', count: counts.enabledGained }] : []),
          ...(counts.enabledLost > 0 ? [{ value: 'lost', label: 'no longer enabled', count: counts.enabledLost }] : []),
        ],
        coverage: kinds(counts.coverageGained, counts.coverageLost),
      },
    };
  }

  private keeps(kind: ListKind, filter: string, i: number): boolean {
    if (!filter || kind === 'added' || kind === 'removed') return true;
    const c = this.diff.changed[i];
    const [what, name] = [filter.slice(0, filter.indexOf(':')), filter.slice(filter.indexOf(':') + 1)];
    switch (kind) {
      case 'changed':
        if (filter === 'matched:primary-id') return c.matchedBy === 'primary-id';
        return name === 'join_key' ? c.key.old !== c.key.new : c.attributes.some((a) => a.attribute === name);
      case 'links':
        return c.links.some((l) => l.change === what && l.source === name);
      case 'enablement':
        return c.enabled !== null && c.enabled.new === (filter === 'gained');
      case 'coverage':
        return (what === 'gained' ? c.coverage?.gained : c.coverage?.lost)?.some((k) => k === name) ?? false;
    }
  }

  private matches(kind: ListKind, i: number, needle: string): boolean {
    if (kind === 'added') return haystack(this.diff.added[i]).includes(needle);
    if (kind === 'removed') return haystack(this.diff.removed[i]).includes(needle);
    const c = this.diff.changed[i];
    return haystack(c.new).includes(needle) || haystack(c.old).includes(needle);
  }

  /** Indexes of a list's users that pass the filter and the search (cached: scrolling asks again). */
  private select(kind: ListKind, filter: string, search: string): number[] {
    const needle = search.trim().toLowerCase();
    const key = `${kind}\u0000${filter}\u0000${needle}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const base = kind === 'added' ? this.diff.added.map((_, i) => i) : kind === 'removed' ? this.diff.removed.map((_, i) => i) : this.views[kind];
    const picked = base.filter((i) => this.keeps(kind, filter, i) && (!needle || this.matches(kind, i, needle)));
    if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, picked);
    return picked;
  }

  list(query: ListQuery): ListPage {
    const picked = this.select(query.kind, query.filter, query.search);
    const focus = query.filter.startsWith('attr:') ? query.filter.slice(5) : null;
    const items = picked.slice(query.offset, query.offset + query.limit).map((i): ListItem => {
      if (query.kind === 'added' || query.kind === 'removed') {
        const u = (query.kind === 'added' ? this.diff.added : this.diff.removed)[i];
        return { index: i, name: text(u.attributes.display_name), email: text(u.attributes.email), key: u.key, summary: userSummary(u), matchedBy: null };
      }
      const c = this.diff.changed[i];
      return { index: i, name: text(c.new.attributes.display_name), email: text(c.new.attributes.email), key: c.key.new, summary: changeSummary(query.kind, c, focus), matchedBy: c.matchedBy };
    });
    return { total: picked.length, offset: query.offset, items };
  }

  detail(kind: ListKind, index: number): UserDetail {
    if (kind === 'added') return { kind, user: withoutEmpty(this.diff.added[index]) };
    if (kind === 'removed') return { kind, user: withoutEmpty(this.diff.removed[index]) };
    return { kind: 'changed', change: this.diff.changed[index] };
  }

  /** diff.csv, as the CLI writes it (formula-safe cells). */
  csv(): string {
    return [...diffCsv(this.diff)].join('');
  }
}
