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
import type { Conflict, RecordRef } from '../types';
import type { JoinConfig } from '../project/schema';
import { joinStores } from './compact';
import { normalizeKey } from './keys';
import { DecisionWriter } from './outcomes';
import type { SourceStore } from './store';
import { packStrings, packedAt } from './packed';
import { userIdOf } from './user-id';
import type { JoinedUser, PreparedRecord, RecordDecision } from './types';

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

export const refOf = (r: PreparedRecord): RecordRef => ({ source: r.source, file: r.file, row: r.row, externalId: r.externalId });

/** One source's prepared records as a store (compact.ts works on stores). */
function storeOf(source: string, records: PreparedRecord[], join: JoinConfig): SourceStore {
  const files: string[] = [];
  const fileEnds: number[] = [];
  const ruleSets: string[][] = [[]];
  const ruleSet = new Uint32Array(records.length);
  records.forEach((r, i) => {
    if (files[files.length - 1] !== r.file || files.length === 0) {
      files.push(r.file);
      fileEnds.push(i + 1);
    } else fileEnds[fileEnds.length - 1] = i + 1;
    if (r.filterRules.length > 0) ruleSet[i] = ruleSets.push(r.filterRules) - 1;
  });
  return {
    source,
    count: records.length,
    files,
    fileEnds,
    rows: Int32Array.from(records, (r) => r.row),
    externalIds: packStrings(records.map((r) => r.externalId)),
    ruleSets,
    ruleSet,
    keys: records.map((r) => normalizeKey(r.attributes[join.key], join.normalize)),
    fallbacks: join.fallbackKeys.map((attribute) => records.map((r) => normalizeKey(r.attributes[attribute], join.normalize))),
    active: Uint8Array.from(records, (r) => (r.attributes.active === true ? 1 : 0)),
    attributes: records.map((r) => r.attributes),
    columns: null,
    raws: null,
  };
}

/** Joins prepared records (indexed 0..n-1 by `index`) into roster users. */
export function joinRecords(records: PreparedRecord[], options: JoinOptions): JoinResult {
  const { join } = options;
  const bySource = new Map<string, PreparedRecord[]>(options.sources.map((s) => [s, []]));
  for (const r of records) bySource.get(r.source)?.push(r);
  const groups = options.sources.map((s) => bySource.get(s) as PreparedRecord[]);
  const stores = options.sources.map((s, i) => storeOf(s, groups[i], join));
  const joined = joinStores(stores, { primary: options.primary, join, userId: userIdOf });
  const writer = new DecisionWriter(joined, stores, join, options.primary);

  const decisions: RecordDecision[] = new Array(records.length);
  groups.forEach((list, s) => list.forEach((r, i) => (decisions[r.index] = writer.decision(s, i))));
  const primary = groups[joined.primary] ?? [];
  const users: JoinedUser[] = [];
  for (let u = 0; u < joined.users.count; u++) {
    const user: JoinedUser = { userId: packedAt(joined.users.ids, u) as string, key: joined.users.keys[u], primary: primary[joined.users.primary[u]], links: new Map() };
    joined.links.forEach((linked, s) => {
      if (!linked || linked[u] < 0) return;
      const decision = decisions[groups[s][linked[u]].index];
      user.links.set(options.sources[s], { record: groups[s][linked[u]], key: decision.key as string, matchedBy: decision.matchedBy as string });
    });
    users.push(user);
  }
  return { users, decisions, conflicts: joined.conflicts };
}
