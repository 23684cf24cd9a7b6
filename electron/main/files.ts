/** Handler of `files:add`: export files picked in a dialog main opens, or dropped on the window. */
import { constants } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dialog, type OpenDialogOptions } from 'electron';
import type { SourceFileInfo } from '../../renderer/backend/backend';
import type { Handler } from './dispatch';
import { HandlerRefusal } from './dispatch';
import type { MainContext } from './context';
import { DATA_EXTENSIONS, planAddedFile, safeFileName, uniqueName } from './paths';
import { fileInfo, takenNames } from './project-listing';

export function filesHandlers(ctx: MainContext): { 'files:add': Handler<'files:add'> } {
  return {
    'files:add': async ({ projectId, dropped }) => {
      const entry = ctx.registry.get(projectId);
      if (!entry) throw new HandlerRefusal({ message: 'This project is not open in the app any more.', fix: 'Open it again with File > Open project.' });
      const taken = await takenNames(entry.dir);
      const added: SourceFileInfo[] = [];

      if (dropped) {
        // Dropped files arrive as bytes: main alone decides where they go (the project folder, a free name).
        for (const file of dropped) {
          const safe = safeFileName(file.name);
          if (!safe) throw new HandlerRefusal({ message: `"${file.name}" cannot be used as a file name.`, fix: 'Rename the file and drop it again.' });
          const name = uniqueName(safe, taken);
          await writeFile(join(entry.dir, name), file.bytes, { flag: 'wx' });
          taken.add(name);
          const info = await fileInfo(entry.dir, name);
          if (info) added.push(info);
        }
        return added;
      }

      const options: OpenDialogOptions = {
        title: 'Add source files',
        defaultPath: entry.dir,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'User exports', extensions: [...DATA_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const win = ctx.window();
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (picked.canceled) return [];
      for (const chosen of picked.filePaths) {
        const plan = planAddedFile(entry.dir, chosen, taken);
        if (plan.kind === 'refused') throw new HandlerRefusal(plan.issue);
        if (plan.kind === 'copy') {
          await copyFile(plan.from, plan.to, constants.COPYFILE_EXCL);
          taken.add(plan.name);
        }
        const info = await fileInfo(entry.dir, plan.name);
        if (info) added.push(info);
      }
      return added;
    },
  };
}
