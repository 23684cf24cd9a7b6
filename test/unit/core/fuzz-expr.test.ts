/**
 * Fuzzing the expression layer (issue 8): compileExpression on arbitrary text and on text assembled from
 * expression pieces, and evaluate on random records. compileExpression never throws (a problem is an
 * issue naming the key), evaluate never throws, and each input settles within its time bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, Tally } from '../../../core/expr';

const BOUND_MS = 1_000;
const RUNS = 10_000;

/** Pieces of expressions, so generated text is often valid and reaches evaluation. */
const piece = fc.constantFrom(
  'email', 'x', 'raw', 'raw.a', 'raw.a.b', 'raw["k"]', 'lower(x)', 'upper(email)', 'trim(x)', 'concat(x, " ", email)', 'coalesce(x, email)',
  'split(x, ",")', 'split_part(email, "@", 2)', 'replace(x, "a+", "b")', 'matches(x, "^a")', 'substring(x, 1, 3)', 'parse_date(x)',
  'date(x)', 'to_bool(x)', 'to_number(x)', 'is_empty(x)', 'default(x, 1)', 'field("Work Email")', 'x.contains("a")', 'x.startsWith("a")',
  'size(x)', 'string(x)', 'int(x)', 'double(x)', 'has(raw.a)', 'x.exists(e, e == 1)', '[x, 1]', '{"k": x}', 'x in ["a", "b"]',
  '==', '!=', '<', '>=', '&&', '||', '!', '+', '-', '*', '/', '%', '?', ':', '(', ')', '[', ']', ',', '.', '"', "'", '1', '2.5', '-3',
  'null', 'true', '"text"', 'r"\\d+"', 'b"x"', '(?i)', '~=', '=', 'and', 'type', 'duration',
);
const assembled = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' '));
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const kind = fc.constantFrom('mapping', 'filter', 'rule') as fc.Arbitrary<'mapping' | 'filter' | 'rule'>;
const record = fc.record({ x: fc.jsonValue({ maxDepth: 2 }), email: fc.oneof(fc.string(), fc.constant(null)), raw: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] });

function hasBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (Array.isArray(value)) return value.some(hasBigint);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasBigint);
  return false;
}

let inputs = 0;

function compileAndEvaluate(text: string, k: 'mapping' | 'filter' | 'rule', vars: Record<string, unknown>): void {
  const started = Date.now();
  const compiled = compileExpression(text, { key: 'sources[0].filters[0].when', kind: k, source: 'hr' });
  if (!compiled.ok) {
    expect(compiled.issue.severity).toBe('error');
    expect(compiled.issue.message.startsWith('sources[0].filters[0].when: ')).toBe(true);
    expect(compiled.issue.fix ?? '').not.toBe('');
  } else {
    const tally = new Tally();
    const value = compiled.expr.evaluate(vars, { tally, at: { file: 'hr.csv', row: 1 } });
    expect(hasBigint(value)).toBe(false);
    for (const issue of tally.drain()) expect(issue.message).toContain('sources[0].filters[0].when');
  }
  expect(Date.now() - started, text).toBeLessThan(BOUND_MS);
  inputs++;
}

describe('fuzzing the expression layer', () => {
  it.each([
    { description: 'arbitrary text', texts: anyText },
    { description: 'text assembled from expression pieces', texts: assembled },
  ])(`$description: ${RUNS} inputs compiled and evaluated on random records`, ({ texts }) => {
    const before = inputs;
    fc.assert(fc.property(texts, kind, record, compileAndEvaluate), { numRuns: RUNS });
    expect(inputs - before).toBe(RUNS);
  }, 120_000);
});
