/**
 * Compares one matched pair of users attribute by attribute (issue 5). A missing attribute and a null
 * value are the same (the pipeline turns empty values into null); every list is sorted by name, so
 * comparing (old, new) and (new, old) gives mirrored results.
 */
import type { Scalar, SystemKind } from '../types';
import type { AttributeChange, DiffUser, LinkChange, MatchedBy, UserChange } from './types';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Attribute changes between two users, sorted by attribute name. */
export function attributeChanges(old: Record<string, Scalar>, now: Record<string, Scalar>): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const name in old) {
    const a = old[name] ?? null;
    const b = now[name] ?? null;
    if (a !== b) changes.push({ attribute: name, old: a, new: b });
  }
  for (const name in now) {
    if (name in old) continue;
    const b = now[name] ?? null;
    if (b !== null) changes.push({ attribute: name, old: null, new: b });
  }
  return changes.length > 1 ? changes.sort((x, y) => byName(x.attribute, y.attribute)) : changes;
}

/** Identity links gained, lost or pointing at another external id, per source, sorted by source. */
export function linkChanges(old: DiffUser['identities'], now: DiffUser['identities']): LinkChange[] {
  const changes: LinkChange[] = [];
  for (const source in old) {
    const b = now[source];
    if (!b) changes.push({ source, change: 'lost', old: old[source].id, new: null });
    else if ((old[source].id ?? null) !== (b.id ?? null)) changes.push({ source, change: 'changed', old: old[source].id, new: b.id });
  }
  for (const source in now) if (!old[source]) changes.push({ source, change: 'gained', old: null, new: now[source].id });
  return changes.length > 1 ? changes.sort((x, y) => byName(x.source, y.source)) : changes;
}

function coverageChange(old: readonly SystemKind[], now: readonly SystemKind[]): UserChange['coverage'] {
  const gained = now.filter((k) => !old.includes(k)).sort(byName);
  const lost = old.filter((k) => !now.includes(k)).sort(byName);
  return gained.length > 0 || lost.length > 0 ? { gained, lost } : null;
}

/** The differences of a matched pair, or null when there are none. */
export function compareUsers(old: DiffUser, now: DiffUser, matchedBy: MatchedBy): UserChange | null {
  const attributes = attributeChanges(old.attributes, now.attributes);
  const links = linkChanges(old.identities, now.identities);
  const enabled =
    old.enabled !== now.enabled ? { old: old.enabled, new: now.enabled, oldReason: old.enabledReason, newReason: now.enabledReason } : null;
  const coverage = coverageChange(old.coverage, now.coverage);
  const keyChanged = old.key !== now.key || old.userId !== now.userId;
  if (!keyChanged && attributes.length === 0 && links.length === 0 && !enabled && !coverage) return null;
  return {
    matchedBy,
    userId: { old: old.userId, new: now.userId },
    key: { old: old.key, new: now.key },
    attributes,
    links,
    enabled,
    coverage,
    old,
    new: now,
  };
}
