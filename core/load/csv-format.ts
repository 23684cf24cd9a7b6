/**
 * The CSV format module: delimiter detection (comma, semicolon, tab, pipe), a header made unique, and
 * papaparse in header mode over the decoded text. Values stay strings exactly as written (no trimming,
 * no typing); the mapping stage decides what they mean.
 */
// The typing for 'papaparse/papaparse.min.js' is ambient (see papaparse.d.ts); tsconfig.test.json only sees it
// through this reference. An `import` cannot carry a `declare module` for an untyped package.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse/papaparse.min.js';
import type { Issue } from '../issues';
import type { LoadedRecord } from '../types';
import { csvParseIssues } from './csv-errors';
import { uniqueHeader } from './csv-header';
import type { FormatModule, ParseContext, ParsedFile } from './load-types';
import { csvNoLineBreak, csvOneColumn, noRecords } from './messages';

/** Delimiters tried, in the order ties are broken. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Characters of the file's start used for sniffing the delimiter and reading the header. */
const HEAD = 64 * 1024;

/** The start of the text: delimiter guessing and header reading never split the whole file. */
export function headOf(text: string): string {
  if (text.length <= HEAD) return text;
  const head = text.slice(0, HEAD);
  return head.includes('\n') ? head : text;
}

/** papaparse's guess (the most consistent field count over the first 10 rows), or null when no
 * candidate splits the rows into two or more fields. */
export function guessDelimiter(text: string): string | null {
  const result = Papa.parse<string[]>(headOf(text), {
    delimitersToGuess: [...CSV_DELIMITERS],
    preview: 10,
    skipEmptyLines: 'greedy',
  });
  return result.errors.some((e) => e.code === 'UndetectableDelimiter') ? null : result.meta.delimiter;
}

/** The header row's fields as written (the first non-empty row). */
export function readHeader(text: string, delimiter: string): string[] {
  const rows = Papa.parse<string[]>(headOf(text), { delimiter, preview: 50, skipEmptyLines: 'greedy' }).data;
  return rows[0] ?? [];
}

/** Longest first line read as a header: real headers are a few KB; a longer one is a file without line
 * breaks, and splitting it into millions of "columns" took minutes (issue 8). */
export const MAX_HEADER_CHARS = 1024 * 1024;

function parseCsv(text: string, context: ParseContext): ParsedFile {
  const at = { source: context.source, file: context.file };
  if (text.length > MAX_HEADER_CHARS && !/[\r\n]/.test(text.slice(0, MAX_HEADER_CHARS))) {
    return { records: [], columns: [], issues: [csvNoLineBreak(at, MAX_HEADER_CHARS, text.length)], paging: { markers: [] } };
  }
  const given = context.options.csv?.delimiter;
  const guessed = given ? null : guessDelimiter(text);
  const delimiter = given || guessed || ',';
  const issues: Issue[] = [];

  const header = uniqueHeader(readHeader(text, delimiter), at);
  issues.push(...header.issues);
  const names = header.names;
  if (!given && !guessed && names.length === 1) issues.push(csvOneColumn(at, names[0]));

  const result = Papa.parse<Record<string, unknown>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (raw, i) => names[i] ?? raw,
  });
  issues.push(...csvParseIssues(result.errors, result.data, text, delimiter, names.length, at));

  const records: LoadedRecord[] = new Array(result.data.length);
  for (let i = 0; i < result.data.length; i++) {
    records[i] = { source: context.source, file: context.file, row: i + 1, raw: result.data[i] };
  }
  if (records.length === 0) issues.push(noRecords(at, 'csv'));
  return { records, columns: names, issues, paging: { markers: [] }, delimiter };
}

/** Comma-, semicolon-, tab- or pipe-separated values with a header row. Detects anything: it is the
 * registry's fallback, tried last. */
export const csvFormat: FormatModule = {
  id: 'csv',
  label: 'CSV (delimited text with a header row)',
  extensions: ['.csv', '.tsv', '.txt'],
  detect: () => true,
  parse: parseCsv,
};
