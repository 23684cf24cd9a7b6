/**
 * File handling of the browser edition: the file picker, matching picked files to the names a project
 * file uses, and downloads. Bytes go to IndexedDB through the repository.
 */
import type { ProjectInput } from '../../core/project/schema';
import type { FileEntity } from '../db/entities';

/** Opens the browser's file picker; resolves with no files when the user cancels. */
export function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve(input.files ? [...input.files] : []), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/** True when the file is JSON holding a project (an object with `sources` and `primary`). */
export async function isProjectFile(file: File): Promise<boolean> {
  if (!file.name.toLowerCase().endsWith('.json')) return false;
  try {
    const value: unknown = JSON.parse(await file.text());
    return typeof value === 'object' && value !== null && 'sources' in value && 'primary' in value;
  } catch {
    return false;
  }
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Pairs picked files with the names the project's sources use (`data/hr.csv` matches a picked `hr.csv`). */
export function matchProjectFiles(project: ProjectInput, picked: File[]): { name: string; file: File }[] {
  const byBase = new Map(picked.map((file) => [file.name, file]));
  const names = [...new Set(project.sources.flatMap((s) => s.files))];
  return names.flatMap((name) => {
    const file = byBase.get(baseName(name));
    return file ? [{ name, file }] : [];
  });
}

/** Reads files into storable entities. */
export async function toFileEntities(projectId: string, items: { name: string; file: File }[]): Promise<FileEntity[]> {
  return Promise.all(
    items.map(async ({ name, file }) => ({
      projectId,
      name,
      size: file.size,
      modified: new Date(file.lastModified).toISOString(),
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** Offers text as a download; the browser decides where it goes. */
export function downloadText(name: string, content: string): boolean {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or the download may find no blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/**
 * A picked project's id. A browser gives no file path (the desktop app's identity of a project), so the
 * project's name stands for it: opening next week's project file with next week's exports continues the
 * same history, as reopening the same file does in the desktop app (issue 5). A file without a name falls
 * back to the project file's name.
 */
export function browserProjectId(project: ProjectInput, fileName: string): string {
  const name = typeof project.name === 'string' && project.name.trim() !== '' ? project.name.trim() : fileName;
  return `browser:project:${name}`;
}
