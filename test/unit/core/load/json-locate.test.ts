import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, locateJsonError } from '../../../../core/load/json-locate';

describe('locateJsonError', () => {
  const cases = [
    {
      description: 'valid nested document',
      input: '{"a": [1, -2.5e3, true, false, null, {"b": "x\\"y"}], "c": {}}',
      expected: null,
    },
    {
      description: 'missing comma in an array',
      input: '[1 2]',
      expected: { offset: 3, detail: 'expected "," or "]"', atEnd: false },
    },
    {
      description: 'trailing comma in an object',
      input: '{"a": 1,}',
      expected: {
        offset: 8,
        detail: 'expected a property name in double quotes (no comma after the last property)',
        atEnd: false,
      },
    },
    {
      description: 'unquoted key',
      input: '{a: 1}',
      expected: { offset: 1, detail: 'expected a property name in double quotes', atEnd: false },
    },
    {
      description: 'missing colon',
      input: '{"a" 1}',
      expected: { offset: 5, detail: 'expected ":" after a property name', atEnd: false },
    },
    {
      description: 'single-quoted string',
      input: "['x']",
      expected: { offset: 1, detail: 'a single quote (JSON strings use double quotes)', atEnd: false },
    },
    {
      description: 'raw newline in a string',
      input: '["a\nb"]',
      expected: { offset: 3, detail: 'a line break or control character inside a string', atEnd: false },
    },
    {
      description: 'text after the document',
      input: '{} {}',
      expected: { offset: 3, detail: 'more text after the end of the JSON document', atEnd: false },
    },
    {
      description: 'cut off inside a string',
      input: '[{"a": "b',
      expected: { offset: 9, detail: 'a string that never ends', atEnd: true },
    },
    {
      description: 'cut off between values',
      input: '[{"a": 1},\n',
      expected: { offset: 11, detail: 'the text ends too early', atEnd: true },
    },
    {
      description: 'empty text',
      input: '   ',
      expected: { offset: 3, detail: 'the text ends too early', atEnd: true },
    },
  ];

  it.each(cases)('$description', ({ input, expected }) => {
    expect(locateJsonError(input)).toEqual(expected);
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, cut) => {
        const broken = text.slice(0, cut % (text.length + 1));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(locateJsonError(broken) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('survives deep nesting', () => {
    expect(locateJsonError(`${'['.repeat(100_000)}${']'.repeat(99_999)}`)).toMatchObject({ atEnd: true });
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
