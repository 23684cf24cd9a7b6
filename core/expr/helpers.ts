/**
 * The helper functions every expression can call. Each takes any value and never throws on null:
 * a null (or missing) input gives null, so one empty field does not fail the whole record.
 * Predicates (`matches`, `is_empty`) always answer true or false.
 */
import { parseDate } from './dates';
import { globalRegex, regexOrThrow } from './regex';
import { isBlank, toBool, toNumber, toText } from './values';

type Text = string | null;

/** lower(s): lower-case text. */
export function lower(s: unknown): Text {
  const text = typeof s === 'string' ? s : toText(s);
  return text === null ? null : text.toLowerCase();
}
/** upper(s): upper-case text. */
export function upper(s: unknown): Text {
  const text = typeof s === 'string' ? s : toText(s);
  return text === null ? null : text.toUpperCase();
}
/** trim(s): text without leading and trailing whitespace. */
export function trim(s: unknown): Text {
  const text = typeof s === 'string' ? s : toText(s);
  return text === null ? null : text.trim();
}

/** concat(a, b, ...): the parts joined; null parts are skipped; null when every part is null. */
export function concat(...parts: unknown[]): Text {
  let out: string | null = null;
  for (const part of parts) {
    const s = toText(part);
    if (s !== null) out = out === null ? s : out + s;
  }
  return out;
}

/** coalesce(a, b, ...): the first value that is not empty (null, blank text, empty list). */
export function coalesce(...values: unknown[]): unknown {
  for (const v of values) if (!isBlank(v)) return v;
  return null;
}

/** split(s, sep): the parts of s between occurrences of sep (plain text, not a pattern). */
export function split(s: unknown, sep: unknown): string[] | null {
  const text = toText(s);
  const by = toText(sep);
  return text === null || by === null ? null : text.split(by);
}

/** split_part(s, sep, n): the n-th part, 1-based as in SQL; negative n counts from the end. */
export function splitPart(s: unknown, sep: unknown, index: unknown): Text {
  const parts = split(s, sep);
  const n = toNumber(index);
  if (parts === null || n === null || !Number.isInteger(n) || n === 0) return null;
  return parts[n > 0 ? n - 1 : parts.length + n] ?? null;
}

/** replace(s, pattern, replacement): every match of the regular expression replaced ($1 works). */
export function replace(s: unknown, pattern: unknown, replacement: unknown): Text {
  const text = toText(s);
  const re = toText(pattern);
  if (text === null || re === null) return null;
  return text.replace(globalRegex(re), toText(replacement) ?? '');
}

/** matches(s, pattern): true when the regular expression finds a match; false for null. */
export function matches(s: unknown, pattern: unknown): boolean {
  const text = toText(s);
  const re = toText(pattern);
  if (text === null || re === null) return false;
  return regexOrThrow(re).test(text);
}

/** substring(s, start, end?): characters from start (0-based) up to end, clamped to the text. */
export function substring(s: unknown, start: unknown, end?: unknown): Text {
  const text = toText(s);
  const from = toNumber(start);
  if (text === null || from === null) return null;
  const to = end === undefined ? text.length : toNumber(end);
  return to === null ? null : text.slice(Math.max(0, from), Math.max(0, to));
}

/** is_empty(v): true for null, blank text, an empty list or map. */
export const isEmptyValue = (v: unknown): boolean => isBlank(v);

/** default(v, fallback): v unless it is empty, else fallback. */
export const defaultTo = (v: unknown, fallback: unknown): unknown => (isBlank(v) ? fallback : v);

/** The helper table: CEL name -> implementation and the argument counts it accepts. */
export const HELPERS: ReadonlyArray<{ name: string; fn: (...args: unknown[]) => unknown; arity: number[]; returns: 'dyn' | 'bool' }> = [
  { name: 'lower', fn: lower, arity: [1], returns: 'dyn' },
  { name: 'upper', fn: upper, arity: [1], returns: 'dyn' },
  { name: 'trim', fn: trim, arity: [1], returns: 'dyn' },
  { name: 'concat', fn: concat, arity: [1, 2, 3, 4, 5, 6, 7, 8], returns: 'dyn' },
  { name: 'coalesce', fn: coalesce, arity: [1, 2, 3, 4, 5, 6, 7, 8], returns: 'dyn' },
  { name: 'split', fn: split as (...a: unknown[]) => unknown, arity: [2], returns: 'dyn' },
  { name: 'split_part', fn: splitPart as (...a: unknown[]) => unknown, arity: [3], returns: 'dyn' },
  { name: 'replace', fn: replace as (...a: unknown[]) => unknown, arity: [3], returns: 'dyn' },
  { name: 'matches', fn: matches as (...a: unknown[]) => unknown, arity: [2], returns: 'bool' },
  { name: 'substring', fn: substring as (...a: unknown[]) => unknown, arity: [2, 3], returns: 'dyn' },
  { name: 'parse_date', fn: parseDate as (...a: unknown[]) => unknown, arity: [1], returns: 'dyn' },
  { name: 'date', fn: parseDate as (...a: unknown[]) => unknown, arity: [1], returns: 'dyn' },
  { name: 'to_bool', fn: toBool as (...a: unknown[]) => unknown, arity: [1], returns: 'dyn' },
  { name: 'to_number', fn: toNumber as (...a: unknown[]) => unknown, arity: [1], returns: 'dyn' },
  { name: 'is_empty', fn: isEmptyValue as (...a: unknown[]) => unknown, arity: [1], returns: 'bool' },
  { name: 'default', fn: defaultTo as (...a: unknown[]) => unknown, arity: [2], returns: 'dyn' },
];
