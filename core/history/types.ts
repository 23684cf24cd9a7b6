/**
 * Shapes of the run history (issue 5): the compact per-run snapshot the history keeps, the deletion
 * timeline computed from the ordered snapshots, and the mass-deletion safeguard.
 */
import type { Issue } from '../issues';
import type { Project } from '../project/schema';
import type { InputFingerprint, RunStats, Scalar } from '../types';

/** Format tag of a snapshot file's first line. */
export const SNAPSHOT_FORMAT = 'roster-audit/run-snapshot';

/**
 * The roster of one run, column by column: row `i` of every column is user `i`. Plain arrays of
 * primitives instead of one object per user keep a million-user run small in memory and on disk.
 */
export interface SnapshotColumns {
  ids: string[];
  keys: string[];
  /** 1 enabled, 0 not. */
  enabled: number[];
  /** Distinct enablement reasons; `reason[i]` indexes into it. */
  reasons: string[];
  reason: number[];
  /** Coverage as a bit mask over SYSTEM_KINDS (bit 0 = hris...). */
  coverage: number[];
  /** Merged attribute values by attribute name. */
  attributes: Record<string, Scalar[]>;
  /** External id of each user in each source (the primary source included), by source id. */
  identities: Record<string, (string | null)[]>;
}

/** Everything the history keeps of one run: the run header without records and conflicts, plus the
 * roster as columns. `run --out` writes the same thing as `run.ndjson`; `diff` reads either. */
export interface RunSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  /** `<asOf>-<12 hex>`: the same config over the same inputs gives the same id (a re-run replaces). */
  id: string;
  projectName: string;
  asOf: string;
  /** SHA-256 hex of the canonical JSON of `config` without asOf and file names (snapshot.ts). */
  configHash: string;
  config: Project;
  inputs: InputFingerprint[];
  stats: RunStats;
  warnings: Issue[];
  /** Roster users present in the run (pending and deleted rows are derived, never stored). */
  count: number;
  users: SnapshotColumns;
}

/** A snapshot header: a snapshot whose columns may not have been read (only `ids`, or none). */
export type SnapshotHeader = Omit<RunSnapshot, 'users'> & { users: Partial<SnapshotColumns> };

/** A roster user missing from a run: pending deletion, or deleted by that run. */
export interface DeletionRef {
  userId: string;
  missingSince: string;
  deleteAfter: string;
  /** Days from the run's asOf to deleteAfter; 0 or less once deleted. */
  daysLeft: number;
  /** The asOf of the last run the user was present in. */
  lastSeen: string;
  /** Id and row of the last snapshot the user was present in (its last known values). */
  lastSeenRun: string;
  lastSeenRow: number;
}

/** A user back in a run after being missing. */
export interface ReturnRef {
  userId: string;
  missingSince: string;
  /** The asOf of the last run the user was present in before the gap. */
  lastSeen: string;
  /** true: back after deletion, so a new user for the platform (lifecycle `active`). */
  afterDeletion: boolean;
}

export interface DeletionCounts {
  /** Users pending deletion in this run (the new candidates included). */
  pending: number;
  /** Users present in the previous run and missing from this one. */
  newCandidates: number;
  deleted: number;
  restored: number;
  /** Users back after their deletion (counted as new users). */
  readded: number;
}

/** Deletion states of one run, computed from the runs ordered before it. */
export interface RunDeletions {
  runId: string;
  asOf: string;
  windowDays: number;
  previousRun: { id: string; asOf: string; users: number } | null;
  counts: DeletionCounts;
  /** Filled only for the run the timeline was asked about (`target`). */
  pending: DeletionRef[];
  deleted: DeletionRef[];
  returned: ReturnRef[];
}

/** A likely cause of a mass deletion, found by comparing the run with the previous one. */
export type SafeguardCause =
  | { kind: 'truncated-export'; source: string; file?: string; message: string }
  | { kind: 'smaller-export'; source: string; previousRecords: number; records: number; previousBytes: number; bytes: number }
  | { kind: 'more-filtered'; source: string; previous: number; current: number }
  | { kind: 'filters-changed'; source: string }
  | { kind: 'join-changed'; previous: string; current: string }
  | { kind: 'key-mapping-changed'; source: string; attribute: string; previous: string | null; current: string | null };

/** The mass-deletion safeguard's verdict on one run. */
export interface Safeguard {
  tripped: boolean;
  newCandidates: number;
  previousUsers: number;
  /** newCandidates / previousUsers (0 without a previous run). */
  share: number;
  thresholds: { count: number; share: number };
  /** Which thresholds the run exceeded. */
  exceeded: ('count' | 'share')[];
  causes: SafeguardCause[];
  /** One paragraph for people: the numbers and the likely causes. */
  message: string;
}

/** What report.json and the app show of a run's deletion tracking. */
export interface DeletionSummary {
  windowDays: number;
  previousRun: { id: string; asOf: string; users: number } | null;
  counts: DeletionCounts;
  safeguard: Safeguard;
  /** The history entry the run was recorded as. */
  runId: string;
  /** Runs in the history after recording this one. */
  historyRuns: number;
}
