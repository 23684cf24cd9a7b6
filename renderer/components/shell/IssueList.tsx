import type { Issue } from '../../../core/issues';
import { where } from '../../../core/issues';

/** Issues as the user reads them: severity, message, where, and the fix. */
export function IssueList({ issues, label }: { issues: Issue[]; label: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues" aria-label={label}>
      {issues.map((issue, i) => {
        const at = [issue.source, where(issue), issue.key].filter(Boolean).join(' · ');
        return (
          <li key={i} className={`issue issue-${issue.severity}`}>
            <span className="issue-severity">{issue.severity}</span>
            <span className="issue-message">
              {issue.message}
              {issue.count && issue.count > 1 ? ` (${issue.count} records)` : ''}
              {at && <span className="issue-where"> — {at}</span>}
              {issue.fix && <span className="issue-fix">Fix: {issue.fix}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
