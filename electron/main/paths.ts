/**
 * Path rules of the desktop app, as plain functions. The renderer never names a path: files come from
 * dialogs main opened, or from the project file's own folder, and a project's `files` entries must stay
 * inside that folder (no `..` escapes, no absolute paths). Tested in test/unit/electron/paths.test.ts.
 */
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { resolveSourcePath } from '../node/project-files';
import type { IpcIssue } from '../ipc/contract';
import { isInside } from './security';
import { uniqueName } from '../../core/project/file-names';

/** Checks every `sources[i].files[j]` of a project against its folder; the first refusal, or null. */
export function checkProjectFiles(project: { sources: readonly { id: string; files: readonly string[] }[] }, dir: string): IpcIssue | null {
  for (const [i, source] of project.sources.entries()) {
    for (const [j, entry] of source.files.entries()) {
      const resolved = resolveSourcePath(dir, entry, true);
      if ('issue' in resolved) {
        return {
          message: `sources[${i}].files[${j}] of source "${source.id}" names "${entry}": ${resolved.issue}.`,
          fix: 'Keep export files in the project file\'s folder (or below it) and name them relative to it; "Add source files" copies a file there for you.',
        };
      }
    }
  }
  return null;
}

/** `a\b.csv` -> `a/b.csv`: project files use forward slashes on every platform. */
export function toProjectName(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

/** Characters no file name on any platform may hold: Windows' reserved ones and control characters. */
const replaceReserved = (name: string) => [...name].map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '_' : ch)).join('');
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A base name safe to create in a folder main chose, or null when nothing usable is left of it. */
export function safeFileName(name: string): string | null {
  const base = replaceReserved(basename(name.replace(/\\/g, '/')))
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200);
  if (base === '' || WINDOWS_DEVICE.test(base)) return null;
  return base;
}

/** Re-exported: the browser edition names added files the same way. */
export { uniqueName };

/** What to do with a file the user picked in the "Add source files" dialog. */
export type AddedFilePlan =
  | { kind: 'inside'; name: string }
  | { kind: 'copy'; name: string; from: string; to: string }
  | { kind: 'refused'; issue: IpcIssue };

/**
 * A file already inside the project folder is referenced where it is; any other file is copied into the
 * folder under a free name, so the project file stays self-contained and its paths stay relative.
 */
export function planAddedFile(dir: string, chosen: string, taken: ReadonlySet<string>): AddedFilePlan {
  if (!isAbsolute(chosen)) return { kind: 'refused', issue: { message: `"${chosen}" is not a path a file dialog returns.` } };
  if (isInside(dir, chosen) && chosen !== dir) return { kind: 'inside', name: toProjectName(dir, chosen) };
  const safe = safeFileName(chosen);
  if (!safe) return { kind: 'refused', issue: { message: `"${basename(chosen)}" cannot be used as a file name.`, fix: 'Rename the file and add it again.' } };
  const name = uniqueName(safe, taken);
  return { kind: 'copy', name, from: chosen, to: join(dir, name) };
}

/** Where the bundled sample project is: in resources when packaged (electron-builder extraResources),
 * in the repository's examples/ otherwise. */
export function bundledSampleDir(app: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return app.isPackaged ? join(app.resourcesPath, 'examples', 'acme') : join(app.appPath, 'examples', 'acme');
}

/** The editable copy of the sample, in the user's data folder (the bundled one may be read-only). */
export function sampleCopyDir(userData: string): string {
  return join(userData, 'examples', 'acme');
}

/** Export-file extensions the dialogs offer and the project listing shows. */
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl'] as const;
