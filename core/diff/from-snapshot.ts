/**
 * The users of a run snapshot as `diffRuns` needs them (issue 6), for comparing two large runs read from
 * their files. `snapshotUsers` rebuilds full roster users, and at a million users per side that held
 * 1.4 GB each: an attributes object filled name by name becomes a hash table in V8 (~800 bytes a user).
 * Here every user's attributes are a copy of one template made by JSON.parse, so all users share one
 * compact shape (~190 bytes), identities keep only their id, and equal coverage lists are one array.
 * Null attributes are kept as null (comparison treats a missing attribute and null alike: compare.ts).
 */
import { coverageKinds } from '../history/snapshot';
import type { RunSnapshot } from '../history/types';
import type { Scalar, SystemKind } from '../types';
import type { DiffUser } from './types';

export function diffUsersOf(snapshot: Pick<RunSnapshot, 'users' | 'count'>): DiffUser[] {
  const c = snapshot.users;
  const attributes = Object.entries(c.attributes);
  const identities = Object.entries(c.identities);
  const template = JSON.parse(JSON.stringify(Object.fromEntries(attributes.map(([name]) => [name, null])))) as Record<string, Scalar>;
  const coverages = new Map<number, SystemKind[]>();
  const users = new Array<DiffUser>(snapshot.count);
  for (let i = 0; i < snapshot.count; i++) {
    const attrs: Record<string, Scalar> = { ...template };
    for (const [name, values] of attributes) attrs[name] = values[i] ?? null;
    const links: Record<string, { id: string | null }> = {};
    for (const [source, values] of identities) {
      const id = values[i];
      if (id !== null && id !== undefined) links[source] = { id: id === '' ? null : id };
    }
    const mask = c.coverage[i];
    let coverage = coverages.get(mask);
    if (coverage === undefined) coverages.set(mask, (coverage = coverageKinds(mask)));
    users[i] = { userId: c.ids[i], key: c.keys[i], attributes: attrs, identities: links, enabled: c.enabled[i] === 1, enabledReason: c.reasons[c.reason[i]] ?? '', coverage, lifecycle: 'active' };
  }
  return users;
}
