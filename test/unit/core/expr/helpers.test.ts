import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../../core/expr';

/** Each helper through a real compiled expression, so registration and null-safety are tested too. */
const cases: Array<{ description: string; input: string; options?: Record<string, unknown>; expected: unknown }> = [
  { description: 'lower', input: 'lower(x)', options: { x: 'AbC' }, expected: 'abc' },
  { description: 'lower of null is null', input: 'lower(x)', options: { x: null }, expected: null },
  { description: 'lower of a missing field is null', input: 'lower(x)', options: {}, expected: null },
  { description: 'lower of a number is its text', input: 'lower(x)', options: { x: 12 }, expected: '12' },
  { description: 'upper', input: 'upper(x)', options: { x: 'ab' }, expected: 'AB' },
  { description: 'trim', input: 'trim(x)', options: { x: '  a b  ' }, expected: 'a b' },
  { description: 'lower + trim', input: 'lower(trim(x))', options: { x: ' Jane@Example.COM ' }, expected: 'jane@example.com' },
  { description: 'concat two fields with a space', input: 'concat(a, " ", b)', options: { a: 'Jane', b: 'Doe' }, expected: 'Jane Doe' },
  { description: 'concat skips null parts', input: 'concat(a, " ", b)', options: { a: 'Jane', b: null }, expected: 'Jane ' },
  { description: 'concat of nulls is null', input: 'concat(a, b)', options: {}, expected: null },
  { description: 'concat with 6 parts', input: 'concat(a, "-", a, "-", a, "!")', options: { a: 'x' }, expected: 'x-x-x!' },
  { description: 'concat of an int literal', input: 'concat("n", 1)', expected: 'n1' },
  { description: 'coalesce skips null and blank', input: 'coalesce(a, b, c)', options: { a: null, b: '  ', c: 'z' }, expected: 'z' },
  { description: 'coalesce of nothing is null', input: 'coalesce(a, b)', options: {}, expected: null },
  { description: 'split', input: 'split(x, ";")', options: { x: 'a;b;c' }, expected: ['a', 'b', 'c'] },
  { description: 'split of null', input: 'split(x, ";")', options: { x: null }, expected: null },
  { description: 'split then index', input: 'split(x, "@")[0]', options: { x: 'jane@x.com' }, expected: 'jane' },
  { description: 'split_part is 1-based', input: 'split_part(x, "@", 2)', options: { x: 'jane@x.com' }, expected: 'x.com' },
  { description: 'split_part negative counts from the end', input: 'split_part(x, "\\\\", -1)', options: { x: 'CORP\\jdoe' }, expected: 'jdoe' },
  { description: 'split_part out of range', input: 'split_part(x, "@", 5)', options: { x: 'a@b' }, expected: null },
  { description: 'replace with groups', input: 'replace(x, "^(\\\\w+)\\\\.(\\\\w+)$", "$2 $1")', options: { x: 'jane.doe' }, expected: 'doe jane' },
  { description: 'replace all', input: 'replace(x, "-", "")', options: { x: '12-34-56' }, expected: '123456' },
  { description: 'matches', input: 'matches(x, "^svc-")', options: { x: 'svc-build' }, expected: true },
  { description: 'matches is false for null', input: 'matches(x, "^svc-")', options: { x: null }, expected: false },
  { description: 'matches (?i)', input: 'matches(x, "(?i)^SVC-")', options: { x: 'svc-a' }, expected: true },
  { description: 'CEL .matches', input: 'x.matches("^svc-")', options: { x: 'svc-a' }, expected: true },
  { description: 'CEL .matches on null is false', input: 'x.matches("^svc-")', options: { x: null }, expected: false },
  { description: 'CEL .contains on null is false', input: 'x.contains("a")', options: {}, expected: false },
  { description: 'substring', input: 'substring(x, 1, 3)', options: { x: 'abcdef' }, expected: 'bc' },
  { description: 'substring to the end', input: 'substring(x, 2)', options: { x: 'abcdef' }, expected: 'cdef' },
  { description: 'parse_date', input: 'parse_date(x)', options: { x: '3/5/2024' }, expected: '2024-03-05' },
  { description: 'date is parse_date', input: 'date(x)', options: { x: '5.3.2024' }, expected: '2024-03-05' },
  { description: 'parse_date of garbage is null', input: 'parse_date(x)', options: { x: 'soon' }, expected: null },
  { description: 'to_bool yes', input: 'to_bool(x)', options: { x: 'Yes' }, expected: true },
  { description: 'to_bool inactive', input: 'to_bool(x)', options: { x: 'INACTIVE' }, expected: false },
  { description: 'to_bool 0', input: 'to_bool(x)', options: { x: 0 }, expected: false },
  { description: 'to_bool maybe', input: 'to_bool(x)', options: { x: 'maybe' }, expected: null },
  { description: 'to_number', input: 'to_number(x)', options: { x: ' 42 ' }, expected: 42 },
  { description: 'to_number compares with an int literal', input: 'to_number(x) > 40', options: { x: '42' }, expected: true },
  { description: 'to_number of text', input: 'to_number(x)', options: { x: '12 days' }, expected: null },
  { description: 'is_empty of blank', input: 'is_empty(x)', options: { x: ' ' }, expected: true },
  { description: 'is_empty of missing', input: 'is_empty(x)', options: {}, expected: true },
  { description: 'is_empty of a value', input: 'is_empty(x)', options: { x: 'a' }, expected: false },
  { description: 'default', input: 'default(x, "n/a")', options: { x: '' }, expected: 'n/a' },
  { description: 'default keeps a value', input: 'default(x, "n/a")', options: { x: 'v' }, expected: 'v' },
  { description: 'field() reads a name with spaces', input: 'lower(field("Work Email"))', options: { 'Work Email': 'A@B' }, expected: 'a@b' },
  { description: 'field() of a missing name is null', input: 'field("Work Email")', options: {}, expected: null },
  { description: 'CEL ints come back as numbers', input: 'size(x) + 1', options: { x: 'abc' }, expected: 4 },
  { description: 'CEL ints inside lists come back as numbers', input: '[1, 2]', expected: [1, 2] },
  { description: 'huge CEL ints come back as text', input: '9223372036854775807', expected: '9223372036854775807' },
  { description: 'ternary', input: 'x == null ? "none" : x', options: { x: null }, expected: 'none' },
  { description: 'macros see their own variable', input: 'emails.exists(e, e.primary == true)', options: { emails: [{ primary: true }] }, expected: true },
];

describe('expression helpers', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const compiled = compileExpression(input, { key: 'test', kind: 'mapping' });
    if (!compiled.ok) throw new Error(compiled.issue.message);
    expect(compiled.expr.evaluate(options ?? {})).toEqual(expected);
  });
});
