import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/db';
import type { RosterRow } from '../db/entities';
import { createHistoryRepo, type CompleteRun } from '../db/repo-history';
import { useApp } from './useApp';

/** The history queries over the app's database. */
export const historyRepo = createHistoryRepo(db);

/** The open project's complete runs by asOf, oldest first (live); undefined while loading. */
export function useProjectHistory(): CompleteRun[] | undefined {
  const { project } = useApp();
  const projectId = project?.id ?? '';
  return useLiveQuery(() => historyRepo.runsByAsOf(projectId), [projectId]);
}

/** How many users of each list the History screen shows (the rest: the roster and its CSV export). */
export const DELETION_LIST_LIMIT = 1000;

export interface RunDeletionLists {
  /** The run the lists are of. */
  runId: string | null;
  pending: RosterRow[];
  deleted: RosterRow[];
  restored: RosterRow[];
}

/** A run's deletion candidates (soonest first), the users it deleted, and those it restored. */
export function useRunDeletions(run: CompleteRun | undefined, previous: CompleteRun | undefined): RunDeletionLists | undefined {
  const lists = useLiveQuery(async (): Promise<RunDeletionLists> => {
    if (!run) return { runId: null, pending: [], deleted: [], restored: [] };
    const users = run.header.stats.users;
    const pending = run.header.deletion?.counts.pending ?? 0;
    const deleted = run.header.deletion?.counts.deleted ?? 0;
    return {
      runId: run.id,
      pending: await historyRepo.historyRows(run.id, users, Math.min(pending, DELETION_LIST_LIMIT)),
      deleted: await historyRepo.historyRows(run.id, users + pending, Math.min(deleted, DELETION_LIST_LIMIT)),
      restored: await historyRepo.restoredUsers(run.id, previous, DELETION_LIST_LIMIT),
    };
  }, [run?.id, previous?.id]);
  // useLiveQuery keeps the previous run's lists while the new ones load: that is still loading.
  return lists && lists.runId === (run?.id ?? null) ? lists : undefined;
}
