/**
 * The renderer's IndexedDB database (Dexie). Only `repo.ts` uses it; components read through hooks that
 * call the repository.
 *
 * Schema versions: never edit or delete a shipped `version(n)`; add `version(n + 1)` with only the tables
 * that change and an `.upgrade(tx => ...)` that migrates the rows (dexie.org "Version" docs). Dexie runs
 * every pending upgrade in order, so a database at version 1 reaches the newest version in one open.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { BlockKind, BlockRow, ConflictRow, FileEntity, FilterHitRow, ProjectEntity, RecordRow, RosterRow, RunEntity, RunIndexRow, SummaryRow } from './entities';
import { createRecordStore } from './repo-records';
import { createRosterStore } from './repo-roster';

/** Version 1 (shipped). Primary key first; `&` unique, `*` multi-entry, `[a+b]` compound. */
export const SCHEMA_V1 = {
  projects: 'id, openedAt',
  runs: 'id, status, [projectId+startedAt]',
  // The unique [runId+userId] index turns a user id emitted twice in one run into a failed write.
  roster: '[runId+seq], &[runId+userId], [runId+key], [runId+email], [runId+name], *extIds',
  records: '[runId+seq], [runId+source+state], [runId+userId]',
  conflicts: '[runId+seq], [runId+kind]',
  filterHits: '[runId+seq+rule], [runId+rule]',
  files: '[projectId+name], projectId',
} as const;

/**
 * Version 2: runs carry their export date (`asOf`, copied from the header when the run completes) in an
 * index `[projectId+asOf+startedAt]`, so history reads a project's runs in its own order (by export
 * date, then as recorded) from the index instead of sorting every header. Only `runs` changes.
 */
export const SCHEMA_V2 = {
  runs: 'id, status, [projectId+startedAt], [projectId+asOf+startedAt]',
} as const;

/**
 * Version 3: users and records move from a row each (`roster`, `records`) to blocks with lookups built
 * when the run completes (record-index.ts: a row per user and per record made storing a run five times
 * slower). The upgrade copies every complete run into blocks and builds its lookups; version 4 then drops
 * the old tables. (Dexie can only read a table in an upgrade while a version still declares it.)
 */
export const SCHEMA_V3 = {
  blocks: '[runId+kind+start]',
  summaries: '[runId+kind+start]',
  runIndex: '[runId+name]',
} as const;

/** Version 4: the per-row tables of versions 1 to 3 are gone. */
export const SCHEMA_V4 = { roster: null, records: null } as const;

/** Rows copied per step of the version 3 upgrade. */
const UPGRADE_CHUNK = 1000;

/** The database, typed per table. Tables with a compound key are `Table<Row, [runId, seq]>`. */
export class RosterDb extends Dexie {
  projects!: EntityTable<ProjectEntity, 'id'>;
  runs!: EntityTable<RunEntity, 'id'>;
  blocks!: Table<BlockRow, [string, BlockKind, number]>;
  summaries!: Table<SummaryRow, [string, BlockKind, number]>;
  runIndex!: Table<RunIndexRow, [string, string]>;
  conflicts!: Table<ConflictRow, [string, number]>;
  filterHits!: Table<FilterHitRow, [string, number, string]>;
  files!: Table<FileEntity, [string, string]>;

  constructor(name = 'roster-audit') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        // Complete runs get the asOf of their header; a run still being written gets it when it completes
        // (absent until then, so the index leaves it out, as history must).
        tx
          .table<RunEntity, string>('runs')
          .toCollection()
          .modify((run) => {
            if (run.header) run.asOf = run.header.asOf;
          }),
      );
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const tables = { blocks: tx.table('blocks'), summaries: tx.table('summaries'), runIndex: tx.table('runIndex') };
        const users = createRosterStore(tables);
        const records = createRecordStore(tables);
        const oldRoster = tx.table<RosterRow, [string, number]>('roster');
        const oldRecords = tx.table<RecordRow, [string, number]>('records');
        const range = (runId: string, start: number) => [[runId, start], [runId, start + UPGRADE_CHUNK]] as const;
        // Runs still being written are purged at the next start; only complete ones are kept.
        const runs = await tx.table<RunEntity, string>('runs').where('status').equals('complete').toArray();
        for (const run of runs) {
          for (let start = 0; start < run.counts.roster; start += UPGRADE_CHUNK) {
            const rows = await oldRoster.where('[runId+seq]').between(...range(run.id, start), true, false).toArray();
            await users.append(run.id, start, rows.map((row) => row.user));
          }
          for (let start = 0; start < run.counts.records; start += UPGRADE_CHUNK) {
            const rows = await oldRecords.where('[runId+seq]').between(...range(run.id, start), true, false).toArray();
            await records.append(run.id, start, rows.map((row) => row.outcome));
          }
          await users.complete(run.id);
          await records.complete(run.id);
        }
      });
    this.version(4).stores(SCHEMA_V4);
    // The next schema change adds `this.version(5).stores({ <changed tables only> })` right here, with an
    // `.upgrade((tx) => ...)` that rewrites the affected rows; the versions above stay as shipped.
  }
}

/** The app's single database instance. */
export const db = new RosterDb();
