/**
 * Turns papaparse's per-row errors into a few aggregated issues with record numbers and line numbers.
 *
 * papaparse counts rows differently per error type: FieldMismatch errors carry the 0-based index of the
 * data row (after the header and after skipped empty lines), Quotes errors carry the parser's raw row index
 * (empty lines included). So quote errors are placed from their character offset instead.
 */
import Papa, { type PapaParseError } from 'papaparse/papaparse.min.js';
import type { Issue } from '../issues';
import type { FileAt } from './message-parts';
import { csvMalformedQuote, csvRaggedRows, csvUnterminatedQuote } from './messages';

/** Papa's key for the values of fields beyond the header. */
const EXTRA_KEY = '__parsed_extra';

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The 1-based record number of the record that contains `offset`: parse everything before it again. Only
 * runs for the first quote error of each kind. */
function recordAtOffset(text: string, offset: number, delimiter: string): number {
  // The "x" keeps the record being read non-empty, so skipEmptyLines cannot drop it.
  const before = `${text.slice(0, Math.max(0, offset - 1))}x`;
  const rows = Papa.parse<string[]>(before, { delimiter, skipEmptyLines: 'greedy' }).data.length;
  return Math.max(1, rows - 1);
}

/**
 * Converts papaparse errors to issues and drops the extra fields papaparse keeps on rows that are longer
 * than the header (the warning says they were dropped). Mutates only `data`, papaparse's fresh output.
 */
export function csvParseIssues(
  errors: readonly PapaParseError[],
  data: Record<string, unknown>[],
  text: string,
  delimiter: string,
  headerLength: number,
  at: FileAt,
): Issue[] {
  const ragged: number[] = [];
  let unterminated: PapaParseError | undefined;
  const malformed: PapaParseError[] = [];
  for (const error of errors) {
    if (error.code === 'TooFewFields' || error.code === 'TooManyFields') {
      if (error.row === undefined) continue;
      ragged.push(error.row + 1);
      if (error.code === 'TooManyFields') delete data[error.row]?.[EXTRA_KEY];
    } else if (error.code === 'MissingQuotes') {
      unterminated ??= error;
    } else if (error.code === 'InvalidQuotes') {
      malformed.push(error);
    }
  }

  const issues: Issue[] = [];
  if (unterminated?.index !== undefined) {
    const offset = unterminated.index;
    issues.push(
      csvUnterminatedQuote(at, recordAtOffset(text, offset, delimiter), lineOfOffset(text, offset)),
    );
  }
  // A malformed quote that swallows the rest of the file is also reported as unterminated: say it once.
  const onlyMalformed = malformed.filter((e) => e.index !== unterminated?.index);
  const first = onlyMalformed[0];
  if (first?.index !== undefined) {
    issues.push(
      csvMalformedQuote(
        at,
        recordAtOffset(text, first.index, delimiter),
        lineOfOffset(text, first.index),
        onlyMalformed.length,
      ),
    );
  }
  if (ragged.length > 0) issues.push(csvRaggedRows(at, ragged, headerLength));
  return issues;
}
