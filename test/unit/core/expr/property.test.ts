import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpression, Tally } from '../../../../core/expr';

/** Pieces of expressions, so generated text is often valid and reaches evaluation. */
const piece = fc.constantFrom(
  'x', 'y', 'raw', 'raw.a', 'raw.a.b', 'lower(x)', 'concat(x, y)', 'matches(x, y)', 'x.matches("a")', 'split(x, ",")',
  'parse_date(x)', 'to_number(x)', 'x + y', 'x == y', '!x', 'x ? y : x', '[x, y]', '{"k": x}', 'size(x)', '1', '2.5',
  '"s"', 'null', 'true', 'x.exists(e, e == 1)', 'x.map(e, e)', 'field("a b")', 'default(x, 1)', 'x in [1, 2]', '(', ')', '&&', '||', ',',
);
const expression = fc.oneof(fc.string(), fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ')));
const kind = fc.constantFrom('mapping', 'filter', 'rule') as fc.Arbitrary<'mapping' | 'filter' | 'rule'>;

describe('expression properties', () => {
  it('compileExpression never throws: it returns an expression or an issue', () => {
    fc.assert(
      fc.property(expression, kind, (text, k) => {
        const result = compileExpression(text, { key: 'k', kind: k });
        if (!result.ok) expect(result.issue.severity).toBe('error');
        else expect(Array.isArray(result.expr.identifiers)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluate never throws, never hangs and never returns a bigint', () => {
    fc.assert(
      fc.property(expression, kind, fc.jsonValue(), fc.jsonValue(), fc.object(), (text, k, x, y, raw) => {
        const result = compileExpression(text, { key: 'k', kind: k });
        if (!result.ok) return;
        const tally = new Tally();
        const started = Date.now();
        const value = result.expr.evaluate({ x, y, raw }, { tally, at: { file: 'f', row: 1 } });
        expect(Date.now() - started).toBeLessThan(1000);
        expect(hasBigint(value)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

function hasBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasBigint);
}
