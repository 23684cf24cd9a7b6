import { describe, expect, it } from 'vitest';
import { PROCESSORS, type Attributes } from '../../../../core/process';

const cases: Array<{ description: string; input: Attributes; options: { attributes: string[] }; expected: { attrs: Attributes; warnings: string[] } }> = [
  { description: 'trims and lower-cases', input: { email: '  Jane.Doe@Example.COM ' }, options: { attributes: ['email'] }, expected: { attrs: { email: 'jane.doe@example.com' }, warnings: [] } },
  { description: 'strips mailto:', input: { email: 'MAILTO:jane@x.com' }, options: { attributes: ['email'] }, expected: { attrs: { email: 'jane@x.com' }, warnings: [] } },
  { description: 'strips <...>', input: { email: '<jane@x.com>' }, options: { attributes: ['email'] }, expected: { attrs: { email: 'jane@x.com' }, warnings: [] } },
  { description: 'takes the address of "Name <address>"', input: { email: 'Jane Doe <Jane@X.com>' }, options: { attributes: ['email'] }, expected: { attrs: { email: 'jane@x.com' }, warnings: [] } },
  { description: 'mailto inside <...>', input: { email: '<mailto:jane@x.com>' }, options: { attributes: ['email'] }, expected: { attrs: { email: 'jane@x.com' }, warnings: [] } },
  { description: 'a placeholder becomes null and is reported', input: { email: 'n/a' }, options: { attributes: ['email'] }, expected: { attrs: { email: null }, warnings: ['n/a'] } },
  { description: 'two @ is not an address', input: { email: 'a@b@c' }, options: { attributes: ['email'] }, expected: { attrs: { email: null }, warnings: ['a@b@c'] } },
  { description: 'spaces inside are not an address', input: { email: 'jane doe@x.com' }, options: { attributes: ['email'] }, expected: { attrs: { email: null }, warnings: ['jane doe@x.com'] } },
  { description: 'null stays null, silently', input: { email: null }, options: { attributes: ['email'] }, expected: { attrs: { email: null }, warnings: [] } },
  { description: 'several attributes', input: { email: 'A@X', upn: 'B@Y ', other: 'KEEP' }, options: { attributes: ['email', 'upn'] }, expected: { attrs: { email: 'a@x', upn: 'b@y', other: 'KEEP' }, warnings: [] } },
  { description: 'an attribute the record lacks', input: { other: 'x' }, options: { attributes: ['email'] }, expected: { attrs: { other: 'x' }, warnings: [] } },
];

describe('normalize-email', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const warnings: unknown[] = [];
    const before = structuredClone(input);
    const out = PROCESSORS['normalize-email'].apply(input, { type: 'normalize-email', ...options }, { asOf: '2024-03-05', warn: (_p, v) => warnings.push(v) });
    expect(out).toEqual(expected.attrs);
    expect(warnings).toEqual(expected.warnings);
    expect(input).toEqual(before);
  });
});
