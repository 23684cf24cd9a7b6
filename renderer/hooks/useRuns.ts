import { useLiveQuery } from 'dexie-react-hooks';
import type { RunEntity } from '../db/entities';
import { repo } from '../db/repo';
import { useApp } from './useApp';

export interface SelectedRun {
  /** Complete runs of the open project, newest first; undefined while loading. */
  runs: RunEntity[] | undefined;
  /** The run the user picked, else the newest; null when the project has none. */
  run: RunEntity | null | undefined;
}

/** The open project's complete runs (live: a run appears the moment it completes) and the selected one. */
export function useSelectedRun(): SelectedRun {
  const { project, selectedRunId } = useApp();
  const projectId = project?.id ?? '';
  const runs = useLiveQuery(() => repo.listRuns(projectId), [projectId]);
  if (runs === undefined) return { runs, run: undefined };
  return { runs, run: runs.find((r) => r.id === selectedRunId) ?? runs[0] ?? null };
}
