/** Handler of `export:save-text`: text the user exports (roster CSV), written where a save dialog says. */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { dialog, type SaveDialogOptions } from 'electron';
import type { Handler } from './dispatch';
import type { MainContext } from './context';
import { safeFileName } from './paths';

export function exportHandlers(ctx: MainContext): { 'export:save-text': Handler<'export:save-text'> } {
  return {
    'export:save-text': async ({ suggestedName, content }) => {
      // The renderer only suggests a base name; the folder and the final name come from the dialog.
      const name = safeFileName(suggestedName) ?? 'export.txt';
      const ext = extname(name).slice(1).toLowerCase();
      const options: SaveDialogOptions = {
        title: 'Export',
        defaultPath: join(ctx.documents, name),
        filters: ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [],
      };
      const win = ctx.window();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return { saved: false };
      await writeFile(picked.filePath, content, 'utf8');
      return { saved: true };
    },
  };
}
