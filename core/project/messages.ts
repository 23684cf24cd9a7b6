/** Message catalog of the project file: every text names the key path and what is allowed. */
import type { Issue } from '../issues';

const error = (code: string, key: string, message: string, fix: string): Issue => ({
  code,
  severity: 'error',
  key,
  message: `${key}: ${message}`,
  fix,
});

/** Line and column of a character offset, 1-based. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export const projectMessages = {
  notJson(file: string, text: string, detail: string): Issue {
    const match = /position (\d+)/.exec(detail);
    const at = match ? lineColumn(text, Number(match[1])) : null;
    return {
      code: 'project.not-json',
      severity: 'error',
      file,
      row: at?.line,
      message: `${file} is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}: ${detail}`,
      fix: 'Fix the JSON syntax (a missing comma or quote is the usual cause), or print a template with `roster-audit schema`.',
    };
  },
  unknownKeys: (key: string, keys: string[]) =>
    error(
      'project.unknown-key',
      key,
      `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      'Remove or rename it; `roster-audit schema` lists every allowed key.',
    ),
  invalidValue: (key: string, allowed: string[]) =>
    error('project.invalid-value', key, `invalid value; allowed: ${allowed.join(', ')}`, `Use one of ${allowed.join(', ')}.`),
  invalid: (key: string, detail: string) =>
    error('project.invalid', key, detail.charAt(0).toLowerCase() + detail.slice(1), 'Correct the value; `roster-audit schema` describes each key.'),
  invalidKey: (key: string, detail: string) =>
    error('project.invalid-key', key, `invalid name: ${detail}`, 'Rename the key; standard attribute names are listed in the README.'),
  duplicateSourceId: (key: string, id: string) =>
    error('project.duplicate-source', key, `source id "${id}" is used twice`, 'Give every source its own id.'),
  unknownPrimary: (primary: string, ids: string[]) =>
    error(
      'project.unknown-primary',
      'primary',
      `no source has the id "${primary}"; sources are ${ids.map((i) => `"${i}"`).join(', ')}`,
      'Set `primary` to the id of the source whose users make the roster (usually the HR system).',
    ),
  keyNotMappedInPrimary: (index: number, source: string, key: string, mapped: string[]) =>
    error(
      'project.key-not-mapped',
      `sources[${index}].mapping`,
      `the joining key "${key}" is not mapped in the primary source "${source}" (it maps ${mapped.join(', ') || 'nothing'})`,
      `Map "${key}" in "${source}", or set join.key to an attribute it maps.`,
    ),
  noKeyMapped: (index: number, source: string, keys: string[]): Issue => ({
    code: 'project.source-unjoinable',
    severity: 'warning',
    key: `sources[${index}].mapping`,
    source,
    message: `sources[${index}].mapping: source "${source}" maps none of the joining keys (${keys.join(', ')}), so none of its records can join`,
    fix: `Map "${keys[0]}" in "${source}", or add an attribute it maps to join.fallbackKeys.`,
  }),
  fallbackRepeatsKey: (key: string) =>
    error('project.fallback-repeats-key', 'join.fallbackKeys', `"${key}" is the joining key itself`, 'Remove it from join.fallbackKeys.'),
  duplicateFilterName: (key: string, name: string) =>
    error('project.duplicate-filter', key, `filter name "${name}" is used twice in this source`, 'Give each filter its own name; counts are reported per name.'),
  unknownPrecedenceSource: (key: string, id: string, ids: string[]) =>
    error('project.unknown-source', key, `no source has the id "${id}"; sources are ${ids.join(', ')}`, 'Name existing source ids only.'),
};
