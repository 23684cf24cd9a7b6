/**
 * The join over compact stores (store.ts): the rules of join.ts's header, decided for every record with
 * a few numbers each instead of an object, users kept as columns. `joinRecords` (join.ts) runs on this
 * too, so there is one implementation of the rules.
 *
 * Per record: its state, the user it made, joined or competed for, the key that matched, where its
 * decision's key comes from, and its conflict. Details (one sentence per record) are written from these
 * when a record is shown or exported (outcomes.ts), not stored.
 */
import type { JoinConfig } from '../project/schema';
import { RECORD_STATES, type Conflict, type DuplicatePolicy, type RecordRef, type RecordState } from '../types';
import { pickWinnerAt } from './dedupe';
import { joinDetails as d } from './messages';
import type { SourceStore } from './store';
import { fileIndexOf } from './store';
import { PackedBuilder, packStrings, packedAt, type PackedStrings } from './packed';

/** State codes: positions in RECORD_STATES. */
export const STATE_CODE = Object.fromEntries(RECORD_STATES.map((s, i) => [s, i])) as Record<RecordState, number>;
const PRIMARY = STATE_CODE.primary;
const JOINED = STATE_CODE.joined;
const FILTERED = STATE_CODE.filtered;
const DUPLICATE = STATE_CODE.duplicate;
const MISSING = STATE_CODE['missing-key'];
const ORPHAN = STATE_CODE.orphan;
const AMBIGUOUS = STATE_CODE.ambiguous;
/** No state yet (never left on a record of a joined source). */
const UNDECIDED = 255;

/** The decisions on one store's records. */
export interface StoreDecisions {
  /** Index into RECORD_STATES. */
  state: Uint8Array;
  /** The user made, joined or competed for; -1 for none. */
  user: Int32Array;
  /** 0: none; 1: the joining key; 2 + f: fallback key f. */
  matchedBy: Uint8Array;
  /** The decision's key: 0 the record's own key, 1 + f its fallback value f. */
  keyFrom: Uint8Array;
  /** The conflict the record belongs to (missing key, duplicate group, orphan, ambiguous link); -1 for none. */
  conflict: Int32Array;
}

/** What the join produced. */
export interface CompactJoin {
  /** Roster users in order: key, id, and the primary record (index in the primary store). */
  users: { keys: string[]; ids: PackedStrings; primary: Int32Array; count: number };
  /** Per store, in the stores' order. */
  decisions: StoreDecisions[];
  /** Per store: each user's linked record (index in that store), -1 for none; null for the primary. */
  links: (Int32Array | null)[];
  conflicts: Conflict[];
  /** Position of the primary store. */
  primary: number;
}

export interface CompactJoinOptions {
  primary: string;
  join: JoinConfig;
  /** SHA-256 hex of a normalized key (user-id.ts, or the host's native hash). */
  userId: (key: string) => string;
}

/** A record of a store as conflicts name it. */
export function refAt(store: SourceStore, i: number, fileHint?: number): RecordRef {
  return { source: store.source, file: store.files[fileIndexOf(store, i, fileHint ?? 0)] ?? '', row: store.rows[i], externalId: packedAt(store.externalIds, i) };
}

function decisionsFor(count: number): StoreDecisions {
  return {
    state: new Uint8Array(count).fill(UNDECIDED),
    user: new Int32Array(count).fill(-1),
    matchedBy: new Uint8Array(count),
    keyFrom: new Uint8Array(count),
    conflict: new Int32Array(count).fill(-1),
  };
}

