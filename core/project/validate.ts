/**
 * Turns a parsed project file into a validated `Project`, or into issues that each name the key path
 * (`sources[2].mapping.email`) and what is allowed. Schema checks come from zod; the cross-field checks
 * (the primary exists, ids are unique, the joining key is mapped) are here.
 */
import type { z } from 'zod';
import type { Issue } from '../issues';
import { projectSchema, type Project } from './schema';
import { projectMessages as m } from './messages';

/** `['sources', 2, 'mapping', 'email']` -> `sources[2].mapping.email` */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z_$][\w$]*$/.test(String(part))) out += `[${JSON.stringify(String(part))}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(top level)';
}

function zodIssueToIssue(issue: z.core.$ZodIssue): Issue {
  const key = keyPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return m.unknownKeys(key, issue.keys);
    case 'invalid_value':
      return m.invalidValue(key, issue.values.map((v) => JSON.stringify(v)));
    case 'invalid_key':
      return m.invalidKey(key, issue.issues[0]?.message ?? issue.message);
    default:
      return m.invalid(key, issue.message);
  }
}

/** Validates a project object (already parsed from JSON). */
export function validateProject(raw: unknown): { project: Project | null; issues: Issue[] } {
  const parsed = projectSchema.safeParse(raw);
  if (!parsed.success) return { project: null, issues: parsed.error.issues.map(zodIssueToIssue) };
  const project = parsed.data;
  const issues = crossChecks(project);
  return { project: issues.some((i) => i.severity === 'error') ? null : project, issues };
}

function crossChecks(project: Project): Issue[] {
  const issues: Issue[] = [];
  const ids = project.sources.map((s) => s.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push(m.duplicateSourceId(`sources[${i}].id`, id));
  });
  const primaryIndex = ids.indexOf(project.primary);
  if (primaryIndex < 0) {
    issues.push(m.unknownPrimary(project.primary, ids));
    return issues;
  }
  const { key, fallbackKeys } = project.join;
  const primary = project.sources[primaryIndex];
  if (!(key in primary.mapping)) issues.push(m.keyNotMappedInPrimary(primaryIndex, primary.id, key, Object.keys(primary.mapping)));
  if (fallbackKeys.includes(key)) issues.push(m.fallbackRepeatsKey(key));
  project.sources.forEach((source, i) => {
    if (i === primaryIndex) return;
    const keys = [key, ...fallbackKeys];
    if (!keys.some((k) => k in source.mapping)) issues.push(m.noKeyMapped(i, source.id, keys));
    const names = source.filters.map((f) => f.name);
    names.forEach((name, j) => {
      if (names.indexOf(name) !== j) issues.push(m.duplicateFilterName(`sources[${i}].filters[${j}].name`, name));
    });
  });
  const primaryNames = primary.filters.map((f) => f.name);
  primaryNames.forEach((name, j) => {
    if (primaryNames.indexOf(name) !== j) issues.push(m.duplicateFilterName(`sources[${primaryIndex}].filters[${j}].name`, name));
  });
  for (const [attribute, sources] of Object.entries(project.attributes)) {
    sources.forEach((sourceId, j) => {
      if (!ids.includes(sourceId)) issues.push(m.unknownPrecedenceSource(`attributes.${attribute}[${j}]`, sourceId, ids));
    });
  }
  return issues;
}

/** Parses project-file text (JSON) and validates it; syntax errors name the line and column. */
export function parseProjectText(text: string, fileName: string): { project: Project | null; issues: Issue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { project: null, issues: [m.notJson(fileName, text, error instanceof Error ? error.message : String(error))] };
  }
  const result = validateProject(raw);
  return { project: result.project, issues: result.issues.map((i) => ({ ...i, file: i.file ?? fileName })) };
}
