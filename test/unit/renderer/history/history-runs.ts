/** Small runs of one project across export dates, stored with deletion tracking (issue 5 tests). */
import { expect, vi } from 'vitest';
import type { RunResult } from '../../../../core/types';
import type { RunHeader } from '../../../../core/run/stream';
import { postRun, RowCredits } from '../../../../core/run/flow';
import type { RosterDb } from '../../../../renderer/db/db';
import { createRepo } from '../../../../renderer/db/repo';
import { createHistoryRepo } from '../../../../renderer/db/repo-history';
import { RunRecorder } from '../../../../renderer/lib/run-recorder';
import { trackRunDeletions } from '../../../../renderer/worker/history-task';
import { createFakeBackend } from '../support/fake-backend';
import { makeRun, makeUser, PROJECT } from '../support/make-run';

/** A run of `users` user numbers (makeUser(i)) as of `asOf`; `edit` changes users after they are made. */
export function runOf(asOf: string, users: number[], edit: (run: RunResult) => void = () => undefined): RunResult {
  const base = makeRun(0);
  const roster = users.map((i) => makeUser(i));
  const run: RunResult = {
    ...base,
    asOf,
    roster,
    records: [],
    conflicts: [],
    stats: { ...base.stats, users: roster.length, enabled: roster.filter((u) => u.enabled).length, coverage: { ...base.stats.coverage, hris: roster.length, chat: roster.filter((u) => u.coverage.includes('chat')).length } },
  };
  edit(run);
  return run;
}

export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Stores `result` as the recorder does, with deletion tracking over `db`; resolves with the run id. */
export async function recordTracked(db: RosterDb, projectId: string, result: RunResult): Promise<string> {
  const repo = createRepo(db);
  const history = createHistoryRepo(db);
  const recorder = new RunRecorder(repo, Date.now, (runId: string, header: RunHeader) => trackRunDeletions(history, runId, header));
  const fake = createFakeBackend();
  fake.backend.startRun.mockImplementation((_request, onMessage) => {
    const credits = new RowCredits();
    setTimeout(() => void postRun(result, onMessage, credits, 7), 0);
    return { cancel: () => credits.close(), ack: () => credits.ack() };
  });
  await recorder.start(fake.backend, { projectId, project: PROJECT });
  // Generous: these tests share two cores with other suites.
  await vi.waitFor(() => expect(['done', 'failed', 'cancelled']).toContain(recorder.getSnapshot().phase), { timeout: 15_000 });
  await recorder.settled();
  const snapshot = recorder.getSnapshot();
  if (snapshot.phase !== 'done' || !snapshot.runId) throw new Error(`run ${result.asOf} ended ${snapshot.phase}: ${JSON.stringify(snapshot.issues)}`);
  return snapshot.runId;
}
