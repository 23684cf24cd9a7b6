/**
 * proposeProject: a runnable project from detected export files (`roster-audit init`, and the app when
 * files are dropped into a new project). Rules, in order:
 * - files whose names differ only in digits and that got the same preset are pages of one source;
 * - source ids come from the preset (`okta`) or the file name (a guess), made unique (`okta-2`);
 * - the primary source is the first HR-like one (system hris), else the first identity provider
 *   (idam), else the first;
 * - the join key is employee_id when every source maps one, else email.
 */
import type { ProjectInput, SourceConfig } from '../project/schema';
import type { SourceDetection } from './types';

/** One detected file: its path as the project will name it (relative to the project file). */
export interface DetectedFile {
  path: string;
  detection: SourceDetection;
}

export interface ProposedProject {
  project: ProjectInput;
  /** Per source, the detection it was made from and its files. */
  sources: { id: string; files: string[]; detection: SourceDetection }[];
  /** Why the primary and the key were chosen, and what the user should check. */
  notes: string[];
}

/** A file name without its digits and extension: the pages `users-1.json`, `users-2.json` share it. */
const stem = (path: string): string =>
  (path.split('/').pop() ?? path)
    .replace(/\.[^.]+$/, '')
    .replace(/\d+/g, '#')
    .toLowerCase();

function uniqueId(wanted: string, used: Set<string>): string {
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted.slice(0, 36)}-${n}`;
  used.add(id);
  return id;
}

/** A source of several pages no longer needs the first page's "add the other pages" note. */
function withPages(group: { files: string[]; detection: SourceDetection }): SourceDetection {
  if (group.files.length === 1) return group.detection;
  return {
    ...group.detection,
    notes: group.detection.notes.filter((n) => !n.includes('is one page of a paged export')),
  };
}

/** Builds the project file for detected export files (in the order given). */
export function proposeProject(files: readonly DetectedFile[], options: { name: string }): ProposedProject {
  const groups: { files: string[]; detection: SourceDetection }[] = [];
  for (const file of files) {
    const page = groups.find(
      (g) =>
        g.detection.preset !== 'guess' &&
        g.detection.preset === file.detection.preset &&
        stem(g.files[0]) === stem(file.path),
    );
    if (page) page.files.push(file.path);
    else groups.push({ files: [file.path], detection: file.detection });
  }

  const used = new Set<string>();
  const sources = groups.map((g) => ({
    id: uniqueId(g.detection.sourceId, used),
    files: g.files,
    detection: withPages(g),
  }));
  const configs: SourceConfig[] = sources.map((s) => {
    const { label, system, preset, ...rest } = s.detection.source;
    // Key order as a person writes a source: who it is, then where its files are, then how to read them.
    return {
      id: s.id,
      ...(label === undefined ? {} : { label }),
      system,
      ...(preset === undefined ? {} : { preset }),
      files: s.files,
      ...rest,
    };
  });

  const notes: string[] = [];
  const primary =
    configs.find((s) => s.system === 'hris') ?? configs.find((s) => s.system === 'idam') ?? configs[0];
  if (primary) {
    notes.push(
      primary.system === 'hris'
        ? `primary: "${primary.id}", the first HR source`
        : primary.system === 'idam'
          ? `primary: "${primary.id}", the first identity provider (no HR source)`
          : `primary: "${primary.id}", the first source (no HR source or identity provider)`,
    );
  }
  const everyHas = (attribute: string) =>
    configs.length > 0 && configs.every((s) => Object.hasOwn(s.mapping, attribute));
  const key = everyHas('employee_id') ? 'employee_id' : 'email';
  notes.push(
    key === 'employee_id'
      ? 'join key: employee_id (every source maps one)'
      : `join key: email (${configs
          .filter((s) => !Object.hasOwn(s.mapping, 'employee_id'))
          .map((s) => `"${s.id}"`)
          .join(
            ', ',
          )} ${configs.filter((s) => !Object.hasOwn(s.mapping, 'employee_id')).length === 1 ? 'has' : 'have'} no employee id)`,
  );
  for (const s of configs) {
    if (!Object.hasOwn(s.mapping, key))
      notes.push(`source "${s.id}" maps no ${key}: none of its records can join until one is mapped`);
  }
  for (const s of sources) {
    if (s.detection.preset === 'guess')
      notes.push(`source "${s.id}" was guessed (no preset recognized ${s.files[0]}): check its mapping`);
  }

  return {
    project: {
      version: 1,
      name: options.name,
      primary: primary?.id ?? 'source',
      sources: configs,
      join: { key, fallbackKeys: [], normalize: ['trim', 'lower'], duplicatePolicy: 'prefer-active' },
    },
    sources,
    notes,
  };
}
