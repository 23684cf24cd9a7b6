/**
 * Join: decides the state of every record and builds the roster users.
 *
 * 1. A record some filter rule hit is `filtered`.
 * 2. The joining key is normalized; a record with no key (and, in a secondary source, no fallback key
 *    either) is `missing-key`.
 * 3. Records of one source sharing a key are resolved by the duplicate policy; losers are `duplicate`.
 * 4. Each remaining primary record makes a roster user (`primary`), id = SHA-256 of its key.
 * 5. Each remaining secondary record links by the key, else by the fallback keys in order (a fallback value
 *    that several users share links no one: `ambiguous`); a record that links no one is an `orphan`.
 * 6. When several records of one source link one user, the one matched by the highest-ranked key joins if it
 *    is the only one at that rank; the others are `ambiguous`. A tie at the best rank links none of them.
 */
import type { Conflict, DuplicatePolicy, RecordRef } from '../types';
import type { JoinConfig } from '../project/schema';
import { resolveDuplicates } from './dedupe';
import { normalizeKey } from './keys';
import { userIdOf } from './user-id';
import type { JoinedUser, PreparedRecord, RecordDecision } from './types';
import { joinDetails as d } from './messages';

export interface JoinOptions {
  primary: string;
  /** Source ids in project order. */
  sources: string[];
  join: JoinConfig;
}

export interface JoinResult {
  users: JoinedUser[];
  /** One decision per record, indexed like the input. */
  decisions: RecordDecision[];
  conflicts: Conflict[];
}

interface Candidate {
  record: PreparedRecord;
  key: string;
  matchedBy: string;
  rank: number;
}

export const refOf = (r: PreparedRecord): RecordRef => ({ source: r.source, file: r.file, row: r.row, externalId: r.externalId });

