/**
 * A run's roster users: blocks of ROSTER_BLOCK with their lookups (record-index.ts), built when the run
 * completes: by user id (hash buckets) and by the prefix of a searchable term (term-index.ts). Each
 * chunk's summary also keeps its user ids in order, which history reads without loading any user and
 * which find users while the run is still being written, and its users as snapshot columns, which
 * comparing reads instead of the users (ColumnsSummaryRow). Callers open the transactions.
 */
import { diffUsersOf, type DiffUser } from '../../core/diff';
import { columnsOf } from '../../core/history';
import type { RosterUser } from '../../core/types';
import { createBlockStore, type BlockTables } from './block-store';
import type { ColumnsSummaryRow, RosterRow, RosterSummaryRow, TermSummaryRow } from './entities';
import { hashIds } from './hash-buckets';
import { toRosterRows, userMatches } from './row-builders';
import { buildTermIndex, findPrefix, type TermPage } from './term-index';

/** Users per block: a page of the roster table reads one or two blocks. */
export const ROSTER_BLOCK = 250;

/** Chunk columns read per request while a run is rebuilt for comparing (~1,000 users each). */
const COLUMNS_PER_READ = 20;

/** The searchable terms of a row: what the roster's search box matches by prefix. */
function termsOf(row: RosterRow, prefixLength: number): string[] {
  const terms = new Set<string>([row.key, row.email, row.name]);
  for (const ext of row.extIds) terms.add(ext.slice(prefixLength));
  terms.delete('');
  return [...terms];
}

