import { useCallback, useState } from 'react';
import { DEFAULT_COLUMNS } from '../components/roster/roster-columns';

const storageKey = (projectId: string) => `roster-audit:columns:${projectId}`;

function load(projectId: string): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(projectId)) ?? 'null');
    return Array.isArray(saved) && saved.every((c) => typeof c === 'string') ? saved : DEFAULT_COLUMNS;
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** The roster columns the user picked for a project, remembered across reloads (a view setting, not data). */
export function useColumnChoice(projectId: string): [string[], (columns: string[]) => void] {
  const [columns, setColumns] = useState(() => load(projectId));
  const choose = useCallback(
    (next: string[]) => {
      setColumns(next);
      localStorage.setItem(storageKey(projectId), JSON.stringify(next));
    },
    [projectId],
  );
  return [columns, choose];
}
