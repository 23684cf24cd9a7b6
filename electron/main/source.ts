/** Handler of `source:preview`: one source's files, loaded in a worker, described for the project screen. */
import type { Handler } from './dispatch';
import { HandlerRefusal } from './dispatch';
import type { MainContext } from './context';
import { checkProjectFiles } from './paths';

export function sourceHandlers(ctx: MainContext): { 'source:preview': Handler<'source:preview'> } {
  return {
    'source:preview': async ({ projectId, project, sourceId }) => {
      const entry = ctx.registry.get(projectId);
      if (!entry) throw new HandlerRefusal({ message: 'This project is not open in the app any more.', fix: 'Open it again with File > Open project.' });
      const refused = checkProjectFiles(project, entry.dir);
      if (refused) throw new HandlerRefusal(refused);
      const result = await ctx.runs.preview({ kind: 'preview', dir: entry.dir, project, sourceId });
      if (!result.ok) throw new HandlerRefusal(result.issue);
      return result.data;
    },
  };
}
