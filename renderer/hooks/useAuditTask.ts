import { useEffect, useState } from 'react';
import type { AuditAnswer, AuditTask } from '../worker/audit-protocol';
import { auditClient } from '../worker/audit-client';
import { errorText } from '../lib/errors';

export interface AuditTaskState<T extends AuditTask> {
  /** The answer, once it came (kept while a newer task runs, so the screen does not flash empty). */
  answer: AuditAnswer<T> | undefined;
  /** The task the answer belongs to. */
  answeredKey: string | null;
  error: string | null;
  /** What the worker is doing, while it works. */
  progress: string | null;
  loading: boolean;
}

/**
 * Runs an audit task in the audit worker whenever `task` changes (by value); null runs nothing. Answers
 * of tasks that a newer one replaced are dropped.
 */
export function useAuditTask<T extends AuditTask>(task: T | null): AuditTaskState<T> {
  const key = task ? JSON.stringify(task) : null;
  const [state, setState] = useState<AuditTaskState<T>>({ answer: undefined, answeredKey: null, error: null, progress: null, loading: false });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, error: null, loading: true, progress: 'Starting…' }));
    auditClient()
      .run(JSON.parse(key) as T, (message) => live && setState((s) => ({ ...s, progress: message })))
      .then((answer) => live && setState({ answer, answeredKey: key, error: null, progress: null, loading: false }))
      .catch((error: unknown) => live && setState((s) => ({ ...s, error: errorText(error), progress: null, loading: false })));
    return () => {
      live = false;
    };
  }, [key]);

  return state;
}

/**
 * Starts loading a run into the audit worker when a screen opens, so the views that need it (orphans, key
 * advice, what-if, explain) answer sooner; loading a 100,000-user run takes a while. A failure here is
 * not shown: the view that needs the run runs the load again and shows its error.
 */
export function useAuditPrefetch(runId: string): void {
  useEffect(() => {
    auditClient()
      .run({ type: 'load', runId })
      .catch(() => undefined);
  }, [runId]);
}
