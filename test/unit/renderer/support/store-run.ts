/** Stores a run result the way the recorder does (for screens that read a stored run). */
import type { RunResult } from '../../../../core/types';
import { streamRun } from '../../../../core/run/stream';
import { repo } from '../../../../renderer/db/repo';

export async function storeRun(projectId: string, result: RunResult, startedAt = Date.now()): Promise<string> {
  const run = await repo.beginRun(projectId, startedAt);
  for (const message of streamRun(result, 50)) {
    if (message.type === 'rows') await repo.appendRows(run.id, message);
    if (message.type === 'done') await repo.completeRun(run.id, message.header, startedAt + 1000);
  }
  return run.id;
}
