import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../../core/load';
import { input, raws, rows } from './helpers';

/** Strings with the characters that break naive parsers: delimiters, quotes, newlines, spaces, unicode. */
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(
        ',',
        ';',
        '\t',
        '|',
        '"',
        '""',
        '\n',
        '\r\n',
        ' ',
        'Müller',
        'Łódź',
        '日本',
        '😀',
        "O'Brien",
      ),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''))
  // A NUL byte makes a file binary; that is tested elsewhere.
  .filter((s) => !s.includes('\u0000'));

const header = fc.uniqueArray(
  tricky.filter((s) => s.trim() !== '' && !s.startsWith('\uFEFF')),
  { minLength: 1, maxLength: 5 },
);

/** Records over one header; every record has a non-blank value (blank rows are skipped by design). */
const table = header.chain((keys) =>
  fc.record({
    keys: fc.constant(keys),
    rows: fc.array(
      fc.tuple(...keys.map(() => tricky)).filter((values) => values.some((v) => v.trim() !== '')),
      { maxLength: 15 },
    ),
  }),
);

const toRecords = (keys: string[], values: string[][]): Record<string, string>[] =>
  values.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));

describe('round trips', () => {
  it('CSV written by Papa.unparse loads back to the same records, rows 1..n', () => {
    fc.assert(
      fc.property(table, ({ keys, rows: values }) => {
        const text = Papa.unparse({ fields: keys, data: values });
        const loaded = loadFile(input('t.csv', text), { format: 'auto', csv: { delimiter: ',' } });
        expect(loaded.issues.filter((i) => i.severity !== 'info')).toEqual(
          values.length === 0 ? [expect.objectContaining({ code: 'load.no-records' })] : [],
        );
        expect(loaded.columns).toEqual(keys);
        expect(raws(loaded)).toEqual(toRecords(keys, values));
        expect(rows(loaded)).toEqual(values.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('CSV with a detected delimiter loads back too', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9äöüßé ]{1,8}$/).filter((s) => s.trim() !== '');
    const simple = fc.record({
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      keys: fc.uniqueArray(word, { minLength: 2, maxLength: 5 }),
      seed: fc.array(fc.array(word, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(simple, ({ delimiter, keys, seed }) => {
        const values = seed.map((row) => keys.map((_, i) => row[i]));
        const text = Papa.unparse({ fields: keys, data: values }, { delimiter });
        const loaded = loadFile(input('t.csv', text), { format: 'auto' });
        expect(loaded.delimiter).toBe(delimiter);
        expect(raws(loaded)).toEqual(toRecords(keys, values));
      }),
      { numRuns: 200 },
    );
  });

  const objects = fc.array(
    fc.dictionary(
      fc.string().filter((k) => k !== '__proto__'),
      tricky,
      { maxKeys: 5 },
    ),
    { maxLength: 15 },
  );

  it('a JSON array loads back to the same records, rows 1..n', () => {
    fc.assert(
      fc.property(objects, (records) => {
        const loaded = loadFile(input('t.json', JSON.stringify(records)), { format: 'auto' });
        expect(raws(loaded)).toEqual(records);
        expect(rows(loaded)).toEqual(records.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('NDJSON loads back to the same records, rows 1..n', () => {
    fc.assert(
      fc.property(
        objects.filter((r) => r.length > 0),
        (records) => {
          const loaded = loadFile(input('t.ndjson', records.map((r) => JSON.stringify(r)).join('\n')), {
            format: 'auto',
          });
          expect(loaded.issues).toEqual([]);
          expect(raws(loaded)).toEqual(records);
          expect(rows(loaded)).toEqual(records.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});
