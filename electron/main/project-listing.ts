/** The files of an opened project, as the renderer sees them: names relative to the project folder. */
import { readdir, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceFileInfo } from '../../renderer/backend/backend';
import { resolveSourcePath } from '../node/project-files';
import { DATA_EXTENSIONS } from './paths';

/** Size and date of one file name of the project, or null when it is missing or not a file. */
export async function fileInfo(dir: string, name: string): Promise<SourceFileInfo | null> {
  const resolved = resolveSourcePath(dir, name, true);
  if ('issue' in resolved) return null;
  try {
    const info = await stat(resolved.path);
    return info.isFile() ? { name, size: info.size, modified: info.mtime.toISOString() } : null;
  } catch {
    return null;
  }
}

/** The files the project names, then the other export-looking files of its folder (not recursive). */
export async function listProjectFiles(dir: string, project: { sources: readonly { files: readonly string[] }[] }, projectFileName: string): Promise<SourceFileInfo[]> {
  const named = project.sources.flatMap((s) => s.files);
  let others: string[] = [];
  try {
    others = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name !== projectFileName && (DATA_EXTENSIONS as readonly string[]).includes(extname(e.name).slice(1).toLowerCase()))
      .map((e) => e.name);
  } catch {
    // An unreadable folder lists only the named files; reading them reports the problem.
  }
  const names = [...new Set([...named, ...others])];
  const infos = await Promise.all(names.map((name) => fileInfo(dir, name)));
  return infos.filter((i): i is SourceFileInfo => i !== null);
}

/** Every entry name of the folder (to pick free names for copied files). */
export async function takenNames(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}

