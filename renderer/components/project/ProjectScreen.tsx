import { useMemo, useState } from 'react';
import { validateProject } from '../../../core/project/validate';
import type { ProjectInput } from '../../../core/project/schema';
import { useApp } from '../../hooks/useApp';
import { useRunSnapshot } from '../../hooks/useRunSnapshot';
import { isActive } from '../../lib/run-recorder';
import { addSource } from '../../lib/project-edit';
import { IssueList } from '../shell/IssueList';
import { DeletionSettings } from './DeletionSettings';
import { EnablementEditor } from './EnablementEditor';
import { ExportsDrop } from './ExportsDrop';
import { JoinSettings } from './JoinSettings';
import { SourceDetail } from './SourceDetail';

/** Sources, mapping, join, enablement and deletion settings of the open project; save and run. */
export function ProjectScreen() {
  const { project: entity, dirty, editProject, saveProject, startRun, recorder } = useApp();
  const run = useRunSnapshot(recorder);
  const [selected, setSelected] = useState<string | null>(null);
  const project = entity?.project;
  const issues = useMemo(() => (project ? validateProject(project).issues : []), [project]);
  if (!entity || !project) return null;

  const sourceIndex = Math.max(0, project.sources.findIndex((s) => s.id === selected));
  const source = project.sources[sourceIndex];
  const edit = (next: ProjectInput) => editProject(() => next);
  const errors = issues.filter((i) => i.severity === 'error').length;

  return (
    <section className="project-screen" aria-labelledby="project-title">
      <div className="screen-head">
        <h1 id="project-title">Project</h1>
        <div className="actions">
          <button type="button" onClick={() => void saveProject()} disabled={!dirty} data-testid="save-project">
            {dirty ? 'Save' : 'Saved'}
          </button>
          <button type="button" className="primary" onClick={() => void startRun()} disabled={isActive(run.phase) || errors > 0} data-testid="run-project">
            Run
          </button>
        </div>
      </div>
      <div className="project-meta">
        <label>
          Name
          <input value={project.name} onChange={(e) => edit({ ...project, name: e.target.value })} />
        </label>
        <label>
          Export date (asOf)
          <input type="date" value={project.asOf ?? ''} onChange={(e) => edit({ ...project, asOf: e.target.value || undefined })} />
        </label>
        <span className="muted location" title={entity.location}>
          {entity.location}
        </span>
      </div>
      {issues.length > 0 && (
        <details className="panel validation" open={errors > 0}>
          <summary>
            {errors > 0 ? `${errors} errors block the run` : `${issues.length} warnings`}
          </summary>
          <IssueList issues={issues} label="Project issues" />
        </details>
      )}
      <h2>Sources</h2>
      <ExportsDrop onAdded={setSelected} />
      <div className="sources">
        <nav className="source-tabs" aria-label="Sources">
          {project.sources.map((s, i) => (
            <button key={s.id} type="button" className="source-tab" aria-current={i === sourceIndex ? 'true' : undefined} onClick={() => setSelected(s.id)}>
              <span className="source-tab-name">{s.label ?? s.id}</span>
              <span className="muted">
                {s.system} · {s.files.length} file{s.files.length === 1 ? '' : 's'}
              </span>
            </button>
          ))}
          <button
            type="button"
            className="link"
            onClick={() => {
              const added = addSource(project);
              edit(added.project);
              setSelected(added.sourceId);
            }}
          >
            + Add source
          </button>
        </nav>
        {source && <SourceDetail key={source.id} project={project} source={source} sourceIndex={sourceIndex} />}
      </div>
      <h2>Join, enablement and deletions</h2>
      <div className="settings">
        <JoinSettings project={project} onChange={edit} />
        <EnablementEditor project={project} onChange={edit} />
        <DeletionSettings project={project} onChange={edit} />
      </div>
    </section>
  );
}
