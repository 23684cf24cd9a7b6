/**
 * Where the records are in a JSON document: the top-level array, a known envelope key (`value` of
 * Microsoft Graph, `members` of Slack, `Resources` of SCIM, `Report_Entry` of Workday, ...), the path the
 * user gave in `json.recordsPath`, or the object's only array of objects.
 */
import type { Issue } from '../issues';
import type { FileAt } from './message-parts';
import { jsonEnvelopeGuessed, jsonNotRecords, jsonRecordsPath } from './messages';

/** Envelope keys tried in this order (`values`: Jira Cloud's paged lists). */
export const ENVELOPE_KEYS = [
  'value',
  'members',
  'result',
  'Resources',
  'users',
  'Report_Entry',
  'data',
  'items',
  'records',
  'results',
  'entries',
  'employees',
  'workers',
  'values',
] as const;

/** The record array and the object around it (for paging markers), or the error. */
export type RecordsFound =
  | { ok: true; items: unknown[]; envelope: Record<string, unknown> | null; issues: Issue[] }
  | { ok: false; issue: Issue };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && isObject(value[0]);
}

/** `an object with keys "a", "b"`, `a string`, ...: a value described for a message. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length
      ? `an object with keys ${keys
          .slice(0, 8)
          .map((k) => `"${k}"`)
          .join(', ')}${keys.length > 8 ? ', ...' : ''}`
      : 'an empty object';
  }
  return value === null ? 'null' : `a ${typeof value}`;
}

/** Dotted paths (up to 3 levels deep) of arrays of objects: suggestions for `json.recordsPath`. */
export function arrayPaths(value: unknown, prefix = '', depth = 3): string[] {
  if (!isObject(value) || depth === 0) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isObjectArray(child) ? [path] : arrayPaths(child, path, depth - 1);
  });
}

/** Follows a dotted path (`data.users`, `a.0.b` or `a[0].b`). */
function followPath(doc: unknown, path: string, at: FileAt): RecordsFound {
  let here: unknown = doc;
  for (const segment of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    const next = Array.isArray(here) ? here[Number(segment)] : isObject(here) ? here[segment] : undefined;
    if (next === undefined) {
      return {
        ok: false,
        issue: jsonRecordsPath(at, path, `"${segment}" is not there (found ${describe(here)})`),
      };
    }
    here = next;
  }
  if (!Array.isArray(here))
    return { ok: false, issue: jsonRecordsPath(at, path, `it leads to ${describe(here)}`) };
  return { ok: true, items: here, envelope: isObject(doc) ? doc : null, issues: [] };
}

/** Finds the record array of a parsed JSON document. Never throws. */
export function findRecords(doc: unknown, recordsPath: string | undefined, at: FileAt): RecordsFound {
  if (recordsPath) return followPath(doc, recordsPath, at);
  if (Array.isArray(doc)) return { ok: true, items: doc, envelope: null, issues: [] };
  if (!isObject(doc)) return { ok: false, issue: jsonNotRecords(at, `the document is ${describe(doc)}`, []) };

  for (const key of ENVELOPE_KEYS) {
    const items = doc[key];
    if (Array.isArray(items)) return { ok: true, items, envelope: doc, issues: [] };
  }
  const arrays = Object.keys(doc).filter((key) => isObjectArray(doc[key]));
  if (arrays.length === 1) {
    return {
      ok: true,
      items: doc[arrays[0]] as unknown[],
      envelope: doc,
      issues: [jsonEnvelopeGuessed(at, arrays[0])],
    };
  }
  const keys = Object.keys(doc);
  const found =
    arrays.length > 1
      ? `it has several arrays of objects (${arrays.map((k) => `"${k}"`).join(', ')})`
      : keys.length
        ? `its top-level keys are ${keys
            .slice(0, 12)
            .map((k) => `"${k}"`)
            .join(', ')}${keys.length > 12 ? ', ...' : ''}`
        : 'it is an empty object';
  return { ok: false, issue: jsonNotRecords(at, found, arrayPaths(doc).slice(0, 5)) };
}
