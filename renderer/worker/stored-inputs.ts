/**
 * The stored bytes of the files a project's sources name, as pipeline inputs (browser edition). Read by
 * the pipeline worker itself, from its own connection to the app's IndexedDB: a 1,000,000-user project is
 * about 2 GB of exports, and reading them on the page blocked it for as long as that took.
 */
import type { InputFile } from '../../core/types';
import type { ProjectInput } from '../../core/project/schema';
import type { Repo } from '../db/repo';

/** Inputs of every source, or of `onlySource`; names with no stored file are left out (the pipeline then
 * reports the source's missing files, naming them). */
export async function storedInputs(repo: Pick<Repo, 'getFiles'>, projectId: string, project: ProjectInput, onlySource?: string): Promise<InputFile[]> {
  const sources = project.sources.filter((s) => !onlySource || s.id === onlySource);
  const stored = await repo.getFiles(projectId, [...new Set(sources.flatMap((s) => s.files))]);
  const byName = new Map(stored.map((f) => [f.name, f]));
  return sources.flatMap((source) =>
    source.files.flatMap((name) => {
      const file = byName.get(name);
      if (!file) return [];
      const input: InputFile = { source: source.id, name, bytes: file.bytes };
      if (file.modified) input.modified = file.modified;
      return [input];
    }),
  );
}
