/**
 * A source preview for the project screen: load one source's files with core's loader (in the worker,
 * so a large export never blocks main) and report format, encoding, counts, columns and the first rows.
 */
import { ProjectError } from '../../core/issues';
import { loadSource } from '../../core/load';
import { sourceSchema } from '../../core/project/schema';
import type { SourcePreview } from '../../renderer/backend/backend';
import type { IpcIssue } from '../ipc/contract';
import { readInputs } from '../node/project-files';
import type { PreviewJob } from './protocol';

export const PREVIEW_ROWS = 20;

type PreviewResult = { ok: true; data: SourcePreview } | { ok: false; issue: IpcIssue };

export async function previewSource(job: PreviewJob): Promise<PreviewResult> {
  const raw = job.project.sources.find((s) => s.id === job.sourceId);
  if (!raw) return { ok: false, issue: { message: `The project has no source "${job.sourceId}".` } };
  const parsed = sourceSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      issue: { message: `Source "${job.sourceId}" is not complete yet: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim(), fix: 'Fill in the source, then preview it again.' },
    };
  }
  const source = parsed.data;
  try {
    // readInputs reads only the sources it is given; containment in the project folder is enforced.
    const project = { ...job.project, sources: [source] } as Parameters<typeof readInputs>[0]['project'];
    const inputs = await readInputs({ project, dir: job.dir }, { contain: true });
    const loaded = loadSource(source, inputs);
    return {
      ok: true,
      data: {
        sourceId: source.id,
        files: loaded.files.map((f) => ({
          name: f.file,
          format: f.format,
          records: f.records.length,
          ...(f.encoding ? { encoding: f.encoding } : {}),
          ...(f.delimiter ? { delimiter: f.delimiter } : {}),
        })),
        columns: loaded.columns,
        sample: loaded.records.slice(0, PREVIEW_ROWS).map((r) => r.raw),
        issues: loaded.issues.map((i) => ({ severity: i.severity, message: i.message, ...(i.fix ? { fix: i.fix } : {}) })),
      },
    };
  } catch (error) {
    if (error instanceof ProjectError) {
      const [first] = error.issues;
      return { ok: false, issue: { message: first?.message ?? error.message, ...(first?.fix ? { fix: first.fix } : {}) } };
    }
    return { ok: false, issue: { message: `The preview failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
