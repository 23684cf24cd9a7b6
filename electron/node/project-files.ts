/**
 * Node-side reading of a project file and its export files, shared by the CLI and the desktop worker.
 * Paths in a project are relative to the project file. With `contain: true` (the desktop app) a path
 * that leaves the project's folder is refused, so a project file cannot make the app read /etc/passwd.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ProjectError, type Issue } from '../../core/issues';
import { parseProjectText } from '../../core/project/validate';
import type { Project } from '../../core/project/schema';
import type { ChunkedInput, InputFile } from '../../core/types';

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

/** One export file of one source, resolved and checked. */
export interface LocatedInput {
  source: string;
  /** The file as the project names it. */
  name: string;
  path: string;
  size: number;
  modified: string;
}
type Located = LocatedInput;

/** Resolves and stats every export file of every source. Missing or unreadable files are one ProjectError
 * naming each. */
export async function locateInputs(projectFile: Pick<ProjectFile, 'project' | 'dir'>, options: { contain?: boolean } = {}): Promise<Located[]> {
  const issues: Issue[] = [];
  const jobs = projectFile.project.sources.flatMap((source, i) =>
    source.files.map(async (entry, j): Promise<Located | null> => {
      const key = `sources[${i}].files[${j}]`;
      const resolved = resolveSourcePath(projectFile.dir, entry, options.contain ?? false);
      if ('issue' in resolved) {
        issues.push({ code: 'input.path-refused', severity: 'error', key, source: source.id, file: entry, message: `${key}: "${entry}": ${resolved.issue}`, fix: 'Move the file next to the project file and name it relative to it.' });
        return null;
      }
      try {
        const info = await stat(resolved.path);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        // Readable? (stat succeeds on files we may not open)
        await (await open(resolved.path, 'r')).close();
        return { source: source.id, name: entry, path: resolved.path, size: info.size, modified: info.mtime.toISOString() };
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
  return files.filter((f): f is Located => f !== null);
}

/** Reads every export file of every source. Missing or unreadable files are one ProjectError naming each. */
export async function readInputs(
  projectFile: Pick<ProjectFile, 'project' | 'dir'>,
  options: { contain?: boolean } = {},
): Promise<InputFile[]> {
  const located = await locateInputs(projectFile, options);
  return Promise.all(
    located.map(async (f): Promise<InputFile> => {
      const bytes = await readFile(f.path);
      return {
        source: f.source,
        name: f.name,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        modified: f.modified,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}

/** Bytes read from disk at a time when a file is streamed. */
export const READ_CHUNK = 8 * 1024 * 1024;

/** A file on disk as a ChunkedInput: read in chunks when the pipeline asks, hashed (natively) as read.
 * `known`: the digest when it was computed elsewhere (a worker read the file). */
export function diskInput(f: { source: string; name: string; path: string; size: number; modified?: string }, chunk = READ_CHUNK, known?: () => string | undefined): ChunkedInput {
  let digest: string | undefined;
  async function* read(): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha256');
    const handle = await open(f.path, 'r');
    // One buffer for the whole file: a chunk is valid until the next is asked for (ChunkedInput.read), so
    // gigabytes of input cost one buffer, not a heap of dead ones waiting for a collection.
    const buffer = Buffer.allocUnsafeSlow(Math.min(chunk, Math.max(1, f.size)));
    try {
      for (let position = 0; ; ) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
        hash.update(bytes);
        yield bytes;
      }
      digest = hash.digest('hex');
    } finally {
      await handle.close();
    }
  }
  return {
    source: f.source,
    name: f.name,
    size: f.size,
    ...(f.modified === undefined ? {} : { modified: f.modified }),
    read,
    sha256: async () => {
      digest ??= known?.();
      if (digest === undefined) for await (const _ of read()) void _;
      return digest as string;
    },
  };
}

/** Every export file of every source, to be streamed from disk (the CLI at enterprise scale, issue 6).
 * Missing or unreadable files are one ProjectError naming each, as readInputs. */
export async function openInputs(projectFile: Pick<ProjectFile, 'project' | 'dir'>, options: { contain?: boolean } = {}): Promise<ChunkedInput[]> {
  return (await locateInputs(projectFile, options)).map((f) => diskInput(f));
}