/** Joins the stores (one per source, in project order). */
export function joinStores(stores: readonly SourceStore[], options: CompactJoinOptions): CompactJoin {
  const { join } = options;
  const policy = join.duplicatePolicy as DuplicatePolicy;
  const conflicts: Conflict[] = [];
  const decisions = stores.map((s) => decisionsFor(s.count));
  const primaryAt = stores.findIndex((s) => s.source === options.primary);

  /** Filters, keys and duplicates of one store: returns the indices left to use, in order, and the keys
   * of the kept records mapped to their index (the primary's becomes the user lookup). */
  const screen = (s: number, isPrimary: boolean) => {
    const store = stores[s];
    const dec = decisions[s];
    const byKey = new Map<string, number | number[]>();
    const groups: { first: number; key: string; members: number[] }[] = [];
    const fallbackOnly: number[] = [];
    const missingKeys = isPrimary ? [join.key] : [join.key, ...join.fallbackKeys];
    let fileHint = 0;
    for (let i = 0; i < store.count; i++) {
      if (store.ruleSet[i] !== 0) {
        dec.state[i] = FILTERED;
        continue;
      }
      const key = store.keys[i];
      if (key !== null) {
        const seen = byKey.get(key);
        if (seen === undefined) byKey.set(key, i);
        else if (typeof seen === 'number') {
          const members = [seen, i];
          byKey.set(key, members);
          groups.push({ first: seen, key, members });
        } else seen.push(i);
      } else if (!isPrimary && store.fallbacks.some((f) => f[i] !== null)) fallbackOnly.push(i);
      else {
        fileHint = fileIndexOf(store, i, fileHint);
        dec.state[i] = MISSING;
        dec.conflict[i] = conflicts.push({ kind: 'missing-key', source: store.source, record: refAt(store, i, fileHint), keys: [...missingKeys] }) - 1;
      }
    }
    groups.sort((a, b) => a.first - b.first);
    for (const g of groups) {
      const { at, reason } = pickWinnerAt(g.members.length, (p) => store.active[g.members[p]] === 1, policy);
      const winner = at < 0 ? -1 : g.members[at];
      const index = conflicts.length;
      const losers: RecordRef[] = [];
      for (const m of g.members) {
        if (m === winner) continue;
        dec.state[m] = DUPLICATE;
        dec.conflict[m] = index;
        losers.push(refAt(store, m));
      }
      conflicts.push({ kind: 'duplicate-key', source: store.source, key: g.key, policy: join.duplicatePolicy, winner: winner < 0 ? null : refAt(store, winner), losers, reason });
      if (winner < 0) byKey.delete(g.key);
      else byKey.set(g.key, winner);
    }
    return { byKey, fallbackOnly };
  };

  // Users: the primary's kept records, in order.
  const users = { keys: [] as string[], ids: packStrings([]), primary: new Int32Array(0), count: 0 };
  const idOf = (u: number) => packedAt(users.ids, u) as string;
  const primaryStore = stores[primaryAt];
  const usersByKey = new Map<string, number>();
  if (primaryStore) {
    const { byKey } = screen(primaryAt, true);
    const dec = decisions[primaryAt];
    const order: number[] = [];
    for (let i = 0; i < primaryStore.count; i++) if (dec.state[i] === UNDECIDED) order.push(i);
    users.primary = Int32Array.from(order);
    users.count = order.length;
    const ids = new PackedBuilder();
    for (let u = 0; u < order.length; u++) {
      const i = order[u];
      const key = primaryStore.keys[i] as string;
      users.keys.push(key);
      ids.push(options.userId(key));
      dec.state[i] = PRIMARY;
      dec.user[i] = u;
      dec.matchedBy[i] = 1;
      usersByKey.set(key, u);
    }
    users.ids = ids.finish();
    byKey.clear();
  }
  const fallbackIndexes = join.fallbackKeys.map((_, f) => {
    const index = new Map<string, number[]>();
    if (!primaryStore) return index;
    for (let u = 0; u < users.count; u++) {
      const value = primaryStore.fallbacks[f][users.primary[u]];
      if (value === null) continue;
      const list = index.get(value);
      if (list) list.push(u);
      else index.set(value, [u]);
    }
    return index;
  });

  const links = stores.map((_, s) => (s === primaryAt ? null : new Int32Array(users.count).fill(-1)));
  for (let s = 0; s < stores.length; s++) {
    if (s === primaryAt) continue;
    const store = stores[s];
    const dec = decisions[s];
    const { fallbackOnly } = screen(s, false);
    // Candidates: most users get one, so the first is kept in arrays and only competitors in a map.
    const first = new Int32Array(users.count).fill(-1);
    const firstRank = new Uint8Array(users.count);
    const more = new Map<number, { i: number; rank: number }[]>();
    const add = (u: number, i: number, rank: number) => {
      if (first[u] === -1) {
        first[u] = i;
        firstRank[u] = rank;
        return;
      }
      const list = more.get(u);
      if (list) list.push({ i, rank });
      else more.set(u, [{ i: first[u], rank: firstRank[u] }, { i, rank }]);
    };
    let next = 0;
    for (let i = 0; i < store.count; i++) {
      let pendingKey: string | null;
      if (dec.state[i] === UNDECIDED && store.keys[i] !== null) pendingKey = store.keys[i];
      else if (next < fallbackOnly.length && fallbackOnly[next] === i) {
        next++;
        pendingKey = null;
      } else continue;
      const direct = pendingKey !== null ? usersByKey.get(pendingKey) : undefined;
      if (direct !== undefined) {
        // The same text as the user's key: share it (a million joined records, a million strings less).
        store.keys[i] = users.keys[direct];
        add(direct, i, 0);
        continue;
      }
      let settled = false;
      for (let f = 0; f < join.fallbackKeys.length && !settled; f++) {
        const value = store.fallbacks[f][i];
        const matches = value === null ? undefined : fallbackIndexes[f].get(value);
        if (!matches || value === null) continue;
        settled = true;
        if (matches.length === 1) add(matches[0], i, f + 1);
        else {
          const attribute = join.fallbackKeys[f];
          const reason = d.ambiguousUsers(attribute, value, matches.length);
          dec.state[i] = AMBIGUOUS;
          dec.matchedBy[i] = f + 2;
          dec.user[i] = matches[0];
          dec.conflict[i] =
            conflicts.push({ kind: 'ambiguous-link', source: store.source, userIds: matches.map(idOf), records: [refAt(store, i)], linked: null, reason }) - 1;
        }
      }
      if (!settled) {
        const keys: Record<string, string> = {};
        const own = store.keys[i];
        if (own !== null) keys[join.key] = own;
        join.fallbackKeys.forEach((attribute, f) => {
          const value = attribute === join.key ? own : store.fallbacks[f][i];
          if (value !== null) keys[attribute] = value;
        });
        dec.state[i] = ORPHAN;
        dec.conflict[i] = conflicts.push({ kind: 'orphan', source: store.source, record: refAt(store, i), key: own, keys }) - 1;
      }
    }
    const linked = links[s] as Int32Array;
    const decide = (u: number, i: number, rank: number, state: number) => {
      dec.state[i] = state;
      dec.user[i] = u;
      dec.matchedBy[i] = rank + 1;
      dec.keyFrom[i] = rank;
    };
    for (let u = 0; u < users.count; u++) {
      if (first[u] === -1 || more.has(u)) continue;
      decide(u, first[u], firstRank[u], JOINED);
      linked[u] = first[u];
    }
    // Competitors, settled in the order their first candidate came (the conflicts' order).
    const contested = [...more.keys()].sort((a, b) => first[a] - first[b]);
    for (const u of contested) {
      const list = (more.get(u) as { i: number; rank: number }[]).sort((a, b) => a.rank - b.rank || a.i - b.i);
      const best = list[0];
      const winner = list[1].rank > best.rank ? best : null;
      if (winner) {
        decide(u, winner.i, winner.rank, JOINED);
        linked[u] = winner.i;
      }
      const matchedBy = (rank: number) => (rank === 0 ? join.key : join.fallbackKeys[rank - 1]);
      const reason = winner ? d.ambiguousKept(list.length, matchedBy(winner.rank)) : d.ambiguousTie(list.length, matchedBy(best.rank));
      const index = conflicts.length;
      for (const c of list) {
        if (c === winner) continue;
        decide(u, c.i, c.rank, AMBIGUOUS);
        dec.conflict[c.i] = index;
      }
      conflicts.push({
        kind: 'ambiguous-link',
        source: store.source,
        userIds: [idOf(u)],
        records: list.map((c) => refAt(store, c.i)),
        linked: winner ? refAt(store, winner.i) : null,
        reason,
      });
    }
  }
  return { users, decisions, links, conflicts, primary: primaryAt };
}
