/**
 * Records a run as it streams in: starts it on the backend, writes each chunk of rows to IndexedDB in
 * arrival order while the run is `writing`, completes it on `done` and discards it on failure, cancel or
 * a write error. Screens observe its snapshot (progress per stage); results are read from IndexedDB.
 */
import type { Issue } from '../../core/issues';
import type { RunHeader, RunMessage } from '../../core/run/stream';
import type { Backend, RunHandle, RunRequest } from '../backend/backend';
import type { RunWriter } from '../worker/store-protocol';
import { holdRunLock } from './run-locks';
import { applyProgress, initialStages, markAllDone, type StageProgress } from './stage-progress';
import { measureChunk, storeFailure, type RunSize } from './errors';

export type RunPhase = 'idle' | 'running' | 'storing' | 'done' | 'failed' | 'cancelled';

export interface RunSnapshot {
  phase: RunPhase;
  projectId: string | null;
  /** The stored run: invisible to reads until `phase` is `done`. */
  runId: string | null;
  stages: StageProgress[];
  rowsWritten: number;
  issues: Issue[];
  startedAt: number | null;
  finishedAt: number | null;
}

const IDLE: RunSnapshot = { phase: 'idle', projectId: null, runId: null, stages: initialStages(), rowsWritten: 0, issues: [], startedAt: null, finishedAt: null };

/** True while a run is going: a second one is refused until it ends. */
export const isActive = (phase: RunPhase) => phase === 'running' || phase === 'storing';

export class RunRecorder {
  private snapshot: RunSnapshot = IDLE;
  private listeners = new Set<() => void>();
  private handle: RunHandle | null = null;
  /** Writes run strictly one after another, in the order chunks arrived. */
  private writes: Promise<void> = Promise.resolve();
  private releaseLock: () => void = () => undefined;

