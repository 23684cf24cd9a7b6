/** Shapes the join stage works on. */
import type { RecordState, Scalar } from '../types';

/** A record after map, process and filter: what the join needs to know about it. */
export interface PreparedRecord {
  /** Position in the run's record list (source order, then file order, then row). */
  index: number;
  source: string;
  file: string;
  row: number;
  attributes: Record<string, Scalar>;
  externalId: string | null;
  /** Filter rules that hit it; non-empty means the record is filtered out. */
  filterRules: string[];
}

/** The decision the join made for one record. */
export interface RecordDecision {
  state: RecordState;
  key: string | null;
  matchedBy: string | null;
  userId: string | null;
  detail: string;
}

/** A link from a roster user to a record of one source. */
export interface Link {
  record: PreparedRecord;
  key: string;
  matchedBy: string;
}

/** A roster user before enablement: its primary record and its links by source id. */
export interface JoinedUser {
  userId: string;
  key: string;
  primary: PreparedRecord;
  links: Map<string, Link>;
}
