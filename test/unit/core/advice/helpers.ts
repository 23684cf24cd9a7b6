import type { RecordOutcome, RecordState, RosterUser, Scalar } from '../../../../core/types';

let row = 0;
/** A record outcome with just what advice functions read. */
export function rec(source: string, state: RecordState, attributes: Record<string, Scalar>, externalId = `${source}-${++row}`): RecordOutcome {
  return { source, file: `${source}.json`, row: ++row, state, externalId, key: null, matchedBy: null, userId: null, filterRules: [], detail: '', attributes };
}

/** A roster user with just what advice functions read. */
export function user(key: string, attributes: Record<string, Scalar>): RosterUser {
  return { userId: `id-${key}`, key, attributes, lineage: {}, identities: {}, enabled: true, enabledReason: '', coverage: [], lifecycle: 'active' };
}
