/**
 * CSV writing for every file the tool exports (CLI and app share it). Cells are written by papaparse with
 * `escapeFormulae`: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet
 * shows it as text instead of running it (CSV/formula injection). Output is produced in chunks so a
 * million-row roster never has to exist as one string.
 */
import Papa from 'papaparse/papaparse.min.js';

/** Characters a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would run this cell as a formula if written unescaped. */
export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell);
}

export type Cell = string | number | boolean | null | undefined;

function toText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** One CSV text block for a header (when given) and rows, CRLF line ends, formula-safe cells. */
export function csvBlock(rows: Cell[][], header?: string[]): string {
  const data = rows.map((row) => row.map(toText));
  const text = Papa.unparse(header ? { fields: header, data } : data, { escapeFormulae: true, newline: '\r\n', header: !!header });
  const body = text.replace(/\r\n$/, '');
  return body === '' ? '' : `${body}\r\n`;
}

/** Writes a table in chunks: the header with the first chunk, then `chunkSize` rows per block. */
export function* csvChunks<T>(header: string[], items: Iterable<T>, toRow: (item: T) => Cell[], chunkSize = 5000): Generator<string> {
  let batch: Cell[][] = [];
  let first = true;
  for (const item of items) {
    batch.push(toRow(item));
    if (batch.length >= chunkSize) {
      yield csvBlock(batch, first ? header : undefined);
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0 || first) yield csvBlock(batch, first ? header : undefined);
}
