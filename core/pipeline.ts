/**
 * The unification pipeline: the only file that chains the stages.
 *
 *   files ──1 load──▶ raw records ──2 map──▶ attributes ──3 process──▶ ──4 filter──▶
 *         ──5 join/merge──▶ roster + record states + conflicts ──6 enable/coverage──▶ ──7 report──▶ RunResult
 *
 * (Implementation in progress; the signature is the contract hosts code against.)
 */
import type { InputFile, ProgressEvent, RunResult } from './types';
import type { ProjectInput } from './project/schema';

/** What a host passes to cancel a run: an AbortSignal fits (core has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface PipelineOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: CancelSignal;
  /** Overrides the project's asOf (YYYY-MM-DD). */
  asOf?: string;
}

/** Runs a project over its input files. Throws ProjectError (with issues) for user errors,
 * CancelledError when the signal aborts. */
export declare function runPipeline(inputs: InputFile[], project: ProjectInput, options?: PipelineOptions): Promise<RunResult>;
