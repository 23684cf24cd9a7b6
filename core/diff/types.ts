/** Shapes of a comparison of two runs (issue 5). Every list mirrors when the runs are swapped. */
import type { Project } from '../project/schema';
import type { ConflictKind, RecordState, RosterUser, RunStats, Scalar, SystemKind } from '../types';

/** What a comparison needs of a user: a RosterUser fits, and so does a row rebuilt from a snapshot. */
export type DiffUser = Pick<RosterUser, 'userId' | 'key' | 'attributes' | 'enabled' | 'enabledReason' | 'coverage'> & {
  identities: Record<string, { id: string | null }>;
  lifecycle?: RosterUser['lifecycle'];
};

/** What a comparison needs of a run: a RunResult fits, and so does a snapshot with its users rebuilt. */
export interface DiffRun {
  /** A name for messages (a history id, a folder); default the asOf. */
  id?: string;
  projectName?: string;
  asOf: string;
  config: Project;
  stats: RunStats;
  roster: readonly DiffUser[];
}

/** How a pair of users was matched: by user id, or by the primary source's external id when the user id
 * differs (a changed joining key, or a changed key value such as a new email). */
export type MatchedBy = 'user-id' | 'primary-id';

export interface AttributeChange {
  attribute: string;
  old: Scalar;
  new: Scalar;
}

/** An identity link gained, lost or re-pointed (the same source, another external id). */
export interface LinkChange {
  source: string;
  change: 'gained' | 'lost' | 'changed';
  old: string | null;
  new: string | null;
}

/** One user present in both runs with at least one difference. */
export interface UserChange {
  matchedBy: MatchedBy;
  userId: { old: string; new: string };
  key: { old: string; new: string };
  attributes: AttributeChange[];
  links: LinkChange[];
  enabled: { old: boolean; new: boolean; oldReason: string; newReason: string } | null;
  coverage: { gained: SystemKind[]; lost: SystemKind[] } | null;
  old: DiffUser;
  new: DiffUser;
}

/** A number in both runs and its change. */
export interface Delta {
  a: number;
  b: number;
  delta: number;
}

export interface StatsDiff {
  users: Delta;
  enabled: Delta;
  coverage: Record<SystemKind, Delta>;
  conflicts: Record<ConflictKind, Delta>;
  /** Per source (union of both runs): loaded and each record state. */
  perSource: Record<string, Record<RecordState | 'loaded', Delta>>;
  /** Completeness (0..1) per attribute (union of both runs; 0 where absent). */
  completeness: Record<string, Delta>;
}

export interface DiffCounts {
  a: number;
  b: number;
  matched: number;
  matchedByUserId: number;
  matchedByPrimaryId: number;
  added: number;
  removed: number;
  changed: number;
  /** Changed users per attribute (the join key included as `join_key`). */
  attributes: Record<string, number>;
  linksGained: Record<string, number>;
  linksLost: Record<string, number>;
  linksChanged: Record<string, number>;
  /** Users enabled in B and not in A, and the reverse. */
  enabledGained: number;
  enabledLost: number;
  coverageGained: Record<SystemKind, number>;
  coverageLost: Record<SystemKind, number>;
}

/** The comparison of run A (old) with run B (new). */
export interface RunDiff {
  a: { id: string; asOf: string; users: number };
  b: { id: string; asOf: string; users: number };
  matching: {
    /** `user-id` when every pair matched by user id; `user-id+primary-id` when the fallback matched some. */
    method: 'user-id' | 'user-id+primary-id';
    /** The primary source whose external ids matched the rest (null when the runs' primaries differ). */
    primarySource: string | null;
    /** The joining configuration changed between the runs (user ids are then expected to differ). */
    keyChanged: boolean;
    joinKey: { a: string; b: string };
  };
  counts: DiffCounts;
  /** Users only in B, in B's order. */
  added: DiffUser[];
  /** Users only in A, in A's order. */
  removed: DiffUser[];
  /** Matched users with a difference, in A's order. */
  changed: UserChange[];
  stats: StatsDiff;
  /** Top-level configuration keys (and `sources.<id>`) whose value differs. */
  configChanges: string[];
}
