import type { AuditTaskState } from '../../hooks/useAuditTask';
import type { AuditTask } from '../../worker/audit-protocol';

/** What the audit worker is doing for a view, or why it failed. */
export function WorkerStatus<T extends AuditTask>({ task }: { task: AuditTaskState<T> }) {
  if (task.error) {
    return (
      <p className="error-text" role="alert" data-testid="audit-error">
        {task.error}
      </p>
    );
  }
  if (!task.loading) return null;
  return (
    <p className="muted working" role="status" data-testid="audit-working">
      {task.progress ?? 'Working…'}
    </p>
  );
}
