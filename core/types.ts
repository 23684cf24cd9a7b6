/**
 * Shared data shapes of the unification pipeline. Every stage takes and returns plain data
 * (structured-clone safe), so results can cross a worker boundary or be stored in IndexedDB as they are.
 */
import type { Issue } from './issues';

export type { Issue } from './issues';

/** The kinds of system a source can be. Coverage is counted per kind. */
export const SYSTEM_KINDS = ['hris', 'idam', 'itsm', 'chat', 'other'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** A mapped attribute value. Dates are ISO `YYYY-MM-DD` strings. */
export type Scalar = string | number | boolean | null;

/** One raw record as the export holds it: a CSV row (all strings) or a JSON object. */
export type RawRecord = Record<string, unknown>;

/** The file formats the loader understands. */
export type FileFormat = 'csv' | 'json' | 'ndjson';

/** One export file handed to the pipeline: the host (CLI, worker, browser) reads the bytes. */
export interface InputFile {
  /** The source this file belongs to. */
  source: string;
  /** The file's name as the project names it (relative path), used in every message. */
  name: string;
  bytes: Uint8Array;
  /** Last-modified time as an ISO date-time, when the host knows it. */
  modified?: string;
  /** SHA-256 hex of `bytes`, when the host already computed it with a native hash (much faster than
   * hashing hundreds of megabytes in JavaScript); otherwise the pipeline computes it. */
  sha256?: string;
}

/**
 * An export file the pipeline reads in chunks instead of holding it whole (issue 6: a million users are
 * gigabytes of exports). The CLI reads from disk; an `InputFile` is turned into one of these over its bytes.
 */
export interface ChunkedInput {
  source: string;
  name: string;
  /** Size in bytes. */
  size: number;
  modified?: string;
  /** The file's bytes from its start, in order. May be called again (a fallback reads the file anew).
   * A chunk is only valid until the next one is asked for (a host may reuse its buffer). */
  read(): AsyncIterable<Uint8Array>;
  /** The whole file, when the host holds it anyway (an `InputFile`). */
  bytes?: Uint8Array;
  /** SHA-256 hex of the file, from the host's native hash; otherwise the pipeline hashes `bytes`. */
  sha256?: () => Promise<string>;
}

/** A raw record with its provenance. `row` is 1-based: the first data row of a CSV (after its header)
 * or the first element of a JSON array is row 1. */
export interface LoadedRecord {
  source: string;
  file: string;
  row: number;
  raw: RawRecord;
}

/** The end state of every loaded record in one run: exactly one per record. */
export const RECORD_STATES = ['primary', 'joined', 'filtered', 'duplicate', 'missing-key', 'orphan', 'ambiguous'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** Where a merged attribute value came from. */
export interface Lineage {
  source: string;
  /** The mapping entry that produced it: a raw field path or an expression, or `processor:<name>`. */
  field: string;
}

/** A link from a roster user to one record of one source. */
export interface ExternalIdentity {
  /** The source system's own id for this user (from the source's `externalId`). */
  id: string | null;
  /** The normalized key value that made the link. */
  key: string;
  /** The attribute that matched: the joining key, or one of the fallback keys. */
  matchedBy: string;
  file: string;
  row: number;
}

/** Lifecycle of a roster user across runs (history adds the deletion states). */
export type UserLifecycle = 'active' | 'pending-deletion' | 'deleted' | 'restored';

/** One user of the unified roster. */
export interface RosterUser {
  /** SHA-256 hex of the normalized joining key. */
  userId: string;
  /** The normalized joining key. */
  key: string;
  attributes: Record<string, Scalar>;
  lineage: Record<string, Lineage>;
  /** external_system_identities, by source id (the primary source included). */
  identities: Record<string, ExternalIdentity>;
  enabled: boolean;
  enabledReason: string;
  /** System kinds this user has an identity in. */
  coverage: SystemKind[];
  lifecycle: UserLifecycle;
  /** Deletion tracking (core/history, issue 5): set on `pending-deletion`, `deleted` and `restored` rows. */
  deletion?: DeletionInfo;
}

/** Where a roster user stands in the deletion window (issue 5; rules in core/history/timeline.ts). */
export interface DeletionInfo {
  /** The asOf of the first run the user was missing from. */
  missingSince: string;
  /** missingSince + the project's deletion window: the user is deleted by the first run with asOf >= this. */
  deleteAfter: string;
  /** Days from the run's asOf to deleteAfter (`pending-deletion` only; always 1 or more). */
  daysLeft?: number;
  /** The asOf of the last run the user was present in. */
  lastSeen: string;
}

/** What became of one loaded record. */
export interface RecordOutcome {
  source: string;
  file: string;
  row: number;
  state: RecordState;
  /** The source's external id for the record, when mapped and present. */
  externalId: string | null;
  /** The normalized joining key (null when missing). */
  key: string | null;
  /** The key that linked it (joined/primary), when one did. */
  matchedBy: string | null;
  /** The roster user it made or joined; for `ambiguous` the user it competed for. */
  userId: string | null;
  /** Names of the filter rules it hit (state `filtered`). */
  filterRules: string[];
  /** One line on why the record ended in this state. */
  detail: string;
  /** Mapped and processed attributes. */
  attributes: Record<string, Scalar>;
  /** The raw record, when the run was asked to keep raw records (`keepRaw`). */
  raw?: RawRecord;
}

export const CONFLICT_KINDS = ['duplicate-key', 'missing-key', 'orphan', 'ambiguous-link'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A reference to one record of one source. */
export interface RecordRef {
  source: string;
  file: string;
  row: number;
  externalId: string | null;
}

/** A conflict found while joining. A tagged union: switch on `kind`. */
export type Conflict =
  | {
      kind: 'duplicate-key';
      source: string;
      key: string;
      policy: DuplicatePolicy;
      /** The record the policy kept, or null under `drop-all`. */
      winner: RecordRef | null;
      losers: RecordRef[];
      reason: string;
    }
  | { kind: 'missing-key'; source: string; record: RecordRef; keys: string[] }
  | { kind: 'orphan'; source: string; record: RecordRef; key: string | null; keys: Record<string, string> }
  | {
      kind: 'ambiguous-link';
      source: string;
      /** The roster users concerned. */
      userIds: string[];
      /** The competing records. */
      records: RecordRef[];
      /** The record that got linked, when one could be chosen. */
      linked: RecordRef | null;
      reason: string;
    };

export const DUPLICATE_POLICIES = ['first', 'prefer-active', 'drop-all'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** Progress of a run, one event per stage start/end and periodically inside long stages. */
export interface ProgressEvent {
  stage: PipelineStage;
  source?: string;
  /** Items done in this stage so far. */
  done: number;
  /** Items in this stage, when known. */
  total?: number;
  message?: string;
}

export const PIPELINE_STAGES = ['load', 'map', 'process', 'filter', 'join', 'enable', 'report'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Name, size and SHA-256 of one input file. */
export interface InputFingerprint {
  source: string;
  file: string;
  size: number;
  sha256: string;
  format: FileFormat;
  records: number;
  modified?: string;
}

export interface FilterHitStat {
  source: string;
  rule: string;
  /** Records this rule matched (a record hit by two rules counts for both). */
  hits: number;
  /** Records only this rule removed (no other rule would have). */
  only: number;
}

export type SourceStats = Record<RecordState, number> & { loaded: number };

export interface RunStats {
  perSource: Record<string, SourceStats>;
  users: number;
  enabled: number;
  /** Roster users with an identity in each system kind. */
  coverage: Record<SystemKind, number>;
  filterHits: FilterHitStat[];
  conflicts: Record<ConflictKind, number>;
  /** Share (0..1) of roster users with a non-empty value, per merged attribute. */
  completeness: Record<string, number>;
}

/** Everything one run produced. */
export interface RunResult {
  projectName: string;
  /** The export date the run stands for (YYYY-MM-DD). */
  asOf: string;
  /** The project configuration as it was used (a snapshot). */
  config: import('./project/schema').Project;
  inputs: InputFingerprint[];
  stats: RunStats;
  warnings: Issue[];
  roster: RosterUser[];
  records: RecordOutcome[];
  conflicts: Conflict[];
  /** Deletion tracking against the project's history, when the run was recorded in one (issue 5). */
  deletion?: import('./history/types').DeletionSummary;
}
