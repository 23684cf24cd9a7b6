/** Handlers of the `project:*` channels: open (dialog), open the sample, create (save dialog), save. */
import { access, cp, mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ProjectInput } from '../../core/project/schema';
import { validateProject } from '../../core/project/validate';
import type { OpenedProject } from '../../renderer/backend/backend';
import { readProjectFile } from '../node/project-files';
import type { Handler } from './dispatch';
import { HandlerRefusal } from './dispatch';
import type { MainContext } from './context';
import { checkProjectFiles, sampleCopyDir } from './paths';
import { listProjectFiles } from './project-listing';

const PROJECT_FILTERS = [{ name: 'Roster Audit project', extensions: ['json'] }];

/** Reads a project file main chose, registers it and describes it for the renderer. */
export async function openProjectAt(ctx: MainContext, path: string): Promise<OpenedProject> {
  const { raw } = await readProjectFile(path);
  const entry = ctx.registry.register(path);
  const project = raw as ProjectInput; // raw passed readProjectFile's validation: it is a ProjectInput
  return { id: entry.id, project, files: await listProjectFiles(entry.dir, project, basename(entry.path)), location: entry.path };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Writes text next to the target and renames it over, so a crash never leaves half a project file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

function serialize(project: ProjectInput): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

export function projectHandlers(ctx: MainContext): {
  'project:open': Handler<'project:open'>;
  'project:open-sample': Handler<'project:open-sample'>;
  'project:create': Handler<'project:create'>;
  'project:save': Handler<'project:save'>;
} {
  return {
    'project:open': async () => {
      const options: OpenDialogOptions = { title: 'Open project', properties: ['openFile'], filters: PROJECT_FILTERS };
      const win = ctx.window();
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const [path] = picked.filePaths;
      return picked.canceled || !path ? null : openProjectAt(ctx, path);
    },

    // The bundled sample may sit in a read-only place (resources of an installed app): it is copied once
    // into userData, and that copy is what the user edits and runs.
    'project:open-sample': async () => {
      const copy = sampleCopyDir(ctx.userData);
      const file = join(copy, 'project.json');
      if (!(await exists(file))) {
        if (!(await exists(join(ctx.sampleDir, 'project.json')))) {
          throw new HandlerRefusal({
            message: `The bundled sample project is missing (looked for ${join(ctx.sampleDir, 'project.json')}).`,
            fix: 'Reinstall the app, or open a project with File > Open project.',
          });
        }
        await mkdir(dirname(copy), { recursive: true });
        await cp(ctx.sampleDir, copy, { recursive: true, errorOnExist: false, force: false });
      }
      return openProjectAt(ctx, file);
    },

    'project:create': async ({ project }) => {
      const options: SaveDialogOptions = {
        title: 'Create project',
        buttonLabel: 'Create',
        defaultPath: join(ctx.documents, 'project.json'),
        filters: PROJECT_FILTERS,
      };
      const win = ctx.window();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return null;
      const entry = ctx.registry.register(picked.filePath);
      const refused = checkProjectFiles(project, entry.dir);
      if (refused) throw new HandlerRefusal(refused);
      // A new project may be incomplete (no files yet): it is written as it is; project:save validates.
      await writeFileAtomic(entry.path, serialize(project));
      return { id: entry.id, project, files: await listProjectFiles(entry.dir, project, basename(entry.path)), location: entry.path };
    },

    'project:save': async ({ projectId, project }) => {
      const entry = ctx.registry.get(projectId);
      if (!entry) throw new HandlerRefusal({ message: 'This project is not open in the app any more.', fix: 'Open it again with File > Open project.' });
      const refused = checkProjectFiles(project, entry.dir);
      if (refused) throw new HandlerRefusal(refused);
      const { issues } = validateProject(project);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
        throw new HandlerRefusal({ message: `Not saved: ${errors[0].message}${more}`, ...(errors[0].fix ? { fix: errors[0].fix } : {}) });
      }
      await writeFileAtomic(entry.path, serialize(project));
      return null;
    },
  };
}
