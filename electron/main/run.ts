/** Handlers of `run:start` and `run:cancel`. The run's rows never come through here: see runs.ts. */
import { webContents } from 'electron';
import type { Handler } from './dispatch';
import { HandlerRefusal } from './dispatch';
import type { MainContext } from './context';
import { checkProjectFiles } from './paths';

/** Today's date on this machine, YYYY-MM-DD (local time: the user's idea of "today"). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function runHandlers(ctx: MainContext): { 'run:start': Handler<'run:start'>; 'run:cancel': Handler<'run:cancel'> } {
  return {
    'run:start': async ({ projectId, project, asOf }, sender) => {
      const entry = ctx.registry.get(projectId);
      if (!entry) throw new HandlerRefusal({ message: 'This project is not open in the app any more.', fix: 'Open it again with File > Open project.' });
      const refused = checkProjectFiles(project, entry.dir);
      if (refused) throw new HandlerRefusal(refused);
      const target = webContents.fromId(sender.webContentsId);
      if (!target) throw new HandlerRefusal({ message: 'The window that asked for the run is gone.' });
      const runId = ctx.runs.start(target, { kind: 'run', dir: entry.dir, project, today: localToday(new Date()), ...(asOf ? { asOf } : {}) });
      return { runId };
    },
    'run:cancel': async ({ runId }, sender) => ({ cancelled: ctx.runs.cancel(runId, sender.webContentsId) }),
  };
}
