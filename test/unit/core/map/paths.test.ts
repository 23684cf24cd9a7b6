import { describe, expect, it } from 'vitest';
import { isSimplePath, pathGetter } from '../../../../core/map';
import type { RawRecord } from '../../../../core/types';

const pathCases: Array<{ description: string; input: string; expected: boolean }> = [
  { description: 'a name', input: 'email', expected: true },
  { description: 'a dotted path', input: 'profile.email', expected: true },
  { description: 'an indexed path', input: 'emails[0].value', expected: true },
  { description: 'an OData key', input: '@odata.type', expected: true },
  { description: 'a hyphenated name', input: 'First-Name', expected: true },
  { description: 'a call', input: 'lower(x)', expected: false },
  { description: 'a comparison', input: 'a == b', expected: false },
  { description: 'a name with a space', input: 'Work Email', expected: false },
  { description: 'a keyword', input: 'null', expected: false },
  { description: 'a number', input: '12', expected: false },
];

describe('isSimplePath', () => {
  it.each(pathCases)('$description', ({ input, expected }) => expect(isSimplePath(input)).toBe(expected));
});

const getterCases: Array<{ description: string; input: RawRecord; options: { path: string }; expected: unknown }> = [
  { description: 'top-level key', input: { a: 1 }, options: { path: 'a' }, expected: 1 },
  { description: 'nested', input: { a: { b: 2 } }, options: { path: 'a.b' }, expected: 2 },
  { description: 'literal key first', input: { 'a.b': 'lit', a: { b: 'nested' } }, options: { path: 'a.b' }, expected: 'lit' },
  { description: 'literal key below a level', input: { x: { 'a.b': 3 } }, options: { path: 'x.a.b' }, expected: 3 },
  { description: 'index', input: { e: [{ v: 1 }, { v: 2 }] }, options: { path: 'e[1].v' }, expected: 2 },
  { description: 'index out of range', input: { e: [] }, options: { path: 'e[3].v' }, expected: undefined },
  { description: 'index into a non-list', input: { e: 'text' }, options: { path: 'e[0]' }, expected: undefined },
  { description: 'through null', input: { a: null }, options: { path: 'a.b' }, expected: undefined },
  { description: 'no prototype keys', input: {}, options: { path: 'constructor' }, expected: undefined },
  { description: 'no prototype keys below', input: { a: {} }, options: { path: 'a.toString' }, expected: undefined },
  { description: 'a column name with a space', input: { 'Work Email': 'w' }, options: { path: 'Work Email' }, expected: 'w' },
];

describe('pathGetter', () => {
  it.each(getterCases)('$description', ({ input, options, expected }) => expect(pathGetter(options.path)(input)).toBe(expected));
});
