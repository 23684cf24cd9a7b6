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

/** The value at a zod path in the raw project, for messages ("0 is too small"). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function zodIssueToIssue(issue: z.core.$ZodIssue, raw: unknown): Issue {
  const key = keyPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return m.unknownKeys(key, issue.keys);
    case 'invalid_value':
      return m.invalidValue(key, issue.values.map((v) => JSON.stringify(v)));
    case 'invalid_key':
      return m.invalidKey(key, issue.issues[0]?.message ?? issue.message);
    case 'invalid_type':
      return m.wrongType(key, issue.expected, valueAt(raw, issue.path), issue.message);
    case 'too_small':
    case 'too_big':
      return m.outOfRange(key, issue.code === 'too_small' ? 'min' : 'max', issue.code === 'too_small' ? Number(issue.minimum) : Number(issue.maximum), issue.origin, valueAt(raw, issue.path), issue.message);
    default:
      return m.invalid(key, issue.message);
  }
}

/** Validates a project object (already parsed from JSON). */
export function validateProject(raw: unknown): { project: Project | null; issues: Issue[] } {
  const parsed = projectSchema.safeParse(raw);
  if (!parsed.success) return { project: null, issues: parsed.error.issues.map((issue) => zodIssueToIssue(issue, raw)) };
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
    issues.push(...duplicateFilters(source.filters, i));
  });
  issues.push(...duplicateFilters(primary.filters, primaryIndex));
  for (const [attribute, sources] of Object.entries(project.attributes)) {
    sources.forEach((sourceId, j) => {
      if (!ids.includes(sourceId)) issues.push(m.unknownPrecedenceSource(`attributes.${attribute}[${j}]`, sourceId, ids));
    });
  }
  return issues;
}

/** One issue per filter name used more than once in a source (at its second use), however many times:
 * 10,000 copies of one rule make one line, not 9,999 (issue 8). */
function duplicateFilters(filters: readonly { name: string }[], sourceIndex: number): Issue[] {
  const uses = new Map<string, number[]>();
  filters.forEach((f, j) => {
    const at = uses.get(f.name);
    if (at) at.push(j);
    else uses.set(f.name, [j]);
  });
  return [...uses]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => m.duplicateFilterName(`sources[${sourceIndex}].filters[${at[1]}].name`, name, at.length));
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
