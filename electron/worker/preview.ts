/**
 * A source preview for the project screen: load one source's files with core's loader (in the worker,
 * so a large export never blocks main) and report format, encoding, counts, columns and the first rows.
 */
import { ProjectError } from '../../core/issues';
import { describeSource, type SourcePreview } from '../../core/presets/preview';
import { sourceSchema } from '../../core/project/schema';
import type { IpcIssue } from '../ipc/contract';
import { readInputs } from '../node/project-files';
import type { PreviewJob } from './protocol';

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
    return { ok: true, data: describeSource(raw, inputs) };
  } catch (error) {
    if (error instanceof ProjectError) {
      const [first] = error.issues;
      return { ok: false, issue: { message: first?.message ?? error.message, ...(first?.fix ? { fix: first.fix } : {}) } };
    }
    return { ok: false, issue: { message: `The preview failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
