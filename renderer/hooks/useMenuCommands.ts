import { useEffect, useRef } from 'react';
import { repo } from '../db/repo';
import type { AppContextValue } from '../lib/app-context';
import { requestAddFiles } from '../lib/commands';
import { errorText } from '../lib/errors';
import { exportRoster } from '../lib/export-roster';
import { formatCount } from '../lib/format';

/** Carries out the desktop app's menu commands (the browser edition has no menu: nothing subscribes). */
export function useMenuCommands(session: AppContextValue): void {
  // The latest session, read when a command arrives: the subscription itself is made once per backend.
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  }, [session]);

  const { backend } = session;
  useEffect(() => {
    if (!backend.onMenuCommand) return;
    return backend.onMenuCommand((command) => {
      const s = latest.current;
      switch (command) {
        case 'project:new':
          return void s.openVia('new');
        case 'project:open':
          return void s.openVia('file');
        case 'files:add':
          s.navigate('project');
          return requestAddFiles();
        case 'run:start':
          return void s.startRun();
        case 'export:roster':
          return void (async () => {
            const runs = await repo.listRuns(s.project?.id ?? '');
            const run = runs.find((r) => r.id === s.selectedRunId) ?? runs[0];
            if (!run) return s.notify('error', 'There is no complete run to export yet: run the project first.');
            const written = await exportRoster(backend, run);
            if (written !== null) s.notify('info', `Exported ${formatCount(written)} users to roster.csv.`);
          })().catch((error: unknown) => s.notify('error', `The roster could not be exported: ${errorText(error)}`));
      }
    });
  }, [backend]);
}
