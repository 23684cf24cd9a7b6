/** Message catalog of the pipeline's own checks. */
import type { Issue } from '../issues';

export const pipelineMessages = {
  missingInput: (source: string, file: string): Issue => ({
    code: 'input.missing',
    severity: 'error',
    source,
    file,
    message: `Source "${source}" names the file "${file}", but no such file was given to the run`,
    fix: 'Add the file to the source again (the file list and the files on disk must agree).',
  }),
  /** The worker running the pipeline ended without a result (crash, out of memory, killed): both editions. */
  workerCrashed: (code: number | null): Issue => ({
    code: 'worker.crashed',
    severity: 'error',
    message: `The pipeline worker stopped unexpectedly${code === null ? '' : ` (exit code ${code})`}; nothing was stored.`,
    fix: 'Run again. A very large export can exhaust memory: close other apps, or split the export.',
  }),
};
