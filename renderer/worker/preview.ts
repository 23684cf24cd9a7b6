/**
 * The browser worker's source preview: core's describeSource over the files the user added.
 */
import { describeSource, type SourcePreview } from '../../core/presets/preview';
import type { ProjectInput } from '../../core/project/schema';
import type { InputFile } from '../../core/types';

export function previewSource(project: ProjectInput, sourceId: string, files: InputFile[]): SourcePreview {
  const input = project.sources.find((s) => s.id === sourceId);
  if (!input) throw new Error(`The project has no source "${sourceId}".`);
  return describeSource(input, files);
}
