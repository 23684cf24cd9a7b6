/**
 * CSV writing for every file the tool exports (CLI and app share it). A cell starting with `=`, `+`, `-`,
 * `@`, tab or CR gets a leading `'` (and quotes), so a spreadsheet shows it as text instead of running it
 * (CSV/formula injection). Output is produced in chunks so a million-row roster never has to exist as
 * one string.
 *
 * The cells are written as papaparse's `unparse` wrote them (quotes around a cell holding a delimiter,
 * quote, line break or BOM, or starting or ending with a space; quotes doubled), by hand: unparse was a
 * fifth of a large run (issue 6). One deliberate difference: papaparse escapes a formula only when the
 * cell has no line break after its first character; here every cell starting with a formula character
 * is escaped, as the README promises.
 */

/** Characters a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Anything that makes a cell need more than copying: a formula start, or a character that needs quotes. */
const SPECIAL = /^[=+\-@\t\r ]|[",\r\n\uFEFF]| $/;
const QUOTES = /"/g;

/** True when a spreadsheet would run this cell as a formula if written unescaped. */
export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell);
}

export type Cell = string | number | boolean | null | undefined;

/** One cell as CSV text. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (!SPECIAL.test(text)) return text;
  const formula = FORMULA_START.test(text);
  const escaped = (formula ? `'${text}` : text).replace(QUOTES, '""');
  return formula || /[",\r\n\uFEFF]|^ | $/.test(escaped) ? `"${escaped}"` : escaped;
}

/** One CSV line (no line end). */
export function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return line;
}

/** One CSV text block for a header (when given) and rows, CRLF line ends, formula-safe cells. */
export function csvBlock(rows: Cell[][], header?: string[]): string {
  let text = header ? `${csvLine(header)}\r\n` : '';
  for (const row of rows) text += `${csvLine(row)}\r\n`;
  return text;
}

/** Writes a table in chunks: the header with the first chunk, then `chunkSize` rows per block. */
export function* csvChunks<T>(header: string[], items: Iterable<T>, toRow: (item: T) => Cell[], chunkSize = 5000): Generator<string> {
  let block = `${csvLine(header)}\r\n`;
  let rows = 0;
  for (const item of items) {
    block += `${csvLine(toRow(item))}\r\n`;
    if (++rows >= chunkSize) {
      yield block;
      block = '';
      rows = 0;
    }
  }
  if (block !== '') yield block;
}
