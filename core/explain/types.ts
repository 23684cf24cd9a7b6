/** The trace of one person through a run: what `explain` returns to the CLI and the app. */
import type { ExternalIdentity, Lineage, RawRecord, RecordState, Scalar, SystemKind } from '../types';

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

export interface TraceUser {
  userId: string;
  key: string;
  attributes: Record<string, Scalar>;
  lineage: Record<string, Lineage>;
  identities: Record<string, ExternalIdentity>;
  enabled: boolean;
  enabledReason: string;
  coverage: SystemKind[];
}

export interface Trace {
  query: string;
  asOf: string;
  records: TraceRecord[];
  users: TraceUser[];
  /** The diagnosis in plain words, most important first. */
  diagnosis: string[];
}