  /**
   * @param trackHistory deletion tracking (issue 5), run after the last row and before the run completes,
   * so a run is never visible without its deletion states; none by default (tests of storage alone).
   */
  constructor(
    private readonly repo: RunWriter,
    private readonly now: () => number = Date.now,
    private readonly trackHistory?: (runId: string, header: RunHeader) => Promise<RunHeader>,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RunSnapshot => this.snapshot;

  private update(patch: Partial<RunSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Starts a run; resolves once it is under way (rows arrive later). */
  async start(backend: Backend, request: RunRequest): Promise<void> {
    if (isActive(this.snapshot.phase)) throw new Error('A run is already in progress; cancel it first.');
    const run = await this.repo.beginRun(request.projectId, this.now());
    this.releaseLock = holdRunLock(run.id);
    this.writes = Promise.resolve();
    this.update({ ...IDLE, stages: initialStages(), phase: 'running', projectId: request.projectId, runId: run.id, startedAt: this.now() });
    // Where rows can go from the pipeline worker straight to the storing worker, they do: the page then
    // hears only how many were stored (store-sink.ts).
    const sink = backend.postsRowsToSink && this.repo.openSink
      ? this.repo.openSink(run.id, { stored: (rows) => this.onStored(run.id, rows), failed: (error, chunk) => this.failStore(run.id, error, chunk) })
      : undefined;
    try {
      this.handle = backend.startRun(request, (message) => this.onMessage(run.id, message), sink);
    } catch (error) {
      this.onMessage(run.id, { type: 'failed', issues: [{ code: 'start', severity: 'error', message: `The run could not start: ${String(error)}` }] });
    }
  }

  /** Stops the run; the stored part is discarded. */
  cancel(): void {
    if (!isActive(this.snapshot.phase)) return;
    this.handle?.cancel();
    // A backend that already sent `done` ignores the cancel while its rows are still being stored: stop
    // here too, so a cancel at any stage leaves nothing (issue 8). The queued `done` is then skipped.
    const runId = this.snapshot.runId;
    if (runId !== null && isActive(this.snapshot.phase)) {
      this.finish('cancelled', []);
      this.writes = this.writes.then(() => this.repo.discardRun(runId));
    }
  }

  /** A chunk that went straight to the storing worker was stored there. */
  private onStored(runId: string, rows: number): void {
    if (this.snapshot.runId !== runId || !isActive(this.snapshot.phase)) return;
    const patch: Partial<RunSnapshot> = { rowsWritten: this.snapshot.rowsWritten + rows };
    if (this.snapshot.phase === 'running') Object.assign(patch, { phase: 'storing', stages: markAllDone(this.snapshot.stages) });
    this.update(patch);
  }

  private onMessage(runId: string, message: RunMessage): void {
    if (this.snapshot.runId !== runId || !isActive(this.snapshot.phase)) return;
    switch (message.type) {
      case 'progress':
        this.update({ stages: applyProgress(this.snapshot.stages, message.event) });
        break;
      case 'rows':
        if (this.snapshot.phase === 'running') this.update({ phase: 'storing', stages: markAllDone(this.snapshot.stages) });
        this.enqueue(
          runId,
          async () => {
            await this.repo.appendRows(runId, message);
            // Stored: the worker may send the next chunk (it holds back all but two until it hears this).
            this.handle?.ack();
            this.update({ rowsWritten: this.snapshot.rowsWritten + message.rows.length });
          },
          message.rows,
        );
        break;
      case 'done':
        this.enqueue(runId, async () => {
          const header = this.trackHistory ? await this.trackHistory(runId, message.header) : message.header;
          await this.repo.completeRun(runId, header, this.now());
          this.finish('done', []);
        });
        break;
      case 'failed':
        this.finish('failed', message.issues);
        this.writes = this.writes.then(() => this.repo.discardRun(runId));
        break;
      case 'cancelled':
        this.finish('cancelled', []);
        this.writes = this.writes.then(() => this.repo.discardRun(runId));
        break;
    }
  }

  /** Queues a write; a failed write stops the run and discards what was stored. `rows` (a chunk being
   * written) lets a "storage full" message say how much space the run needs. */
  private enqueue(runId: string, write: () => Promise<void>, rows?: readonly unknown[]): void {
    this.writes = this.writes
      .then(() => (isActive(this.snapshot.phase) ? write() : undefined))
      .catch((error: unknown) => this.stopOnStoreError(runId, error, rows ? measureChunk(rows) : null));
  }

  /** A chunk that went straight to the storing worker could not be stored: as a failed write here. */
  private failStore(runId: string, error: Error, chunk: RunSize | null): void {
    if (this.snapshot.runId !== runId || !isActive(this.snapshot.phase)) return;
    this.writes = this.writes.then(() => this.stopOnStoreError(runId, error, chunk));
  }

  private async stopOnStoreError(runId: string, error: unknown, chunk: RunSize | null): Promise<void> {
    this.finish('failed', [await storeFailure(error, runSize(chunk, this.snapshot))]);
    // After finish: the worker's own `cancelled` reply is then ignored.
    this.handle?.cancel();
    await this.repo.discardRun(runId);
  }

  private finish(phase: 'done' | 'failed' | 'cancelled', issues: Issue[]): void {
    if (!isActive(this.snapshot.phase)) return;
    this.releaseLock();
    const stages = phase === 'done' ? markAllDone(this.snapshot.stages) : this.snapshot.stages;
    this.update({ phase, issues, stages, finishedAt: this.now() });
  }

  /** Resolves when every queued write (or discard) has finished: tests and page close use it. */
  settled(): Promise<void> {
    return this.writes.catch(() => undefined);
  }
}

/** How big the run being stored is, for a "storage full" message: bytes per row from the chunk that failed
 * (errors.ts `measureChunk`), rows from the stages' totals (records joined, users enabled), at least those
 * written so far and the failed chunk's. */
function runSize(chunk: RunSize | null, snapshot: RunSnapshot): RunSize | null {
  if (chunk === null) return null;
  const totalOf = (stage: string) => snapshot.stages.find((s) => s.stage === stage)?.total ?? 0;
  return { bytesPerRow: chunk.bytesPerRow, rows: Math.max(snapshot.rowsWritten + chunk.rows, totalOf('join') + totalOf('enable')) };
}
