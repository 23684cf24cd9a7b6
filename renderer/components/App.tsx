import { useEffect, useMemo } from 'react';
import type { Backend } from '../backend/backend';
import { useHashScreen } from '../hooks/useHashScreen';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { useProjectSession } from '../hooks/useProjectSession';
import { AppContext } from '../lib/app-context';
import { RunRecorder } from '../lib/run-recorder';
import { trackDeletions } from '../worker/history-client';
import { createRunWriter } from '../worker/store-client';
import type { ScreenId } from '../lib/screens';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { AppHeader } from './shell/AppHeader';
import { Notices } from './shell/Notices';
import { ProjectScreen } from './project/ProjectScreen';
import { RunScreen } from './run/RunScreen';
import { OverviewScreen } from './overview/OverviewScreen';
import { RosterScreen } from './roster/RosterScreen';
import { HistoryScreen } from './history/HistoryScreen';
import { CompareScreen } from './compare/CompareScreen';
import { AuditScreen } from './audit/AuditScreen';
import { ExplainScreen } from './audit/ExplainScreen';

function Screen({ id }: { id: ScreenId }) {
  switch (id) {
    case 'project':
      return <ProjectScreen />;
    case 'run':
      return <RunScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'roster':
      return <RosterScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'compare':
      return <CompareScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'explain':
      return <ExplainScreen />;
  }
}

/** The whole app over one backend. Tests render it with a fake backend. */
export function App({ backend, recorder: given }: { backend: Backend; recorder?: RunRecorder }) {
  // Deletion tracking (issue 5) runs between a run's last row and its completion.
  const recorder = useMemo(() => given ?? new RunRecorder(createRunWriter(), Date.now, trackDeletions), [given]);
  const [screen, navigate] = useHashScreen();
  const session = useProjectSession(backend, recorder, navigate);
  useMenuCommands(session);

  // Closing the page mid-run: stop the worker and try to drop the half-written run (startup purges
  // whatever this could not finish).
  useEffect(() => {
    const onPageHide = () => recorder.cancel();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [recorder]);

  return (
    <AppContext.Provider value={session}>
      <div className="app">
        <AppHeader screen={screen} />
        <Notices />
        <main className="screen" id="main">
          <ErrorBoundary key={screen}>
            {session.project ? <Screen id={screen} /> : <p className="muted" role="status">Opening the project…</p>}
          </ErrorBoundary>
        </main>
      </div>
    </AppContext.Provider>
  );
}
