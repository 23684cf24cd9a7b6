/**
 * Messages about CSV files: header names, ragged rows, quoting, delimiters, pages with other headers.
 */
import type { Issue } from '../issues';
import { listFirst, quoted, type FileAt } from './message-parts';

/** A header name used more than once; the copies got new names. */
export const csvDuplicateHeader = (at: FileAt, name: string, renamed: string[]): Issue => ({
  code: 'csv.duplicate-header',
  severity: 'warning',
  ...at,
  column: name,
  message: `${at.file} has the column "${name}" ${renamed.length + 1} times; the copies are named ${quoted(renamed)}.`,
  fix: `Map the copy you need by its new name, or rename the columns in the export of source "${at.source}".`,
});

/** Columns without a header name; named by position. */
export const csvEmptyHeader = (at: FileAt, names: string[]): Issue => ({
  code: 'csv.empty-header',
  severity: 'warning',
  ...at,
  column: names[0],
  message: `${at.file} has ${names.length === 1 ? 'a column' : `${names.length} columns`} without a name; named ${quoted(names)} by position.`,
  fix: `Map ${names.length === 1 ? 'it' : 'them'} by ${names.length === 1 ? 'that name' : 'those names'}, or give the column${names.length === 1 ? '' : 's'} a header in the export.`,
});

/** Rows with more or fewer fields than the header, aggregated. */
export const csvRaggedRows = (at: FileAt, rows: number[], expected: number): Issue => ({
  code: 'csv.ragged-rows',
  severity: 'warning',
  ...at,
  row: rows[0],
  count: rows.length,
  message: `${at.file} has ${rows.length} row${rows.length === 1 ? '' : 's'} with more or fewer fields than the header's ${expected}: row${rows.length === 1 ? '' : 's'} ${listFirst(rows)}.`,
  fix: `Check the delimiter (csv.delimiter of source "${at.source}") and the quoting in those rows. Missing fields count as empty; extra fields were dropped.`,
});

/** A quoted field that never closes (the rest of the file became one value). */
export const csvUnterminatedQuote = (at: FileAt, row: number, line: number): Issue => ({
  code: 'csv.unbalanced-quotes',
  severity: 'error',
  ...at,
  row,
  message: `${at.file} row ${row} (line ${line}) has a quoted field that does not end properly (its closing quote is missing, or text follows it); everything after it was read as one value.`,
  fix: 'Close the quote in that row (a " inside a quoted value is written ""), then save or export the file again.',
});

/** Text right after a closing quote, aggregated. */
export const csvMalformedQuote = (at: FileAt, row: number, line: number, count: number): Issue => ({
  code: 'csv.malformed-quotes',
  severity: 'warning',
  ...at,
  row,
  count,
  message: `${at.file} row ${row} (line ${line}) has text right after the closing quote of a quoted field${count > 1 ? ` (${count} such fields in the file)` : ''}; it was kept as part of the value.`,
  fix: 'Inside a quoted value write " as "", or re-export the file from its system.',
});

/** The first line runs past the longest header the loader reads: the file has no line breaks. */
export const csvNoLineBreak = (at: FileAt, limit: number, length: number): Issue => ({
  code: 'csv.no-line-break',
  severity: 'error',
  ...at,
  row: 1,
  message: `${at.file} has no line break in its first ${sizeText(limit)} (${sizeText(length)} in all), so it is not a CSV file with a header line and one record per line.`,
  fix: `Export the file again as CSV (one record per line). If it is JSON, name it .json or set format "json" for source "${at.source}".`,
});

/** `1 MB`, `200 MB`, `812 KB`: a size in characters, for messages. */
function sizeText(chars: number): string {
  return chars >= 1024 * 1024 ? `${Math.round(chars / (1024 * 1024))} MB` : `${Math.max(1, Math.round(chars / 1024))} KB`;
}

/** No delimiter found: maybe an unusual one. */
export const csvOneColumn = (at: FileAt, header: string): Issue => ({
  code: 'csv.one-column',
  severity: 'info',
  ...at,
  column: header,
  message: `${at.file} has a single column ("${header.length > 60 ? `${header.slice(0, 60)}…` : header}"): no comma, semicolon, tab or pipe separates its header.`,
  fix: `If the file uses another delimiter, set csv.delimiter of source "${at.source}".`,
});

/** A CSV page whose columns differ from the first page of its source. */
export const csvHeaderMismatch = (
  at: FileAt,
  firstFile: string,
  missing: string[],
  extra: string[],
): Issue => ({
  code: 'csv.header-mismatch',
  severity: 'warning',
  ...at,
  column: missing[0] ?? extra[0],
  message:
    `${at.file} has a different header than ${firstFile}` +
    (missing.length ? `: it lacks ${quoted(missing)}` : '') +
    (extra.length ? `${missing.length ? ' and' : ':'} adds ${quoted(extra)}` : '') +
    '.',
  fix: `Pages of one source should come from the same export. Check that ${at.file} belongs to source "${at.source}"; missing columns count as empty.`,
});
