/**
 * One run inside the worker: read the project's export files (contained in the project folder), run
 * core's pipeline, and post the result in chunks as core/run/stream.ts `RunMessage`s. Every ending is a
 * terminal message (done, failed or cancelled); nothing throws out of here.
 */
import { CancelledError, ProjectError, type Issue } from '../../core/issues';
import { runPipelineStreamed } from '../../core/pipeline';
import { validateProject } from '../../core/project/validate';
import type { RunMessage } from '../../core/run/stream';
import { postRun, type RowCredits } from '../../core/run/flow';
import { readInputs } from '../node/project-files';
import type { RunJob } from './protocol';


export type Outcome = 'done' | 'failed' | 'cancelled';

/** Lets queued messages (a cancel) in between pipeline chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function unexpected(error: unknown): Issue {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'worker.unexpected',
    severity: 'error',
    message: `The run stopped on an unexpected error: ${detail}`,
    fix: 'Nothing was stored. Run again; if it fails the same way, report it with the project file.',
  };
}

/**
 * Runs one job; `post` receives the run stream. Resolves with the terminal outcome it posted.
 * `credits`: the renderer's acknowledgements of stored chunks (core/run/flow.ts); the worker waits for
 * credit before each `rows` message. Closed on cancel, so a wait for an ack ends too.
 */
export async function runJob(job: RunJob, post: (message: RunMessage) => void, signal: AbortSignal, credits: RowCredits): Promise<Outcome> {
  signal.addEventListener('abort', () => credits.close(), { once: true });
  try {
    const validated = validateProject(job.project);
    if (!validated.project) throw new ProjectError(validated.issues.filter((i) => i.severity === 'error'));
    const inputs = await readInputs({ project: validated.project, dir: job.dir }, { contain: true });
    if (signal.aborted) throw new CancelledError();
    // Users and records are built a chunk at a time as they are sent (runPipelineStreamed), as in the browser.
    const streamed = await runPipelineStreamed(inputs, validated.project, {
      signal,
      today: job.today,
      // Raw records ride along in each outcome for the audit screens (issue 4), as in the browser edition.
      keepRaw: true,
      ...(job.asOf ? { asOf: job.asOf } : {}),
      onProgress: (event) => post({ type: 'progress', event }),
      yieldControl: breathe,
    });
    if (signal.aborted) throw new CancelledError();
    await postRun(streamed.parts(), post, credits);
    return 'done';
  } catch (error) {
    if (error instanceof CancelledError || signal.aborted) {
      post({ type: 'cancelled' });
      return 'cancelled';
    }
    post({ type: 'failed', issues: error instanceof ProjectError ? error.issues : [unexpected(error)] });
    return 'failed';
  }
}
