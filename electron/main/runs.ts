/**
 * Runs and previews in a worker process. The data takes the short way (DESIGN.md, "Architecture"):
 * main creates a MessageChannelMain, transfers one port to the worker and the other to the renderer
 * (`run:port`), and the worker streams the run's chunks straight to the renderer. Main never sees a row;
 * it only hears the worker's small control messages and its exit.
 *
 * The worker is an Electron utility process, not a worker_threads Worker: a MessagePortMain can be
 * transferred to a utility process (`child.postMessage(msg, [port])`) but not to a Node worker thread,
 * which would force main to relay every chunk. The same worker entry also runs under worker_threads
 * (test/unit/electron/worker.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import type { IpcIssue } from '../ipc/contract';
import type { FromWorker, PreviewJob, RunJob, ToWorker } from '../worker/protocol';
import { HandlerRefusal } from './dispatch';

interface RunEntry {
  child: UtilityProcess;
  ownerId: number;
  finished: boolean;
  cancelled: boolean;
}

/** After `finished` the worker is ended; the grace lets its last messages leave first. */
const END_GRACE_MS = 1000;
const PREVIEW_TIMEOUT_MS = 120_000;

type PreviewResult = Extract<FromWorker, { type: 'preview' }>['result'];

export class RunBroker {
  private readonly runs = new Map<string, RunEntry>();

  constructor(private readonly workerPath: string) {}

  private fork(name: string): UtilityProcess {
    return utilityProcess.fork(this.workerPath, [], { serviceName: `Roster Audit ${name}`, stdio: 'inherit' });
  }

  /** Starts a run for `target`; its port is sent to `target` as `run:port`. One run per window at a time. */
  start(target: WebContents, job: RunJob): string {
    for (const run of this.runs.values()) {
      if (run.ownerId === target.id && !run.finished) {
        throw new HandlerRefusal({ message: 'A run is already in progress.', fix: 'Wait for it to finish or cancel it, then run again.' });
      }
    }
    const runId = randomUUID();
    const child = this.fork('pipeline');
    const entry: RunEntry = { child, ownerId: target.id, finished: false, cancelled: false };
    this.runs.set(runId, entry);
    child.on('message', (message: FromWorker) => {
      if (message.type !== 'finished') return;
      entry.finished = true;
      setTimeout(() => child.kill(), END_GRACE_MS);
    });
    child.on('exit', (code) => {
      this.runs.delete(runId);
      // A worker that ends without reporting a result crashed (or was cancelled): tell the renderer,
      // whose preload turns it into the run's terminal message if none arrived.
      if (!entry.finished && !target.isDestroyed()) {
        target.send('run:ended', { runId, reason: entry.cancelled ? 'cancelled' : 'crashed', code });
      }
    });
    const { port1, port2 } = new MessageChannelMain();
    const toWorker: ToWorker = { type: 'job', job };
    child.postMessage(toWorker, [port1]);
    target.postMessage('run:port', { runId }, [port2]);
    return runId;
  }

  /** Ends a run's worker mid-run. Only the window that started a run may cancel it. */
  cancel(runId: string, requesterId: number): boolean {
    const entry = this.runs.get(runId);
    if (!entry || entry.ownerId !== requesterId || entry.finished) return false;
    entry.cancelled = true;
    entry.child.kill();
    return true;
  }

  /** Ends every run (of one window, or all). */
  stopAll(ownerId?: number): void {
    for (const entry of this.runs.values()) {
      if (ownerId === undefined || entry.ownerId === ownerId) {
        entry.cancelled = true;
        entry.child.kill();
      }
    }
  }

  /** Loads one source in a short-lived worker and returns its preview. */
  preview(job: PreviewJob): Promise<PreviewResult> {
    const child = this.fork('preview');
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: PreviewResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill();
        resolve(result);
      };
      const failure = (issue: IpcIssue): PreviewResult => ({ ok: false, issue });
      const timer = setTimeout(
        () => settle(failure({ message: 'The preview took too long and was stopped.', fix: 'The file may be very large; run the project instead.' })),
        PREVIEW_TIMEOUT_MS,
      );
      child.on('message', (message: FromWorker) => {
        if (message.type === 'preview') settle(message.result);
      });
      child.on('exit', (code) => settle(failure({ message: `The preview worker stopped unexpectedly (exit code ${code}).` })));
      const toWorker: ToWorker = { type: 'job', job };
      child.postMessage(toWorker);
    });
  }
}
