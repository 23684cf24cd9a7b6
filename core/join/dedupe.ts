/**
 * Duplicate keys inside one source. A deterministic policy picks the winner of each group of records
 * sharing a key; the losers become `duplicate`:
 * - `first`: the first record in file order (files as listed, then rows);
 * - `prefer-active`: the first record whose `active` is true, else the first;
 * - `drop-all`: no winner; every record of the group is a duplicate (the key is unusable).
 */
import type { DuplicatePolicy } from '../types';
import type { PreparedRecord } from './types';

export interface DuplicateGroup {
  key: string;
  records: PreparedRecord[];
  winner: PreparedRecord | null;
  reason: string;
}

function pickWinner(records: PreparedRecord[], policy: DuplicatePolicy): { winner: PreparedRecord | null; reason: string } {
  switch (policy) {
    case 'first':
      return { winner: records[0], reason: 'policy "first": kept the first record in file order' };
    case 'prefer-active': {
      const active = records.find((r) => r.attributes.active === true);
      if (active) return { winner: active, reason: 'policy "prefer-active": kept the first active record' };
      return { winner: records[0], reason: 'policy "prefer-active": none is active, kept the first record in file order' };
    }
    case 'drop-all':
      return { winner: null, reason: 'policy "drop-all": the key is shared, so no record of it is used' };
  }
}

/** Groups keyed records of one source by key. Returns the unique ones and the duplicate groups. */
export function resolveDuplicates(
  keyed: { record: PreparedRecord; key: string }[],
  policy: DuplicatePolicy,
): { unique: { record: PreparedRecord; key: string }[]; groups: DuplicateGroup[] } {
  const byKey = new Map<string, PreparedRecord[]>();
  for (const { record, key } of keyed) {
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  const unique: { record: PreparedRecord; key: string }[] = [];
  const groups: DuplicateGroup[] = [];
  for (const [key, records] of byKey) {
    if (records.length === 1) {
      unique.push({ record: records[0], key });
      continue;
    }
    const { winner, reason } = pickWinner(records, policy);
    groups.push({ key, records, winner, reason });
    if (winner) unique.push({ record: winner, key });
  }
  unique.sort((a, b) => a.record.index - b.record.index);
  return { unique, groups };
}
