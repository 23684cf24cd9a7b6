/**
 * Coercion of mapped values to the attribute's type (core/map/standard.ts).
 *
 * Empty means null, for every attribute: "", whitespace-only text and missing fields all become null,
 * because precedence ("first non-empty source wins"), completeness and join keys all treat them alike
 * (standard.ts isEmpty), and a "" key must never join two people. Text of a standard string attribute
 * is trimmed (a CSV's " Sales " is "Sales"); numbers become their text (an employee id 00123 read from
 * a CSV stays "00123", since CSV values are never parsed as numbers). Custom attributes keep their
 * value; lists and objects become JSON text so nothing is silently lost.
 */
import type { Scalar } from '../types';
import { parseDate, toBool, toNumber, toText } from '../expr';
import { DERIVED_ATTRIBUTES, STANDARD_ATTRIBUTES, type AttributeType } from './standard';

/** A standard type, or `custom` for any other attribute name. */
export type TargetType = AttributeType | 'custom';

/** Returned when a non-empty value cannot be read as the type; the caller counts it. */
export const UNCOERCIBLE: unique symbol = Symbol('uncoercible');

/** The type of an attribute name: standard, derived (processor output) or custom. */
export function attributeType(name: string): TargetType {
  if (Object.hasOwn(STANDARD_ATTRIBUTES, name)) return STANDARD_ATTRIBUTES[name as keyof typeof STANDARD_ATTRIBUTES];
  if (Object.hasOwn(DERIVED_ATTRIBUTES, name)) return DERIVED_ATTRIBUTES[name as keyof typeof DERIVED_ATTRIBUTES];
  return 'custom';
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The value as the type, null when empty, UNCOERCIBLE when it is something else. */
export function coerce(value: unknown, type: TargetType): Scalar | typeof UNCOERCIBLE {
  if (blank(value)) return null;
  switch (type) {
    case 'string': {
      const text = typeof value === 'object' && !(value instanceof Date) ? null : toText(value);
      return text === null ? UNCOERCIBLE : text.trim();
    }
    case 'boolean':
      return toBool(value) ?? UNCOERCIBLE;
    case 'date':
      return parseDate(value) ?? UNCOERCIBLE;
    case 'number':
      return toNumber(value) ?? UNCOERCIBLE;
    case 'custom':
      return custom(value);
  }
}

function custom(value: unknown): Scalar {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    case 'object':
      if (value instanceof Date) return toText(value);
      try {
        return JSON.stringify(value) ?? null;
      } catch {
        return null;
      }
    default:
      return null;
  }
}

/** The source's own id as text: numbers become text, empty is null, lists and objects are UNCOERCIBLE. */
export function coerceExternalId(value: unknown): string | null | typeof UNCOERCIBLE {
  return coerce(value, 'string') as string | null | typeof UNCOERCIBLE;
}
