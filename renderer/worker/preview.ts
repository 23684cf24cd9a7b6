/**
 * What a source's files look like, for the project screen: per file the detected format, encoding,
 * delimiter and record count, the columns, the first records and the load issues. Runs in the worker.
 */
import { loadSource } from '../../core/load';
import { sourceSchema, type ProjectInput } from '../../core/project/schema';
import type { InputFile } from '../../core/types';
import type { SourcePreview } from '../backend/backend';
import { PREVIEW_ROWS } from './protocol';

export function previewSource(project: ProjectInput, sourceId: string, files: InputFile[]): SourcePreview {
  const input = project.sources.find((s) => s.id === sourceId);
  if (!input) throw new Error(`The project has no source "${sourceId}".`);
  // Defaults (format "auto", no processors...) filled in; a mapping still being edited must not block
  // the preview, so an invalid source is previewed with its load options only.
  const parsed = sourceSchema.safeParse(input);
  const source = parsed.success ? parsed.data : sourceSchema.parse({ id: input.id, system: input.system, files: input.files.length ? input.files : ['?'], externalId: 'id', mapping: {} });
  const loaded = loadSource(source, files);
  const missing = input.files.filter((name) => !files.some((f) => f.name === name));
  return {
    sourceId,
    files: loaded.files.map((f) => ({
      name: f.file,
      format: f.format,
      records: f.records.length,
      ...(f.encoding ? { encoding: f.encoding } : {}),
      ...(f.delimiter ? { delimiter: f.delimiter } : {}),
    })),
    columns: loaded.columns,
    sample: loaded.records.slice(0, PREVIEW_ROWS).map((r) => r.raw),
    issues: [
      ...missing.map((name) => ({ severity: 'error', message: `${name} is listed in the source but has not been added.`, fix: 'Add the file (drop it here or use "Add files…").' })),
      ...loaded.issues.map((i) => ({ severity: i.severity, message: i.message, ...(i.fix ? { fix: i.fix } : {}) })),
    ],
  };
}
