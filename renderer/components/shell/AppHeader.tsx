import { useApp } from '../../hooks/useApp';
import { useRunSnapshot } from '../../hooks/useRunSnapshot';
import { isActive } from '../../lib/run-recorder';
import { SCREENS, type ScreenId } from '../../lib/screens';

/** Title bar: the open project, the screen tabs and the project actions. */
export function AppHeader({ screen }: { screen: ScreenId }) {
  const { backend, project, dirty, navigate, openVia, recorder } = useApp();
  const run = useRunSnapshot(recorder);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Roster Audit</span>
        {project && (
          <span className="project-name" title={project.location} data-testid="project-name">
            {project.name}
            {dirty && <span className="dirty" aria-label="unsaved changes"> •</span>}
          </span>
        )}
      </div>
      <nav aria-label="Screens" className="tabs">
        {SCREENS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="tab"
            aria-current={screen === s.id ? 'page' : undefined}
            onClick={() => navigate(s.id)}
            data-testid={`nav-${s.id}`}
          >
            {s.label}
            {s.id === 'run' && isActive(run.phase) && <span className="pulse" aria-label="running" />}
          </button>
        ))}
      </nav>
      <div className="header-actions">
        <button type="button" onClick={() => void openVia('new')}>
          New project
        </button>
        <button type="button" onClick={() => void openVia('file')}>
          Open project…
        </button>
        {backend.sampleExports && backend.sampleExports.length > 1 ? (
          // The sample's exports open as one project, so their runs share a history (issue 5).
          <details className="sample-menu" data-testid="open-sample-menu">
            <summary>Open sample</summary>
            <div className="sample-menu-list">
              {backend.sampleExports.map((e) => (
                <button
                  key={e.id}
                  type="button"
                  onClick={(event) => {
                    event.currentTarget.closest('details')?.removeAttribute('open');
                    void openVia('sample', e.id);
                  }}
                >
                  {e.label}
                </button>
              ))}
            </div>
          </details>
        ) : (
          <button type="button" onClick={() => void openVia('sample')}>
            Open sample
          </button>
        )}
        <span className="badge" title="Where the pipeline runs">
          {backend.kind === 'electron' ? 'Desktop' : 'Browser'}
        </span>
      </div>
    </header>
  );
}
