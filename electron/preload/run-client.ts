/**
 * The preload's side of a run, as a plain state machine (tested in Node with fake ports): it pairs the
 * `run:start` answer with the MessagePort main sends on `run:port` (either may arrive first), forwards
 * the worker's messages to the page's callback, and makes sure the page sees exactly one terminal
 * message, whether the run ends, fails, is cancelled or its worker dies.
 */
import type { Issue } from '../../core/issues';
import type { RunMessage } from '../../core/run/stream';
import { pipelineMessages } from '../../core/run/messages';
import { ROWS_ACK } from '../../core/run/flow';
import type { RunStartRequest } from '../ipc/api';
import type { Result } from '../ipc/contract';

/** The part of a DOM MessagePort used here. */
export interface RunPort {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/** What `start` gives the page: cancel the run; acknowledge one stored `rows` message (core/run/flow.ts). */
export interface RunControl {
  cancel: () => void;
  ack: () => void;
}

export interface RunTransport {
  start(request: RunStartRequest): Promise<Result<{ runId: string }>>;
  cancel(runId: string): Promise<Result<{ cancelled: boolean }>>;
}

interface ActiveRun {
  deliver: (message: RunMessage) => void;
  attach: (port: RunPort) => void;
}

const isTerminal = (message: RunMessage) => message.type === 'done' || message.type === 'failed' || message.type === 'cancelled';

/** The terminal issue of a run whose worker died (the same words in both editions). */
export const crashIssue = pipelineMessages.workerCrashed;

export class RunClient {
  private readonly active = new Map<string, ActiveRun>();
  /** Ports that arrived before `run:start` answered with their run id. */
  private readonly early = new Map<string, RunPort>();

  constructor(private readonly transport: RunTransport) {}

  /** `run:port` from main. */
  portArrived(runId: string, port: RunPort): void {
    const run = this.active.get(runId);
    if (run) run.attach(port);
    else this.early.set(runId, port);
  }

  /** `run:ended` from main: the worker process ended without reporting a result. */
  workerEnded(runId: string, reason: 'crashed' | 'cancelled', code: number | null): void {
    this.active.get(runId)?.deliver(reason === 'cancelled' ? { type: 'cancelled' } : { type: 'failed', issues: [crashIssue(code)] });
  }

  /** Starts a run; returns its controls. */
  start(request: RunStartRequest, onMessage: (message: RunMessage) => void): RunControl {
    let runId: string | null = null;
    let port: RunPort | null = null;
    let ended = false;
    let cancelRequested = false;

    const deliver = (message: RunMessage) => {
      if (ended) return;
      if (isTerminal(message)) {
        ended = true;
        if (runId) this.active.delete(runId);
        port?.close();
      }
      onMessage(message);
    };
    const attach = (p: RunPort) => {
      if (ended) return p.close();
      port = p;
      p.onmessage = (event) => deliver(event.data as RunMessage);
    };
    const cancel = () => {
      if (ended || !runId) return;
      void this.transport.cancel(runId).then((result) => {
        if (result.ok && result.data.cancelled) deliver({ type: 'cancelled' });
      });
    };

    void this.transport.start(request).then((result) => {
      if (!result.ok) {
        const issue: Issue = { code: 'run.refused', severity: 'error', message: result.issue.message, ...(result.issue.fix ? { fix: result.issue.fix } : {}) };
        return deliver({ type: 'failed', issues: [issue] });
      }
      runId = result.data.runId;
      this.active.set(runId, { deliver, attach });
      const waiting = this.early.get(runId);
      if (waiting) {
        this.early.delete(runId);
        attach(waiting);
      }
      if (cancelRequested) cancel();
    });

    return {
      cancel: () => {
        cancelRequested = true;
        cancel();
      },
      // Over the run's port, straight back to the worker that is waiting for it; nothing after the end.
      ack: () => {
        if (!ended) port?.postMessage(ROWS_ACK);
      },
    };
  }
}
