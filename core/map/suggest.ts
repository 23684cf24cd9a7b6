/**
 * "Did you mean ...?": the closest known column for a name that matched none, so a typo or a
 * case difference is fixed from the message alone.
 */
import { distance } from 'fastest-levenshtein';
import { identifierAlias } from '../expr';

/** The best candidate for `name`, or null when nothing is close enough to be a plausible typo. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const exactish = candidates.find((c) => c.toLowerCase() === lower) ?? candidates.find((c) => squash(c) === squash(name));
  if (exactish) return exactish;
  const aliasHit = candidates.find((c) => identifierAlias(c).toLowerCase() === lower);
  if (aliasHit) return identifierAlias(aliasHit);
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `A, B, C` (at most `max`, then `and N more`), for listing columns in a message. */
export function listNames(names: readonly string[], max = 15): string {
  const shown = names.slice(0, max).map((n) => (/^[\w.@$-]+$/.test(n) ? n : JSON.stringify(n)));
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}
