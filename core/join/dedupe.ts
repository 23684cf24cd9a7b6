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

/** The policy's pick among records in file order (`isActive`: whether the record's `active` is true): the
 * winner's position in the group, or -1 for none, and the reason in words. */
export function pickWinnerAt(size: number, isActive: (position: number) => boolean, policy: DuplicatePolicy): { at: number; reason: string } {
  switch (policy) {
    case 'first':
      return { at: 0, reason: 'policy "first": kept the first record in file order' };
    case 'prefer-active': {
      for (let i = 0; i < size; i++) if (isActive(i)) return { at: i, reason: 'policy "prefer-active": kept the first active record' };
      return { at: 0, reason: 'policy "prefer-active": none is active, kept the first record in file order' };
    }
    case 'drop-all':
      return { at: -1, reason: 'policy "drop-all": the key is shared, so no record of it is used' };
  }
}

function pickWinner(records: PreparedRecord[], policy: DuplicatePolicy): { winner: PreparedRecord | null; reason: string } {
  const { at, reason } = pickWinnerAt(records.length, (i) => records[i].attributes.active === true, policy);
  return { winner: at < 0 ? null : records[at], reason };
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
