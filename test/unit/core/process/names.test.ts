import { describe, expect, it } from 'vitest';
import { PROCESSORS, type Attributes } from '../../../../core/process';

const splitCases: Array<{ description: string; input: Attributes; options: { from: string }; expected: Attributes }> = [
  { description: 'First Last', input: { display_name: 'Jane Doe' }, options: { from: 'display_name' }, expected: { display_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' } },
  { description: 'multi-part last name', input: { display_name: 'Ludwig van Beethoven' }, options: { from: 'display_name' }, expected: { display_name: 'Ludwig van Beethoven', first_name: 'Ludwig', last_name: 'van Beethoven' } },
  { description: 'Last, First', input: { display_name: 'Doe, Jane' }, options: { from: 'display_name' }, expected: { display_name: 'Doe, Jane', first_name: 'Jane', last_name: 'Doe' } },
  { description: 'Last, First Middle', input: { display_name: 'Doe,  Jane Mary' }, options: { from: 'display_name' }, expected: { display_name: 'Doe,  Jane Mary', first_name: 'Jane Mary', last_name: 'Doe' } },
  { description: 'one name', input: { display_name: 'Cher' }, options: { from: 'display_name' }, expected: { display_name: 'Cher', first_name: 'Cher', last_name: null } },
  { description: 'nickname dropped', input: { display_name: 'Robert (Bob) Smith' }, options: { from: 'display_name' }, expected: { display_name: 'Robert (Bob) Smith', first_name: 'Robert', last_name: 'Smith' } },
  { description: 'extra spaces', input: { display_name: '  Jane   Doe ' }, options: { from: 'display_name' }, expected: { display_name: '  Jane   Doe ', first_name: 'Jane', last_name: 'Doe' } },
  { description: 'only fills empty parts', input: { display_name: 'Jane Doe', first_name: 'Janet', last_name: '' }, options: { from: 'display_name' }, expected: { display_name: 'Jane Doe', first_name: 'Janet', last_name: 'Doe' } },
  { description: 'both set: unchanged', input: { display_name: 'Jane Doe', first_name: 'A', last_name: 'B' }, options: { from: 'display_name' }, expected: { display_name: 'Jane Doe', first_name: 'A', last_name: 'B' } },
  { description: 'an e-mail is not a name', input: { display_name: 'jane@x.com' }, options: { from: 'display_name' }, expected: { display_name: 'jane@x.com', first_name: null, last_name: null } },
  { description: 'no full name', input: { display_name: null }, options: { from: 'display_name' }, expected: { display_name: null } },
  { description: 'another attribute', input: { full: 'Ada Lovelace' }, options: { from: 'full' }, expected: { full: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace' } },
];

describe('split-name', () => {
  it.each(splitCases)('$description', ({ input, options, expected }) => {
    const before = structuredClone(input);
    expect(PROCESSORS['split-name'].apply(input, { type: 'split-name', ...options }, { asOf: '2024-03-05' })).toEqual(expected);
    expect(input).toEqual(before);
  });
});

const composeCases: Array<{ description: string; input: Attributes; options: { format: 'first last' | 'last, first' }; expected: Attributes }> = [
  { description: 'first last', input: { first_name: 'Jane', last_name: 'Doe' }, options: { format: 'first last' }, expected: { first_name: 'Jane', last_name: 'Doe', display_name: 'Jane Doe' } },
  { description: 'last, first', input: { first_name: 'Jane', last_name: 'Doe' }, options: { format: 'last, first' }, expected: { first_name: 'Jane', last_name: 'Doe', display_name: 'Doe, Jane' } },
  { description: 'only a first name', input: { first_name: 'Cher', last_name: null }, options: { format: 'last, first' }, expected: { first_name: 'Cher', last_name: null, display_name: 'Cher' } },
  { description: 'blank parts are empty', input: { first_name: ' ', last_name: 'Doe' }, options: { format: 'first last' }, expected: { first_name: ' ', last_name: 'Doe', display_name: 'Doe' } },
  { description: 'neither: null', input: {}, options: { format: 'first last' }, expected: { display_name: null } },
  { description: 'keeps an existing display name', input: { first_name: 'Jane', last_name: 'Doe', display_name: 'JD' }, options: { format: 'first last' }, expected: { first_name: 'Jane', last_name: 'Doe', display_name: 'JD' } },
];

describe('compose-name', () => {
  it.each(composeCases)('$description', ({ input, options, expected }) => {
    const before = structuredClone(input);
    expect(PROCESSORS['compose-name'].apply(input, { type: 'compose-name', ...options }, { asOf: '2024-03-05' })).toEqual(expected);
    expect(input).toEqual(before);
  });
});
