/**
 * Progress per pipeline stage, folded from the run stream's progress events: a stage is running from its
 * first event until a later stage starts; counts are kept per source where the core reports them.
 */
import { PIPELINE_STAGES, type PipelineStage, type ProgressEvent } from '../../core/types';

export type StageStatus = 'pending' | 'running' | 'done';

export interface StageProgress {
  stage: PipelineStage;
  status: StageStatus;
  /** Items done in the stage (summed over sources when it reports per source). */
  done: number;
  total: number | null;
  /** Per source, when the stage reports per source. */
  sources: Record<string, { done: number; total: number | null }>;
  message: string | null;
}

/**
 * The stages the run screen shows. Core reads, maps, processes and filters each record in one pass per
 * source (streamed), so `map`, `process` and `filter` events are progress of the same work as `load`:
 * shown as one stage, with one count per source, instead of four that flicker as sources take turns.
 */
const SHOWN: readonly PipelineStage[] = PIPELINE_STAGES.filter((stage) => stage !== 'map' && stage !== 'process' && stage !== 'filter');
const shownStage = (stage: PipelineStage): PipelineStage => (stage === 'map' || stage === 'process' || stage === 'filter' ? 'load' : stage);

export function initialStages(): StageProgress[] {
  return SHOWN.map((stage) => ({ stage, status: 'pending', done: 0, total: null, sources: {}, message: null }));
}

function sum(values: { done: number; total: number | null }[]): { done: number; total: number | null } {
  const done = values.reduce((n, v) => n + v.done, 0);
  const total = values.every((v) => v.total !== null) ? values.reduce((n, v) => n + (v.total ?? 0), 0) : null;
  return { done, total };
}

/** The stages after one progress event. */
export function applyProgress(stages: StageProgress[], event: ProgressEvent): StageProgress[] {
  const at = SHOWN.indexOf(shownStage(event.stage));
  return stages.map((stage, i) => {
    if (i < at) return stage.status === 'done' ? stage : { ...stage, status: 'done' };
    if (i > at) return stage;
    const counts = { done: event.done, total: event.total ?? null };
    const message = event.message ?? stage.message;
    if (event.source === undefined) return { ...stage, status: 'running', ...counts, message };
    const sources = { ...stage.sources, [event.source]: counts };
    return { ...stage, status: 'running', sources, ...sum(Object.values(sources)), message };
  });
}

/** Every stage done: the worker has moved on to sending rows. */
export function markAllDone(stages: StageProgress[]): StageProgress[] {
  return stages.map((stage) => (stage.status === 'done' ? stage : { ...stage, status: 'done' }));
}
