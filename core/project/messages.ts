/** Message catalog of the project file: every text names the key path and what is allowed. */
import type { Issue } from '../issues';
import { locateJsonError, lineColumn as jsonLineColumn } from '../load/json-locate';
import { closestName } from '../map/suggest';

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
    // Node 20's JSON.parse gives no position ("Unexpected token ']', ...\"  }\n]\" is not valid JSON"):
    // the loader's scanner finds it, and says what was wrong in words.
    const place = match ? null : locateJsonError(text);
    const at = match ? lineColumn(text, Number(match[1])) : place ? jsonLineColumn(text, place.offset) : null;
    const trailingComma = place !== null && /^[\]}]/.test(text.slice(place.offset)) && /,\s*$/.test(text.slice(0, place.offset));
    const what = trailingComma ? `a comma before "${text[place.offset]}" (JSON allows no comma after the last item)` : place ? place.detail || 'the text ends too early' : detail;
    return {
      code: 'project.not-json',
      severity: 'error',
      file,
      row: at?.line,
      message: `${file} is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}: ${what}`,
      fix: trailingComma
        ? `Remove the comma before line ${at?.line}, column ${at?.column}.`
        : 'Fix the JSON syntax (a missing comma or quote is the usual cause), or print a template with `roster-audit schema`.',
    };
  },
  unknownKeys: (key: string, keys: string[]) => {
    const meant = keys.map((k) => [k, closestName(k, PROJECT_KEYS)] as const).filter(([k, c]) => c !== null && c !== k);
    const didYouMean = meant.map(([k, c]) => `"${k}" -> "${c}"`).join(', ');
    return error(
      'project.unknown-key',
      key,
      `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${meant.length ? ` (did you mean ${meant.map(([, c]) => `"${c}"`).join(', ')}?)` : ''}`,
      meant.length ? `Rename ${didYouMean}, or remove ${keys.length > 1 ? 'them' : 'it'}; \`roster-audit schema\` lists every allowed key.` : 'Remove or rename it; `roster-audit schema` lists every allowed key.',
    );
  },
  /** A key of the wrong JSON type, or a required key that is missing. */
  wrongType: (key: string, expected: string, value: unknown, detail: string) => {
    const last = /([A-Za-z_$][\w$]*)$/.exec(key)?.[1] ?? key;
    if (value === undefined)
      return error('project.missing-key', key, `this key is required but missing (${describeType(expected)})`, hintFor(key) ?? `Add "${last}" (${describeType(expected)}); \`roster-audit schema\` shows its form.`);
    const fix =
      expected === 'array' && typeof value === 'string'
        ? `Write it as a list: ${JSON.stringify([value])}.`
        : (expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
          ? `Write the number without quotes: ${Number(value)}.`
          : (hintFor(key) ?? `Write ${describeType(expected)}; \`roster-audit schema\` describes each key.`);
    return error('project.invalid', key, `expected ${describeType(expected)}, found ${describeValue(value)}${detail.startsWith('Invalid input') ? '' : ` (${detail})`}`, fix);
  },
  /** A number, text or list outside its allowed range. */
  outOfRange: (key: string, side: 'min' | 'max', bound: number, origin: string, value: unknown, detail: string) => {
    const custom = !/^Too (small|big)/.test(detail);
    if (origin === 'string' && side === 'min' && bound === 1)
      return error('project.out-of-range', key, custom ? detail.charAt(0).toLowerCase() + detail.slice(1) : 'must not be empty', hintFor(key) ?? `Write a value in ${key}, or remove the key.`);
    const limit = origin === 'number' || origin === 'int' ? `${side === 'min' ? 'at least' : 'at most'} ${bound}` : origin === 'array' ? `${side === 'min' ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}` : `${side === 'min' ? 'at least' : 'at most'} ${bound} character${bound === 1 ? '' : 's'}`;
    const shown = typeof value === 'number' ? `${value} is too ${side === 'min' ? 'small' : 'big'}` : `too ${side === 'min' ? 'short' : 'long'}`;
    const message = custom ? detail.charAt(0).toLowerCase() + detail.slice(1) : `${shown}: it must be ${limit}`;
    return error('project.out-of-range', key, message, hintFor(key) ?? `Set ${key} to a value ${limit}.`);
  },
  invalidValue: (key: string, allowed: string[]) =>
    error('project.invalid-value', key, `invalid value; allowed: ${allowed.join(', ')}`, `Use one of ${allowed.join(', ')}.`),
  invalid: (key: string, detail: string) =>
    error('project.invalid', key, detail.charAt(0).toLowerCase() + detail.slice(1), hintFor(key) ?? 'Correct the value; `roster-audit schema` describes each key.'),
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
  duplicateFilterName: (key: string, name: string, uses = 2) =>
    error('project.duplicate-filter', key, `filter name "${name}" is used ${uses === 2 ? 'twice' : `${uses} times`} in this source`, 'Give each filter its own name; counts are reported per name.'),
  unknownPrecedenceSource: (key: string, id: string, ids: string[]) =>
    error('project.unknown-source', key, `no source has the id "${id}"; sources are ${ids.join(', ')}`, 'Name existing source ids only.'),
};

