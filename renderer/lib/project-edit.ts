/** Pure edits of a project being edited (immutable: each returns a new project). */
import type { ProjectInput } from '../../core/project/schema';
import type { SourceDetection } from '../../core/presets';

export type SourceInput = ProjectInput['sources'][number];

/** Replaces one source by id. */
export function updateSource(project: ProjectInput, sourceId: string, update: (source: SourceInput) => SourceInput): ProjectInput {
  return { ...project, sources: project.sources.map((s) => (s.id === sourceId ? update(s) : s)) };
}

/** Adds file names to a source, keeping its order and skipping names it already lists. */
export function addSourceFiles(project: ProjectInput, sourceId: string, names: string[]): ProjectInput {
  return updateSource(project, sourceId, (s) => ({ ...s, files: [...s.files, ...names.filter((n) => !s.files.includes(n))] }));
}

export function removeSourceFile(project: ProjectInput, sourceId: string, name: string): ProjectInput {
  return updateSource(project, sourceId, (s) => ({ ...s, files: s.files.filter((f) => f !== name) }));
}

/** A new, empty source with an id no other source has. */
export function addSource(project: ProjectInput): { project: ProjectInput; sourceId: string } {
  let n = project.sources.length + 1;
  while (project.sources.some((s) => s.id === `source${n}`)) n++;
  const sourceId = `source${n}`;
  const source: SourceInput = { id: sourceId, system: 'other', files: [], externalId: 'id', mapping: {} };
  return { project: { ...project, sources: [...project.sources, source] }, sourceId };
}

export function removeSource(project: ProjectInput, sourceId: string): ProjectInput {
  return { ...project, sources: project.sources.filter((s) => s.id !== sourceId) };
}

/** Renames, re-targets or removes (value null) one mapping entry, keeping the entries' order. */
export function setMappingEntry(source: SourceInput, name: string, next: { name: string; value: string } | null): SourceInput {
  // Renaming onto another entry's name would silently drop that entry.
  if (next && next.name !== name && next.name in source.mapping) return source;
  const entries = Object.entries(source.mapping).flatMap(([k, v]): [string, string][] => (k !== name ? [[k, v]] : next ? [[next.name, next.value]] : []));
  return { ...source, mapping: Object.fromEntries(entries) };
}

/** The attribute names the primary source maps: the candidates for the joining key. */
export function primaryAttributes(project: ProjectInput): string[] {
  return Object.keys(project.sources.find((s) => s.id === project.primary)?.mapping ?? {});
}

/** The source with a preset's (or the guesser's) proposal applied: system, load options, external id,
 * mapping, processors and filters, and `preset` naming where they came from. Id and files are kept. */
export function applyProposal(source: SourceInput, detection: Pick<SourceDetection, 'preset' | 'label' | 'source'>): SourceInput {
  const proposed = detection.source;
  return {
    ...source,
    ...proposed,
    id: source.id,
    files: source.files,
    label: source.label ?? detection.label,
    preset: detection.preset,
  };
}