/** Joins prepared records (indexed 0..n-1 by `index`) into roster users. */
export function joinRecords(records: PreparedRecord[], options: JoinOptions): JoinResult {
  const { join } = options;
  const decisions: RecordDecision[] = new Array(records.length);
  const conflicts: Conflict[] = [];
  const decide = (r: PreparedRecord, decision: RecordDecision) => (decisions[r.index] = decision);
  const keyOf = (r: PreparedRecord, attribute: string) => normalizeKey(r.attributes[attribute], join.normalize);
  const bySource = new Map<string, PreparedRecord[]>(options.sources.map((s) => [s, []]));
  for (const r of records) bySource.get(r.source)?.push(r);

  /** Filters, keys and duplicates of one source; returns the records left to use. */
  const screen = (source: string, isPrimary: boolean) => {
    const keyed: { record: PreparedRecord; key: string }[] = [];
    const fallbackOnly: PreparedRecord[] = [];
    for (const r of bySource.get(source) ?? []) {
      if (r.filterRules.length > 0) {
        decide(r, { state: 'filtered', key: keyOf(r, join.key), matchedBy: null, userId: null, detail: d.filtered(r.filterRules) });
        continue;
      }
      const key = keyOf(r, join.key);
      if (key !== null) keyed.push({ record: r, key });
      else if (!isPrimary && join.fallbackKeys.some((f) => keyOf(r, f) !== null)) fallbackOnly.push(r);
      else {
        const keys = isPrimary ? [join.key] : [join.key, ...join.fallbackKeys];
        decide(r, { state: 'missing-key', key: null, matchedBy: null, userId: null, detail: d.missingKey(keys) });
        conflicts.push({ kind: 'missing-key', source, record: refOf(r), keys });
      }
    }
    const { unique, groups } = resolveDuplicates(keyed, join.duplicatePolicy as DuplicatePolicy);
    for (const g of groups) {
      for (const r of g.records) {
        if (r === g.winner) continue;
        decide(r, { state: 'duplicate', key: g.key, matchedBy: null, userId: null, detail: d.duplicate(g.key, g.records.length, g.reason, g.winner) });
      }
      conflicts.push({
        kind: 'duplicate-key',
        source,
        key: g.key,
        policy: join.duplicatePolicy,
        winner: g.winner ? refOf(g.winner) : null,
        losers: g.records.filter((r) => r !== g.winner).map(refOf),
        reason: g.reason,
      });
    }
    return { unique, fallbackOnly };
  };

  const users: JoinedUser[] = [];
  const usersByKey = new Map<string, JoinedUser>();
  for (const { record, key } of screen(options.primary, true).unique) {
    const user: JoinedUser = { userId: userIdOf(key), key, primary: record, links: new Map() };
    users.push(user);
    usersByKey.set(key, user);
    decide(record, { state: 'primary', key, matchedBy: join.key, userId: user.userId, detail: d.primary(join.key) });
  }
  const fallbackIndexes = join.fallbackKeys.map((attribute) => {
    const index = new Map<string, JoinedUser[]>();
    for (const u of users) {
      const value = keyOf(u.primary, attribute);
      if (value === null) continue;
      const list = index.get(value);
      if (list) list.push(u);
      else index.set(value, [u]);
    }
    return index;
  });

  for (const source of options.sources) {
    if (source === options.primary) continue;
    const { unique, fallbackOnly } = screen(source, false);
    const candidates = new Map<JoinedUser, Candidate[]>();
    const addCandidate = (user: JoinedUser, c: Candidate) => {
      const list = candidates.get(user);
      if (list) list.push(c);
      else candidates.set(user, [c]);
    };
    const pending = [...unique.map((u) => ({ record: u.record, key: u.key as string | null })), ...fallbackOnly.map((r) => ({ record: r, key: null }))];
    pending.sort((a, b) => a.record.index - b.record.index);
    for (const { record, key } of pending) {
      const direct = key !== null ? usersByKey.get(key) : undefined;
      if (direct) {
        addCandidate(direct, { record, key: key as string, matchedBy: join.key, rank: 0 });
        continue;
      }
      let settled = false;
      for (let i = 0; i < join.fallbackKeys.length && !settled; i++) {
        const attribute = join.fallbackKeys[i];
        const value = keyOf(record, attribute);
        const matches = value === null ? undefined : fallbackIndexes[i].get(value);
        if (!matches || value === null) continue;
        settled = true;
        if (matches.length === 1) {
          addCandidate(matches[0], { record, key: value, matchedBy: attribute, rank: i + 1 });
        } else {
          decide(record, { state: 'ambiguous', key, matchedBy: attribute, userId: matches[0].userId, detail: d.ambiguousUsers(attribute, value, matches.length) });
          conflicts.push({
            kind: 'ambiguous-link',
            source,
            userIds: matches.map((u) => u.userId),
            records: [refOf(record)],
            linked: null,
            reason: d.ambiguousUsers(attribute, value, matches.length),
          });
        }
      }
      if (!settled) {
        const keys: Record<string, string> = {};
        for (const attribute of [join.key, ...join.fallbackKeys]) {
          const value = keyOf(record, attribute);
          if (value !== null) keys[attribute] = value;
        }
        decide(record, { state: 'orphan', key, matchedBy: null, userId: null, detail: d.orphan(options.primary, keys) });
        conflicts.push({ kind: 'orphan', source, record: refOf(record), key, keys });
      }
    }
    for (const [user, list] of candidates) settleLinks(user, source, list, decide, conflicts);
  }
  return { users, decisions, conflicts };
}

/** Links the best candidate of one source to a user, or marks the competitors ambiguous. */
function settleLinks(
  user: JoinedUser,
  source: string,
  list: Candidate[],
  decide: (r: PreparedRecord, decision: RecordDecision) => void,
  conflicts: Conflict[],
): void {
  list.sort((a, b) => a.rank - b.rank || a.record.index - b.record.index);
  const best = list[0];
  const winner = list.length === 1 || list[1].rank > best.rank ? best : null;
  if (winner) {
    user.links.set(source, { record: winner.record, key: winner.key, matchedBy: winner.matchedBy });
    decide(winner.record, { state: 'joined', key: winner.key, matchedBy: winner.matchedBy, userId: user.userId, detail: d.joined(winner.matchedBy, winner.key) });
  }
  if (list.length === 1) return;
  const reason = winner ? d.ambiguousKept(list.length, winner.matchedBy) : d.ambiguousTie(list.length, best.matchedBy);
  for (const c of list) {
    if (c === winner) continue;
    decide(c.record, { state: 'ambiguous', key: c.key, matchedBy: c.matchedBy, userId: user.userId, detail: reason });
  }
  conflicts.push({
    kind: 'ambiguous-link',
    source,
    userIds: [user.userId],
    records: list.map((c) => refOf(c.record)),
    linked: winner ? refOf(winner.record) : null,
    reason,
  });
}
