import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { userIdOf } from '../../../../core/join/user-id';
import { normalizeKey } from '../../../../core/join/keys';

describe('userIdOf', () => {
  it('matches published SHA-256 test vectors', () => {
    expect(userIdOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(userIdOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('equals Node crypto for any key, including non-ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (key) => {
        expect(userIdOf(key)).toBe(createHash('sha256').update(key, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeKey', () => {
  const cases = [
    { description: 'trims and lower-cases', input: '  Ann@ACME.com ', normalize: ['trim', 'lower'] as const, expected: 'ann@acme.com' },
    { description: 'empty after trim is missing', input: '   ', normalize: ['trim', 'lower'] as const, expected: null },
    { description: 'numbers become text', input: 42, normalize: ['trim'] as const, expected: '42' },
    { description: 'booleans are not keys', input: true, normalize: ['trim'] as const, expected: null },
    { description: 'leading zeros can be stripped', input: '000123', normalize: ['strip-leading-zeros'] as const, expected: '123' },
    { description: 'a lone zero stays', input: '000', normalize: ['strip-leading-zeros'] as const, expected: '0' },
    { description: 'inner whitespace can be removed', input: 'E 12 34', normalize: ['remove-whitespace', 'lower'] as const, expected: 'e1234' },
  ];
  for (const c of cases) {
    it(c.description, () => expect(normalizeKey(c.input, c.normalize)).toBe(c.expected));
  }
});
