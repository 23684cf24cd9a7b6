/**
 * "Drop all your exports here" (issue 7): each added file is recognized by a preset (or guessed), files
 * of one paged export become one source, and the result is merged into the open project. The same
 * core/presets `proposeProject` as `roster-audit init`, so the app and the CLI propose the same project.
 */
import { proposeProject, type DetectedFile, type ProposedProject } from '../../core/presets';
import type { ProjectInput } from '../../core/project/schema';
import type { Backend, SourceFileInfo } from '../backend/backend';
import { uniqueName } from '../../core/project/file-names';

// A source id the schema accepts; the probe project only ever holds this one source.
const PROBE = 'probe';

/** Recognizes each added file on its own, through the backend's worker (the files are read there). */
export async function detectAddedFiles(backend: Backend, projectId: string, project: ProjectInput, files: SourceFileInfo[]): Promise<{ detected: DetectedFile[]; unreadable: string[] }> {
  const detected: DetectedFile[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const probe: ProjectInput = { ...project, sources: [{ id: PROBE, system: 'other', files: [file.name], externalId: 'id', mapping: {} }] };
    const preview = await backend.previewSource(projectId, probe, PROBE);
    if (preview.detection && preview.files.some((f) => f.records > 0)) detected.push({ path: file.name, detection: preview.detection });
    else unreadable.push(`${file.name}: ${preview.issues[0]?.message ?? 'no records found'}`);
  }
  return { detected, unreadable };
}

/** The project after a proposal, what to tell the user, and the sources added (with their detection). */
export interface MergedProposal {
  project: ProjectInput;
  notes: string[];
  added: ProposedProject['sources'];
}

/** True when the project has no files yet (a new project): a proposal replaces its sources. */
export function isBlankProject(project: ProjectInput): boolean {
  return project.sources.every((s) => s.files.length === 0);
}

/**
 * The open project with the proposal merged in. A blank project takes the proposal's sources, primary
 * and joining key (its name, export date, enablement and deletion settings stay). A project that already
 * has files keeps its sources, primary and key, and gets the new sources after them, with ids it does not
 * use yet.
 */
export function mergeProposal(project: ProjectInput, proposal: ProposedProject): MergedProposal {
  if (isBlankProject(project)) {
    const { project: proposed } = proposal;
    return { project: { ...project, primary: proposed.primary, sources: proposed.sources, join: proposed.join }, notes: proposal.notes, added: proposal.sources };
  }
  const taken = new Set(project.sources.map((s) => s.id));
  const renamed = new Map<string, string>();
  const added = proposal.project.sources.map((s) => {
    const id = uniqueName(s.id, taken);
    taken.add(id);
    renamed.set(s.id, id);
    return { ...s, id };
  });
  // Primary and key stay the project's: only the notes about the new sources carry over.
  const notes = proposal.notes
    .filter((n) => !n.startsWith('primary:') && !n.startsWith('join key:'))
    .map((n) => n.replace(/source "([^"]+)"/g, (_, id: string) => `source "${renamed.get(id) ?? id}"`));
  const key = project.join?.key ?? 'email';
  for (const s of added) if (!Object.hasOwn(s.mapping, key) && !notes.some((n) => n.includes(`"${s.id}" maps no`))) notes.push(`source "${s.id}" maps no ${key}: none of its records can join until one is mapped`);
  return { project: { ...project, sources: [...project.sources, ...added] }, notes, added: proposal.sources.map((s) => ({ ...s, id: renamed.get(s.id) ?? s.id })) };
}

/** Detects the added files and proposes them as sources: what the project screen's exports drop does. */
export async function proposeFromExports(
  backend: Backend,
  projectId: string,
  project: ProjectInput,
  files: SourceFileInfo[],
): Promise<MergedProposal & { unreadable: string[] }> {
  const { detected, unreadable } = await detectAddedFiles(backend, projectId, project, files);
  if (detected.length === 0) return { project, notes: [], added: [], unreadable };
  return { ...mergeProposal(project, proposeProject(detected, { name: project.name })), unreadable };
}
