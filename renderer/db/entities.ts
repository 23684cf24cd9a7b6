/**
 * What the renderer stores in IndexedDB. A run is a header row in `runs` plus its row tables (`roster`,
 * `conflicts`, `filterHits`), keyed by `[runId+seq]` so a page of any table is one index range, however
 * large the run, and its records in blocks with their index (`recordBlocks`, `recordIndex`).
 */
import type { Conflict, ConflictKind, RecordOutcome, RecordState, RosterUser } from '../../core/types';
import type { ProjectInput } from '../../core/project/schema';
import type { SnapshotColumns } from '../../core/history/types';
import type { RunHeader } from '../../core/run/stream';
import type { SourceFileInfo } from '../backend/backend';
import type { RecordSummary } from './record-index';

/** A project as the UI edits it. */
export interface ProjectEntity {
  id: string;
  name: string;
  project: ProjectInput;
  files: SourceFileInfo[];
  location: string;
  /** Epoch ms of the last time the user opened it: the app reopens the newest one. */
  openedAt: number;
  savedAt: number;
}

/** A run is written while `writing` and only shown once `complete` (issue 3). */
export type RunStatus = 'writing' | 'complete';

export interface RunEntity {
  id: string;
  projectId: string;
  status: RunStatus;
  startedAt: number;
  completedAt: number | null;
  /** Set on completion: the run without its row tables. */
  header: RunHeader | null;
  /** Set on completion (schema version 2): the header's export date, indexed with the project. */
  asOf?: string;
  /** Rows written so far, per table; checked against the header on completion. */
  counts: { roster: number; records: number; conflicts: number };
}

/** One roster user of one run, with lower-cased copies of the searchable fields. */
export interface RosterRow {
  runId: string;
  /** Position in the run, 0-based: pages are `[runId+seq]` ranges. */
  seq: number;
  userId: string;
  key: string;
  email: string;
  name: string;
  /** `runId \u0000 lower(id)` of every external id, for a multi-entry index scoped to the run. */
  extIds: string[];
  user: RosterUser;
}

/** A record as the screens read it: its outcome with its position. Stored in blocks (RecordBlockRow). */
export interface RecordRow {
  runId: string;
  seq: number;
  source: string;
  state: RecordState;
  /** The roster user it made or joined; absent when none (absent values stay out of the index). */
  userId?: string;
  outcome: RecordOutcome;
}

/** Which rows of a run a block holds; `terms` and `columns` only name summaries of the roster's chunks. */
export type BlockKind = 'roster' | 'records' | 'terms' | 'columns';

/** Rows `start` to `end - 1` of one kind of a run (schema version 3; record-index.ts says why blocks). */
export interface BlockRow<T = unknown> {
  runId: string;
  kind: BlockKind;
  start: number;
  end: number;
  rows: T[];
}

/** What one appended chunk of records adds to the run's record lookups. */
export interface RecordSummaryRow extends RecordSummary {
  runId: string;
  kind: 'records';
}

/** What one appended chunk of users adds to the run's lookup by user id; `userIds` also serve history,
 * which reads a run's ids without loading its users. */
export interface RosterSummaryRow {
  runId: string;
  kind: 'roster';
  start: number;
  hashes: Float64Array;
  userIds: string[];
}

/** Searchable terms of one appended chunk of users (`terms[i]` is of the user at `seqs[i]`); removed once
 * the run's term index is built. */
export interface TermSummaryRow {
  runId: string;
  kind: 'terms';
  start: number;
  terms: string[];
  seqs: Int32Array;
}

/** The users of one appended chunk as snapshot columns (core/history): what comparing two runs reads,
 * about a third of the users' stored size (no lineage, no identity files, rows or keys; 686 against
 * 1,926 bytes a user of generated data, structured-clone size). Runs stored before these existed have
 * none, and are compared from their users. */
export interface ColumnsSummaryRow {
  runId: string;
  kind: 'columns';
  start: number;
  count: number;
  columns: SnapshotColumns;
}

export type SummaryRow = RecordSummaryRow | RosterSummaryRow | TermSummaryRow | ColumnsSummaryRow;

/**
 * One row of a complete run's lookups, named `<kind>:<what>`: `records:group:<source>\u0000<state>`
 * (positions of that group), `<kind>:user:<b>` (hash bucket b: hashes and positions), `<kind>:users`
 * (`buckets`: how many), `roster:terms:<p>` (term page p) and `roster:terms` (`firsts` of the pages).
 */
export interface RunIndexRow {
  runId: string;
  name: string;
  seqs?: Int32Array;
  hashes?: Float64Array;
  buckets?: number;
  terms?: string[];
  firsts?: string[];
}

export interface ConflictRow {
  runId: string;
  seq: number;
  kind: ConflictKind;
  source: string;
  conflict: Conflict;
}

/** One filter rule hitting one record (a record hit by two rules gives two rows). */
export interface FilterHitRow {
  runId: string;
  /** The record's seq in `records`. */
  seq: number;
  rule: string;
  source: string;
  file: string;
  row: number;
}

/** An export file the user gave the browser edition, kept as bytes so a reload can re-run. */
export interface FileEntity {
  projectId: string;
  name: string;
  size: number;
  modified?: string;
  bytes: Uint8Array;
}

/** The separator of `RosterRow.extIds` entries: cannot occur in a run id. */
export const EXT_ID_SEPARATOR = '\u0000';
