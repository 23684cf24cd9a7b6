import { describe, expect, it } from 'vitest';
import { PROCESSORS, type Attributes } from '../../../../core/process';

const cases: Array<{ description: string; input: Attributes; options: { from: string; maxAgeDays: number; asOf: string }; expected: { attrs: Partial<Attributes>; warnings: unknown[] } }> = [
  { description: 'days left before expiry', input: { password_last_set: '2024-01-01' }, options: { from: 'password_last_set', maxAgeDays: 90, asOf: '2024-03-01' }, expected: { attrs: { password_expires_on: '2024-03-31', password_days_left: 30 }, warnings: [] } },
  { description: 'expires on asOf: 0 days left', input: { password_last_set: '2024-01-01' }, options: { from: 'password_last_set', maxAgeDays: 90, asOf: '2024-03-31' }, expected: { attrs: { password_expires_on: '2024-03-31', password_days_left: 0 }, warnings: [] } },
  { description: 'already expired: negative', input: { password_last_set: '2023-01-01' }, options: { from: 'password_last_set', maxAgeDays: 90, asOf: '2024-01-01' }, expected: { attrs: { password_expires_on: '2023-04-01', password_days_left: -275 }, warnings: [] } },
  { description: 'a custom attribute in another date form', input: { pwd: '12/1/2023' }, options: { from: 'pwd', maxAgeDays: 30, asOf: '2023-12-15' }, expected: { attrs: { password_expires_on: '2023-12-31', password_days_left: 16 }, warnings: [] } },
  { description: 'no last-set date: nulls, silently', input: { password_last_set: null }, options: { from: 'password_last_set', maxAgeDays: 90, asOf: '2024-03-01' }, expected: { attrs: { password_expires_on: null, password_days_left: null }, warnings: [] } },
  { description: 'not a date: nulls and a warning', input: { pwd: 'never' }, options: { from: 'pwd', maxAgeDays: 90, asOf: '2024-03-01' }, expected: { attrs: { password_expires_on: null, password_days_left: null }, warnings: ['never'] } },
];

describe('password-expiry', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const warnings: unknown[] = [];
    const out = PROCESSORS['password-expiry'].apply(input, { type: 'password-expiry', from: options.from, maxAgeDays: options.maxAgeDays }, { asOf: options.asOf, warn: (_p, v) => warnings.push(v) });
    expect(out).toEqual({ ...input, ...expected.attrs });
    expect(warnings).toEqual(expected.warnings);
  });
});