export function createRosterStore(t: BlockTables) {
  const blocks = createBlockStore<RosterUser>(t, 'roster', ROSTER_BLOCK);
  const toRows = (runId: string, found: { seq: number; row: RosterUser }[]): RosterRow[] => found.map(({ seq, row }) => toRosterRows(runId, seq, [row])[0]);
  const summaries = async (runId: string) => (await blocks.summaries(runId)) as RosterSummaryRow[];

  /** Rows of the given users in a complete run (each hash bucket they fall in read once; missing ones
   * left out). */
  async function byUsers(runId: string, userIds: readonly string[]): Promise<RosterRow[]> {
    const wanted = new Set(userIds);
    const seqs = await blocks.candidates(runId, wanted);
    return toRows(runId, await blocks.rowsAt(runId, seqs)).filter((row) => wanted.has(row.userId));
  }

  return {
    /** Stores users `start`.. with their summary (inside the caller's transaction). */
    async append(runId: string, start: number, users: readonly RosterUser[]): Promise<void> {
      if (users.length === 0) return;
      await blocks.append(runId, start, users);
      const rows = toRosterRows(runId, start, [...users]);
      const prefixLength = runId.length + 1;
      const terms: string[] = [];
      const termSeqs: number[] = [];
      for (const row of rows) {
        for (const term of termsOf(row, prefixLength)) {
          terms.push(term);
          termSeqs.push(row.seq);
        }
      }
      await blocks.addSummary({ runId, kind: 'roster', start, userIds: users.map((u) => u.userId), hashes: hashIds(users.map((u) => u.userId)) });
      await blocks.addSummary({ runId, kind: 'terms', start, terms, seqs: Int32Array.from(termSeqs) });
      await blocks.addSummary({ runId, kind: 'columns', start, count: users.length, columns: columnsOf(users) });
    },

    /** Builds the run's user lookups from its summaries (inside the caller's transaction). */
    async complete(runId: string): Promise<void> {
      await blocks.putBuckets(runId, await summaries(runId));
      const index = buildTermIndex((await blocks.summaries(runId, 'terms')) as TermSummaryRow[]);
      await blocks.putIndex(runId, [{ name: 'terms', firsts: index.firsts }, ...index.pages.map((page, p) => ({ name: `terms:${p}`, ...page }))]);
      await blocks.removeSummaries(runId, 'terms');
    },

    remove: (runId: string): Promise<void> => blocks.remove(runId, ['terms', 'columns']),

    /**
     * Users `0` to `to` (exclusive) as comparing needs them, rebuilt from the chunks' snapshot columns a
     * few chunks per read (no user is loaded: see ColumnsSummaryRow); `onChunk` hears how many so far.
     * Null when the run has no columns for some of those users (stored before they were written).
     */
    async diffUsers(runId: string, to: number, onChunk: (done: number) => void = () => undefined): Promise<DiffUser[] | null> {
      const users: DiffUser[] = [];
      while (users.length < to) {
        const rows = (await blocks.summariesFrom(runId, 'columns', users.length, COLUMNS_PER_READ)) as ColumnsSummaryRow[];
        if (rows.length === 0) return null;
        for (const row of rows) {
          if (row.start !== users.length) return null;
          const part = diffUsersOf({ users: row.columns, count: Math.min(row.count, to - row.start) });
          for (const user of part) users.push(user);
          if (users.length >= to) break;
        }
        onChunk(users.length);
      }
      return users;
    },
    count: blocks.count,

    /** Users `start` to `start + limit`, in run order. */
    page: async (runId: string, start: number, limit: number): Promise<RosterRow[]> =>
      (await blocks.range(runId, start, start + limit)).map((user, i) => toRosterRows(runId, start + i, [user])[0]),

    byUsers,
    byUser: async (runId: string, userId: string): Promise<RosterRow | undefined> => (await byUsers(runId, [userId]))[0],

    /** Users from `from` to `to`, in run order, chunk by chunk. */
    each: (runId: string, onChunk: (users: RosterUser[], done: number) => void, from = 0, to = Infinity): Promise<void> => blocks.each(runId, onChunk, from, to),

    /** User ids at positions `from` to `to` (exclusive), in run order, from the summaries alone. */
    async userIds(runId: string, from = 0, to = Infinity): Promise<string[]> {
      const ids: string[] = [];
      for (const s of (await summaries(runId)).sort((a, b) => a.start - b.start)) {
        for (let i = Math.max(0, from - s.start); i < s.userIds.length && s.start + i < to; i++) ids.push(s.userIds[i]);
      }
      return ids;
    },

    /** Positions of the given users, also while the run is being written (from the summaries). */
    async positionsOf(runId: string, userIds: ReadonlySet<string>): Promise<number[]> {
      const seqs: number[] = [];
      for (const s of await summaries(runId)) s.userIds.forEach((id, i) => userIds.has(id) && seqs.push(s.start + i));
      return seqs;
    },

    /** Replaces users at the given positions by `change(user)` (inside the caller's transaction). */
    update: (runId: string, seqs: Iterable<number>, change: (user: RosterUser) => RosterUser): Promise<void> => blocks.update(runId, seqs, change),

    /**
     * Users whose email, display name, key or an external id starts with `q` (lower-cased; the term
     * index). Only when none does: users with any attribute containing it, a scan of the run that stops
     * at `limit` matches or as soon as `isStale` says a newer search replaced this one.
     */
    async search(runId: string, q: string, limit: number, isStale: () => boolean): Promise<RosterRow[]> {
      const directory = await blocks.getIndex(runId, 'terms');
      const page = async (p: number): Promise<TermPage | undefined> => {
        const row = await blocks.getIndex(runId, `terms:${p}`);
        return row?.terms && row.seqs ? { terms: row.terms, seqs: row.seqs } : undefined;
      };
      // A user matches on up to ~4 terms: reading 4x the limit still fills it with distinct users.
      const seqs = await findPrefix(directory?.firsts ?? [], page, q, limit * 4);
      let found = toRows(runId, await blocks.rowsAt(runId, seqs));
      if (found.length === 0 && !isStale()) {
        const scanned: RosterRow[] = [];
        await blocks.each(runId, (users, next) => {
          const start = next - users.length;
          users.forEach((user, i) => {
            if (scanned.length < limit && userMatches(user, q)) scanned.push(toRosterRows(runId, start + i, [user])[0]);
          });
          return scanned.length < limit && !isStale();
        });
        found = scanned;
      }
      // Exact hits first (the user someone quoted), then in run order.
      const ext = `${runId}\u0000${q}`;
      const exact = (row: RosterRow) => (row.key === q || row.email === q || row.name === q || row.extIds.includes(ext) ? 0 : 1);
      return found.sort((a, b) => exact(a) - exact(b) || a.seq - b.seq).slice(0, limit);
    },
  };
}

export type RosterStore = ReturnType<typeof createRosterStore>;
