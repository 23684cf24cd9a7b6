/**
 * Every query and write of the renderer's database. Components and hooks call these functions; nothing
 * else touches `db`.
 *
 * A run is written in three steps so that a half-written run is never visible (issue 3):
 * `beginRun` adds it with status `writing`, `appendRows` adds each streamed chunk, `completeRun` flips it
 * to `complete` in one transaction. `discardRun` removes a failed or cancelled run with all its rows, and
 * `purgeWritingRuns` removes what a closed page left behind. Every read goes through a complete run.
 */
import { Dexie } from 'dexie';
import type { RosterUser } from '../../core/types';
import type { RunHeader, RunRows } from '../../core/run/stream';
import type { SourceFileInfo } from '../backend/backend';
import { db as defaultDb, type RosterDb } from './db';
import type { FileEntity, ProjectEntity, RecordRow, RosterRow, RunEntity } from './entities';
import { historyRowCount } from './repo-history';
import { createRecordStore } from './repo-records';
import { createRosterStore } from './repo-roster';
import { toConflictRows, toFilterHitRows } from './row-builders';

/** Row tables of a run, deleted together with it. */
const runRange = (runId: string): [unknown[], unknown[]] => [[runId, Dexie.minKey], [runId, Dexie.maxKey]];

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The repository over one database (tests pass their own). */
export function createRepo(db: RosterDb) {
  const rowTables = [db.conflicts, db.filterHits];
  const blockTables = [db.blocks, db.summaries, db.runIndex];
  const roster = createRosterStore(db);
  const records = createRecordStore(db);

  async function completeRunOnly(runId: string): Promise<RunEntity | undefined> {
    const run = await db.runs.get(runId);
    return run?.status === 'complete' ? run : undefined;
  }

  async function deleteRunRows(runId: string): Promise<void> {
    await db.transaction('rw', [db.runs, ...rowTables, ...blockTables], async () => {
      const [lower, upper] = runRange(runId);
      for (const table of rowTables) await table.where('[runId+seq]').between(lower, upper, true, true).delete();
      await roster.remove(runId);
      await records.remove(runId);
      await db.runs.delete(runId);
    });
  }

  return {
    // ── projects ────────────────────────────────────────────────────────────────────────────────────
    /** The project opened most recently, if any. */
    latestProject: (): Promise<ProjectEntity | undefined> => db.projects.orderBy('openedAt').last(),
    getProject: (id: string): Promise<ProjectEntity | undefined> => db.projects.get(id),
    /** put: the editor holds the whole document, so saving replaces it (and creates it the first time). */
    putProject: async (project: ProjectEntity): Promise<void> => {
      await db.projects.put(project);
    },

    // ── runs: write ─────────────────────────────────────────────────────────────────────────────────
    /** Starts a run in status `writing`: invisible to every read below. */
    async beginRun(projectId: string, now = Date.now()): Promise<RunEntity> {
      const run: RunEntity = {
        id: newId(),
        projectId,
        status: 'writing',
        startedAt: now,
        completedAt: null,
        header: null,
        counts: { roster: 0, records: 0, conflicts: 0 },
      };
      // add, not put: a fresh id must not overwrite anything; a clash is a bug and should fail.
      await db.runs.add(run);
      return run;
    },

    /** Writes one chunk of rows; positions continue where the previous chunk of that table ended. */
    async appendRows(runId: string, chunk: RunRows): Promise<void> {
      await db.transaction('rw', [db.runs, ...rowTables, ...blockTables], async () => {
        const run = await db.runs.get(runId);
        if (!run || run.status !== 'writing') throw new Error(`Run ${runId} is not being written.`);
        const start = run.counts[chunk.table];
        // bulkAdd, not bulkPut: every (runId, seq) is new; a duplicate means a chunk was written twice.
        switch (chunk.table) {
          case 'roster':
            await roster.append(runId, start, chunk.rows);
            break;
          case 'records':
            await records.append(runId, start, chunk.rows);
            await db.filterHits.bulkAdd(toFilterHitRows(runId, start, chunk.rows));
            break;
          case 'conflicts':
            await db.conflicts.bulkAdd(toConflictRows(runId, start, chunk.rows));
            break;
        }
        await db.runs.update(runId, { counts: { ...run.counts, [chunk.table]: start + chunk.rows.length } });
      });
    },

    /** Makes a run visible: one transaction builds its record index, flips `writing` to `complete` and
     * stores its header. */
    async completeRun(runId: string, header: RunHeader, now = Date.now()): Promise<RunEntity> {
      return db.transaction('rw', [db.runs, ...blockTables], async () => {
        const run = await db.runs.get(runId);
        if (!run || run.status !== 'writing') throw new Error(`Run ${runId} is not being written.`);
        // Deletion tracking (issue 5) appends its pending and deleted users after the users the run found.
        const expected = header.stats.users + historyRowCount(header);
        if (run.counts.roster !== expected) {
          throw new Error(`Run ${runId}: ${run.counts.roster} roster rows stored, the run reports ${expected}.`);
        }
        await roster.complete(runId);
        await records.complete(runId);
        const complete: RunEntity = { ...run, status: 'complete', header, asOf: header.asOf, completedAt: now };
        // put: replaces the writing header with the complete one in the same transaction.
        await db.runs.put(complete);
        return complete;
      });
    },

    /** Deletes a run and all its rows (a failed or cancelled run, or one the user removes). */
    discardRun: deleteRunRows,

    /** Deletes runs left in `writing` (the page closed mid-run), except those `isLive` says are running. */
    async purgeWritingRuns(isLive: (runId: string) => boolean = () => false): Promise<number> {
      const stale = (await db.runs.where('status').equals('writing').toArray()).filter((run) => !isLive(run.id));
      for (const run of stale) await deleteRunRows(run.id);
      return stale.length;
    },

    // ── runs: read (complete runs only) ─────────────────────────────────────────────────────────────
    getRun: completeRunOnly,
    /** Complete runs of a project, newest first. */
    async listRuns(projectId: string): Promise<RunEntity[]> {
      const runs = await db.runs
        .where('[projectId+startedAt]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .reverse()
        .toArray();
      return runs.filter((run) => run.status === 'complete');
    },

    // ── roster ──────────────────────────────────────────────────────────────────────────────────────
    /** Rows `start` to `start + limit` of a run, in run order: one index range, fast at any offset. */
    async rosterPage(runId: string, start: number, limit: number): Promise<RosterRow[]> {
      if (!(await completeRunOnly(runId))) return [];
      return roster.page(runId, start, limit);
    },

    async getRosterUser(runId: string, userId: string): Promise<RosterRow | undefined> {
      if (!(await completeRunOnly(runId))) return undefined;
      return roster.byUser(runId, userId);
    },

    /**
     * Users whose email, display name, key or an external id starts with `query` (indexed, fast at any
     * size). Only when none does: users with any attribute containing it, a scan of the run that stops at
     * `limit` matches or as soon as `isStale` says a newer search replaced this one.
     */
    async searchRoster(runId: string, query: string, limit = 500, isStale: () => boolean = () => false): Promise<RosterRow[]> {
      const q = query.trim().toLowerCase();
      if (!q || !(await completeRunOnly(runId))) return [];
      return roster.search(runId, q, limit, isStale);
    },

    /** Every roster user of a run in run order, for the CSV export. */
    async rosterUsers(runId: string): Promise<RosterUser[]> {
      if (!(await completeRunOnly(runId))) return [];
      const users: RosterUser[] = [];
      await roster.each(runId, (chunk) => void users.push(...chunk));
      return users;
    },

    /** The records that made or joined a user. */
    async userRecords(runId: string, userId: string): Promise<RecordRow[]> {
      if (!(await completeRunOnly(runId))) return [];
      return records.ofUser(runId, userId);
    },

    /** Rows stored per table, counted from the tables themselves (tests and checks). */
    async countRows(runId: string): Promise<Record<'roster' | 'records' | 'conflicts' | 'filterHits', number>> {
      const [lower, upper] = runRange(runId);
      const count = (table: (typeof rowTables)[number]) => table.where('[runId+seq]').between(lower, upper, true, true).count();
      const [conflicts, filterHits] = await Promise.all(rowTables.map(count));
      return { roster: await roster.count(runId), records: await records.count(runId), conflicts, filterHits };
    },

    // ── files (browser edition) ─────────────────────────────────────────────────────────────────────
    /** put: adding a file under a name the project already has replaces its bytes (a newer export). */
    async putFiles(files: FileEntity[]): Promise<SourceFileInfo[]> {
      await db.files.bulkPut(files);
      return files.map(({ name, size, modified }) => (modified ? { name, size, modified } : { name, size }));
    },
    /** A project opened again from its file: its stored files become exactly these, in one transaction
     * (a crash leaves the old set or the new one, never a mix). Runs keep what they need of their inputs. */
    async replaceFiles(projectId: string, files: FileEntity[]): Promise<SourceFileInfo[]> {
      await db.transaction('rw', db.files, async () => {
        await db.files.where('projectId').equals(projectId).delete();
        await db.files.bulkPut(files);
      });
      return files.map(({ name, size, modified }) => (modified ? { name, size, modified } : { name, size }));
    },
    /** The names of the files stored for a project. */
    fileNames(projectId: string): Promise<string[]> {
      return db.files.where('projectId').equals(projectId).primaryKeys().then((keys) => keys.map(([, name]) => name));
    },
    /** The stored files of a project with the given names (missing names are left out). */
    async getFiles(projectId: string, names: string[]): Promise<FileEntity[]> {
      const found = await db.files.bulkGet(names.map((name): [string, string] => [projectId, name]));
      return found.filter((file): file is FileEntity => file !== undefined);
    },
  };
}

export type Repo = ReturnType<typeof createRepo>;

/** The app's repository over the app's database. */
export const repo: Repo = createRepo(defaultDb);
