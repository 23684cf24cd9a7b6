import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvBlock, csvChunks, isFormulaLike } from '../../../../core/export/csv';

const parse = (text: string) => Papa.parse<string[]>(text.trimEnd(), { header: false, delimiter: ',' }).data;

describe('CSV export', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    const crafted = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd', '=1+1'];
    const rows = parse(csvBlock(crafted.map((c) => [c])));
    for (const [cell] of rows) expect(isFormulaLike(cell)).toBe(false);
    expect(rows.map(([c]) => c)).toEqual(crafted.map((c) => `'${c}`));
  });

  it('keeps ordinary cells, quotes, commas and newlines intact', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string().filter((s) => !isFormulaLike(s) && !s.startsWith("'")), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const text = csvBlock(rows, ['a', 'b']);
        const parsed = Papa.parse<string[]>(text, { header: false, delimiter: ',', skipEmptyLines: false }).data;
        expect(parsed.slice(1, rows.length + 1)).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a formula through, whatever the cell', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 10 }), (cells) => {
        const parsed = Papa.parse<string[]>(csvBlock([cells]), { header: false, delimiter: ',' }).data[0];
        for (const cell of parsed) expect(isFormulaLike(cell)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the header once across chunks and every row once', () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    const text = [...csvChunks(['n'], items, (i) => [i], 5)].join('');
    expect(text.split('\r\n').filter(Boolean)).toEqual(['n', ...items.map(String)]);
  });

  it('writes a header alone for an empty table', () => {
    expect([...csvChunks(['a', 'b'], [], () => [])].join('')).toBe('a,b\r\n');
  });
});

describe('CSV export written by hand (issue 6)', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('', ' ', ' a', 'a ', '"', 'a"b', ',', '\n', '\r\n', '\uFEFF', '=1', '-2', '+x', '@a', '\tx', '\rx', "'a"),
    fc.integer().map(String),
  );
  it('writes every cell as papaparse.unparse with escapeFormulae did (cells without a line break after a formula start)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const safe = rows.map((r) => r.filter((c) => !(isFormulaLike(c) && /[\r\n\u2028\u2029]/.test(c.slice(1)))));
        const wide = safe.filter((r) => r.length >= 2);
        if (wide.length === 0) return;
        const expected = `${Papa.unparse(wide, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
        expect(csvBlock(wide)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes a formula even when a line break follows (papaparse did not)', () => {
    expect(csvBlock([['=1\n2', 'x']])).toBe(`"'=1\n2",x\r\n`);
  });
});
