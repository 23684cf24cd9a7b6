/**
 * Golden fixtures: every `test/fixtures/load/<case>-input.<ext>` is loaded and compared with
 * `<case>-expected.json`; invariants that hold for any file are checked on each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../../core/load';

const DIR = join(__dirname, '../../../fixtures/load');

interface Expected {
  format: string;
  encoding: string;
  delimiter?: string;
  columns: string[];
  rows: number[];
  first: unknown;
  issues: { code: string; severity: string; row?: number }[];
}

const cases = readdirSync(DIR)
  .filter((name) => /-input\.[a-z]+$/.test(name))
  .map((name) => ({
    name,
    expected: JSON.parse(
      readFileSync(join(DIR, name.replace(/-input\.[a-z]+$/, '-expected.json')), 'utf8'),
    ) as Expected,
  }));

describe('load fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('$name', ({ name, expected }) => {
    const loaded = loadFile(
      { source: 'fixture', name, bytes: new Uint8Array(readFileSync(join(DIR, name))) },
      { format: 'auto' },
    );
    expect({
      format: loaded.format,
      encoding: loaded.encoding,
      ...(loaded.delimiter === undefined ? {} : { delimiter: loaded.delimiter }),
      columns: loaded.columns,
      rows: loaded.records.map((r) => r.row),
      first: loaded.records[0]?.raw,
      issues: loaded.issues.map((i) => ({
        code: i.code,
        severity: i.severity,
        ...(i.row === undefined ? {} : { row: i.row }),
      })),
    }).toEqual(expected);

    // Invariants: provenance on every record, rows strictly increasing, every issue actionable.
    for (const record of loaded.records) expect(record).toMatchObject({ source: 'fixture', file: name });
    const rows = loaded.records.map((r) => r.row);
    expect(rows.every((row, i) => row >= 1 && (i === 0 || row > rows[i - 1]))).toBe(true);
    for (const issue of loaded.issues) {
      expect(issue).toMatchObject({ source: 'fixture', file: name });
      expect(issue.message).toContain(name);
      expect(issue.fix).toBeTruthy();
    }
  });
});