/** Every key a project file may have, at any level: for "did you mean" on an unknown key. */
const PROJECT_KEYS = [
  '$schema', 'version', 'name', 'asOf', 'sources', 'primary', 'join', 'attributes', 'enablement', 'deletion',
  'id', 'label', 'system', 'files', 'format', 'csv', 'json', 'externalId', 'mapping', 'processors', 'filters', 'preset',
  'delimiter', 'encoding', 'recordsPath', 'key', 'fallbackKeys', 'normalize', 'duplicatePolicy', 'mode', 'users', 'rule',
  'windowDays', 'safeguardCount', 'safeguardShare', 'when', 'enabled', 'type', 'from', 'maxAgeDays',
];

/** What to write, for the keys whose allowed values a generic "correct the value" does not explain. */
const HINTS: Record<string, string> = {
  name: 'Give the project a name of 1 to 120 characters.',
  asOf: 'Write the export date as YYYY-MM-DD, e.g. "asOf": "2026-11-02", or leave asOf out to use the newest file\'s date.',
  primary: 'Set primary to the id of an existing source (lower-case letters, digits, "-" or "_").',
  sources: 'Add at least one source: { "id": "hr", "system": "hris", "files": ["hr.csv"], "externalId": "<id column>", "mapping": { "email": "<email column>" } }.',
  'sources[n].id': 'Use a short id of lower-case letters, digits, "-" or "_" that starts with a letter, such as "workday" or "okta-users"; primary and attributes name sources by it.',
  'sources[n].files': 'List the export files of the source, relative to the project file: "files": ["hr.csv"].',
  'sources[n].mapping': 'Map attributes to columns, paths or expressions: "mapping": { "email": "Work Email" }.',
  'deletion.windowDays': 'Set deletion.windowDays to the days (1 to 365) a user missing from the primary source waits before deletion; the default is 7.',
  'deletion.safeguardCount': 'Set deletion.safeguardCount to a number of users, 1 or more; the default is 500.',
  'deletion.safeguardShare': 'Set deletion.safeguardShare to a share of the previous run\'s roster above 0 and at most 1: 0.2 means 20% (the default).',
  'sources[n].processors[n].maxAgeDays': 'Set maxAgeDays to the maximum password age of the policy, in days (1 to 3650).',
};

function hintFor(key: string): string | undefined {
  const general = key.replace(/\[\d+\]/g, '[n]');
  if (/^sources\[n\]\.(mapping\.\w+|externalId)$/.test(general))
    return `Write a column name, a path such as profile.email, or an expression in ${key}${general.endsWith('externalId') ? '' : ', or remove the entry to leave the attribute unmapped'}.`;
  return HINTS[general];
}

function describeType(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list [...]';
    case 'record':
    case 'object':
      return 'an object {...}';
    case 'string':
      return 'text in double quotes';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
