/** Nearest keys by edit distance, for records that joined no one. */
import { distance } from 'fastest-levenshtein';

/** The `count` keys of `keys` nearest to `key` by edit distance (ties by key order), among those within
 * `maxDistance` edits (default: 30% of the key's length, at least 3), so only plausible typos and variants
 * are offered, never a random neighbour. */
export function closestKeys(key: string, keys: Iterable<string>, count = 3, maxDistance = Math.max(3, Math.floor(key.length * 0.3))): string[] {
  const best: { key: string; d: number }[] = [];
  for (const candidate of keys) {
    if (Math.abs(candidate.length - key.length) > maxDistance || candidate === key) continue;
    const d = distance(key, candidate);
    if (d > maxDistance) continue;
    if (best.length < count || d < best[best.length - 1].d) {
      best.push({ key: candidate, d });
      best.sort((a, b) => a.d - b.d || (a.key < b.key ? -1 : 1));
      if (best.length > count) best.pop();
    }
  }
  return best.map((b) => b.key);
}
