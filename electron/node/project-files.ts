/**
 * Node-side reading of a project file and its export files, shared by the CLI and the desktop worker.
 * Paths in a project are relative to the project file. With `contain: true` (the desktop app) a path
 * that leaves the project's folder is refused, so a project file cannot make the app read /etc/passwd.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ProjectError, type Issue } from '../../core/issues';
import { parseProjectText } from '../../core/project/validate';
import type { Project } from '../../core/project/schema';
import type { InputFile } from '../../core/types';

export interface ProjectFile {
  project: Project;
  /** The folder the project's file paths are relative to. */
  dir: string;
  path: string;
  raw: unknown;
}

/** Reads and validates a project file. Throws ProjectError with issues naming the key paths. */
export async function readProjectFile(path: string): Promise<ProjectFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ProjectError([
      {
        code: 'project.unreadable',
        severity: 'error',
        file: path,
        message: `Cannot read the project file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        fix: 'Check the path; `roster-audit run examples/acme/project.json` runs the bundled sample.',
      },
    ]);
  }
  const { project, issues } = parseProjectText(text.replace(/^\uFEFF/, ''), path);
  if (!project) throw new ProjectError(issues.filter((i) => i.severity === 'error'));
  return { project, dir: dirname(resolve(path)), path: resolve(path), raw: JSON.parse(text.replace(/^\uFEFF/, '')) };
}

/** Resolves one file entry of a source against the project folder. */
export function resolveSourcePath(dir: string, entry: string, contain: boolean): { path: string } | { issue: string } {
  if (contain && isAbsolute(entry)) return { issue: 'an absolute path is not allowed here; name the file relative to the project file' };
  const path = resolve(dir, entry);
  const rel = relative(dir, path);
  if (contain && (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) {
    return { issue: 'the path leaves the project folder; keep export files in the project file\'s folder or below it' };
  }
  return { path };
}

/** Reads every export file of every source. Missing or unreadable files are one ProjectError naming each. */
export async function readInputs(
  projectFile: Pick<ProjectFile, 'project' | 'dir'>,
  options: { contain?: boolean } = {},
): Promise<InputFile[]> {
  const issues: Issue[] = [];
  const jobs = projectFile.project.sources.flatMap((source, i) =>
    source.files.map(async (entry, j): Promise<InputFile | null> => {
      const key = `sources[${i}].files[${j}]`;
      const resolved = resolveSourcePath(projectFile.dir, entry, options.contain ?? false);
      if ('issue' in resolved) {
        issues.push({ code: 'input.path-refused', severity: 'error', key, source: source.id, file: entry, message: `${key}: "${entry}": ${resolved.issue}`, fix: 'Move the file next to the project file and name it relative to it.' });
        return null;
      }
      try {
        const [bytes, info] = await Promise.all([readFile(resolved.path), stat(resolved.path)]);
        return {
          source: source.id,
          name: entry,
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          modified: info.mtime.toISOString(),
          sha256: createHash('sha256').update(bytes).digest('hex'),
        };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        issues.push({
          code: 'input.unreadable',
          severity: 'error',
          key,
          source: source.id,
          file: entry,
          message: `${key}: cannot read "${entry}" of source "${source.id}" (${code === 'ENOENT' ? 'no such file' : code ?? String(error)}; looked at ${resolved.path})`,
          fix: 'Check the file name; paths are relative to the project file.',
        });
        return null;
      }
    }),
  );
  const files = await Promise.all(jobs);
  if (issues.length > 0) throw new ProjectError(issues);
  return files.filter((f): f is InputFile => f !== null);
}
