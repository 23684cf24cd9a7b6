/**
 * The columns of a JSON or NDJSON file: the dotted leaf paths of its records (`id`, `profile.email`,
 * `emails[0].value`), in first-seen order, so the mapping editor can offer them.
 */
import type { RawRecord } from '../types';

/** Records sampled: enough to see every field of a real export, cheap on a million rows. */
export const COLUMN_SAMPLE = 1000;

/** Objects nested deeper than this are shown as one leaf. */
const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, path: string, depth: number, out: Set<string>): void {
  if (depth < MAX_DEPTH && isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0) {
      for (const key of keys) walk(value[key], path ? `${path}.${key}` : key, depth + 1, out);
      return;
    }
  }
  // Arrays show their first element only: `emails[0].value` says where the data is without listing
  // every index.
  if (depth < MAX_DEPTH && Array.isArray(value) && value.length > 0) {
    walk(value[0], `${path}[0]`, depth + 1, out);
    return;
  }
  out.add(path);
}

/** Union of the leaf paths of the first `sample` records, in first-seen order. An empty object or
 * array is a leaf itself (`groups`). Keys are joined with dots as they are, even when they contain dots. */
export function leafPaths(records: readonly RawRecord[], sample = COLUMN_SAMPLE): string[] {
  const out = new Set<string>();
  const n = Math.min(records.length, sample);
  for (let i = 0; i < n; i++) walk(records[i], '', 0, out);
  out.delete('');
  return [...out];
}
