/**
 * The standard user object: SCIM-like attribute names with a value type each. Mapped values of a
 * standard attribute are coerced to its type (a "true"/"false" string becomes a boolean, a date in any
 * common form becomes YYYY-MM-DD). Any other attribute name is a custom attribute and keeps its value.
 */
export type AttributeType = 'string' | 'boolean' | 'date' | 'number';

export const STANDARD_ATTRIBUTES = {
  employee_id: 'string',
  email: 'string',
  user_name: 'string',
  first_name: 'string',
  last_name: 'string',
  display_name: 'string',
  department: 'string',
  title: 'string',
  manager_id: 'string',
  country: 'string',
  city: 'string',
  active: 'boolean',
  start_date: 'date',
  termination_date: 'date',
  password_last_set: 'date',
  last_login: 'date',
  is_bot: 'boolean',
} as const satisfies Record<string, AttributeType>;

export type StandardAttribute = keyof typeof STANDARD_ATTRIBUTES;

/** Attributes that processors add. */
export const DERIVED_ATTRIBUTES = {
  country_code: 'string',
  region: 'string',
  subregion: 'string',
  password_expires_on: 'date',
  password_days_left: 'number',
} as const satisfies Record<string, AttributeType>;

export function isStandardAttribute(name: string): name is StandardAttribute {
  return Object.prototype.hasOwnProperty.call(STANDARD_ATTRIBUTES, name);
}

/** True when a value counts as empty for precedence, completeness and key purposes. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
