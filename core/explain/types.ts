/** The trace of one person through a run: what `explain` returns to the CLI and the app. */
import type { RawRecord, RecordState, RosterUser, Scalar, SystemKind } from '../types';

export interface TraceRecord {
  source: string;
  system: SystemKind;
  file: string;
  row: number;
  externalId: string | null;
  state: RecordState;
  detail: string;
  key: string | null;
  matchedBy: string | null;
  userId: string | null;
  filterRules: string[];
  /** The mapping of its source: attribute -> column, path or expression. */
  mapping: Record<string, string>;
  attributes: Record<string, Scalar>;
  raw?: RawRecord;
  /** For a record that joined no one: the nearest keys of the primary source. */
  closestKeys?: string[];
  /** Why it matched the query. */
  matchedOn: string;
}

/** A roster user as the trace shows it. */
export type TraceUser = Pick<RosterUser, 'userId' | 'key' | 'attributes' | 'lineage' | 'identities' | 'enabled' | 'enabledReason' | 'coverage'>;

export interface Trace {
  query: string;
  asOf: string;
  records: TraceRecord[];
  users: TraceUser[];
  /** The diagnosis in plain words, most important first. */
  diagnosis: string[];
}
