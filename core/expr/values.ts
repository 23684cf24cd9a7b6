/**
 * Value conversions shared by the expression helpers (`to_bool`, `to_number`, `lower` ...) and by the
 * mapping stage's coercion of standard attributes, so an expression and a plain column agree on what
 * "yes" or "00123" means.
 */
import { isEmpty } from '../map/standard';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'active', 'enabled', 'on', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'inactive', 'disabled', 'off', 'f']);
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text form of a scalar: strings as they are, numbers without exponent noise, booleans as
 * `true`/`false`; null for null, undefined, lists and maps (they have no single text form). */
export function toText(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : null;
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      return null;
    default:
      return null;
  }
}

/** `true`/`yes`/`y`/`1`/`active`/`enabled`/`on`/`t` (any case) -> true, their opposites -> false,
 * booleans as they are, numbers 1/0; anything else -> null. */
export function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (Number(value) === 1) return true;
    if (Number(value) === 0) return false;
    return null;
  }
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** Numbers as they are (finite only), CEL ints as numbers, decimal text (`" 42 "`, `-1.5e3`) parsed;
 * anything else (booleans, `"1,234"`, `"12 days"`) -> null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!NUMBER_TEXT.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Empty for expressions: null, whitespace-only text, and also an empty list or map. */
export function isBlank(value: unknown): boolean {
  if (isEmpty(value)) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

/**
 * Converts a CEL result to plain data: CEL ints are bigint, so they become numbers (or decimal text
 * beyond 2^53, where a number would silently change the digits); timestamps become ISO date-times;
 * lists and maps are converted element by element. Callers never see a bigint.
 */
export function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]));
  if (ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}
