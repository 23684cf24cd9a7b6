import { useState } from 'react';
import { compileEnablement, type EnablementDecision } from '../../../core/enable/enablement';
import { enablementSchema, type EnablementConfig, type ProjectInput } from '../../../core/project/schema';
import type { Issue } from '../../../core/issues';
import { repo } from '../../db/repo';
import { useSelectedRun } from '../../hooks/useRuns';
import { IssueList } from '../shell/IssueList';

type Mode = EnablementConfig['mode'];

/** Compiles the enablement being edited; issues instead of an enabler when it does not compile. */
function compile(project: ProjectInput) {
  const parsed = enablementSchema.safeParse(project.enablement ?? { mode: 'all' });
  if (!parsed.success) return { enabler: null, issues: [{ code: 'enablement.invalid', severity: 'error', message: parsed.error.issues[0]?.message ?? 'invalid', key: 'enablement' } satisfies Issue] };
  return compileEnablement(parsed.data, project.join?.normalize ?? ['trim', 'lower']);
}

/** Who is enabled: everyone, a list, or a rule; with "validate" and "preview on one user". */
export function EnablementEditor({ project, onChange }: { project: ProjectInput; onChange(next: ProjectInput): void }) {
  const enablement = project.enablement ?? { mode: 'all' };
  const { run } = useSelectedRun();
  const [checked, setChecked] = useState<{ issues: Issue[]; ok: boolean } | null>(null);
  const [who, setWho] = useState('');
  const [decision, setDecision] = useState<(EnablementDecision & { user: string }) | { error: string } | null>(null);

  const setMode = (mode: Mode) =>
    onChange({ ...project, enablement: mode === 'all' ? { mode } : mode === 'list' ? { mode, users: [] } : { mode, rule: 'active == true' } });
  const set = (next: EnablementConfig) => {
    onChange({ ...project, enablement: next });
    setChecked(null);
    setDecision(null);
  };

  const validate = () => {
    const { issues } = compile(project);
    setChecked({ issues, ok: !issues.some((i) => i.severity === 'error') });
  };

  const previewOne = async () => {
    if (!run) return setDecision({ error: 'Run the project once: the preview uses a user of the latest run.' });
    const [row] = await repo.searchRoster(run.id, who, 1);
    if (!row) return setDecision({ error: `No user of the latest run matches "${who}".` });
    const { enabler, issues } = compile(project);
    if (!enabler) return setDecision({ error: issues[0]?.message ?? 'The enablement does not compile.' });
    setDecision({ ...enabler({ key: row.user.key, attributes: row.user.attributes }), user: String(row.user.attributes.email ?? row.user.key) });
  };

  return (
    <fieldset className="card" data-testid="enablement-editor">
      <legend>Enablement</legend>
      <div className="inline-choices" role="radiogroup" aria-label="Who is enabled">
        {(['all', 'list', 'rule'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name="enablement-mode" checked={enablement.mode === mode} onChange={() => setMode(mode)} />
            {mode === 'all' ? 'Everyone' : mode === 'list' ? 'A list of users' : 'A rule'}
          </label>
        ))}
      </div>
      {enablement.mode === 'list' && (
        <label>
          Keys or emails, one per line
          <textarea rows={4} value={enablement.users.join('\n')} onChange={(e) => set({ mode: 'list', users: e.target.value.split('\n').map((u) => u.trim()).filter(Boolean) })} />
        </label>
      )}
      {enablement.mode === 'rule' && (
        <label>
          Rule over merged attributes
          <textarea rows={2} value={enablement.rule} onChange={(e) => set({ mode: 'rule', rule: e.target.value })} data-testid="enablement-rule" spellCheck={false} />
        </label>
      )}
      <div className="actions">
        <button type="button" onClick={validate}>
          Validate
        </button>
        {checked?.ok && (
          <span className="ok" role="status">
            Valid.
          </span>
        )}
      </div>
      {checked && <IssueList issues={checked.issues} label="Enablement issues" />}
      <div className="preview-one">
        <label>
          Preview on one user
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="email, name or external id" />
        </label>
        <button type="button" onClick={() => void previewOne()} disabled={!who.trim()}>
          Preview
        </button>
      </div>
      {decision && (
        <p role="status" className={'error' in decision ? 'issue-error' : decision.enabled ? 'ok' : 'warn'} data-testid="enablement-preview">
          {'error' in decision ? decision.error : `${decision.user}: ${decision.reason}`}
        </p>
      )}
    </fieldset>
  );
}
