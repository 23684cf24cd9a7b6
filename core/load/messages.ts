/**
 * Every message the Load stage can produce, as typed functions returning an `Issue` (the VL
 * `log/message.ts` pattern). Each names the file (and row, line or column when there is one) and says what
 * to do. JSON-specific texts live in messages-json.ts and are re-exported here.
 */
import type { Issue } from '../issues';
import { listFirst, type FileAt } from './message-parts';

const exportAgain = 'Export the file again and check that the export finished.';

/** The file has no bytes, or only whitespace and a BOM. */
export const fileEmpty = (at: FileAt): Issue => ({
  code: 'load.empty',
  severity: 'error',
  ...at,
  message: `${at.file}: file is empty.`,
  fix: `${exportAgain} If the system really has no users, remove the file from source "${at.source}".`,
});

/** The file is a workbook, archive or other binary file, not text. */
export const binaryFile = (at: FileAt, what: string): Issue => ({
  code: 'load.binary',
  severity: 'error',
  ...at,
  message: `${at.file} is not a text file: it looks like ${what}.`,
  fix: `Open it in the program that made it, export or "Save as" CSV (UTF-8) or JSON, and list that file in source "${at.source}".`,
});

/** The bytes are not UTF-8, so they were read as Windows-1252. */
export const encodingFallback = (at: FileAt, line: number | null, byte: number | null): Issue => ({
  // No `row`: in a CSV file a row is a record number, and this is a line number (given in the message).
  code: 'load.encoding-fallback',
  severity: 'warning',
  ...at,
  message:
    `${at.file} is not valid UTF-8` +
    (line === null || byte === null ? '' : ` (byte 0x${byte.toString(16).toUpperCase()} on line ${line})`) +
    '; it was read as Windows-1252.',
  fix: `Check a few names with accents (e.g. "Müller"). If they look wrong, set csv.encoding of source "${at.source}", or export the file as UTF-8.`,
});

/** UTF-16 recognized by its NUL-byte pattern, without a byte-order mark. */
export const encodingGuessed = (at: FileAt, encoding: string): Issue => ({
  code: 'load.encoding-guessed',
  severity: 'warning',
  ...at,
  message: `${at.file} has no byte-order mark but looks like ${encoding.toUpperCase()}; it was read as ${encoding.toUpperCase()}.`,
  fix: `If the text looks wrong, set csv.encoding of source "${at.source}"; better, export the file as UTF-8.`,
});

/** The encoding the project gives does not fit the bytes. */
export const encodingInvalid = (at: FileAt, encoding: string, line: number | null): Issue => ({
  code: 'load.encoding-invalid',
  severity: 'warning',
  ...at,
  message: `${at.file} is not valid ${encoding.toUpperCase()} as csv.encoding says${line === null ? '' : ` (line ${line})`}; the invalid bytes were replaced with "\uFFFD".`,
  fix: `Set csv.encoding of source "${at.source}" to "auto" or to the file's real encoding.`,
});

/** A header without rows, or an empty record array. */
export const noRecords = (at: FileAt, what: 'csv' | 'json'): Issue => ({
  code: 'load.no-records',
  severity: 'warning',
  ...at,
  message: what === 'csv' ? `${at.file} has a header but no data rows.` : `${at.file} holds no records.`,
  fix: `${exportAgain} If the file is meant to be empty, remove it from source "${at.source}".`,
});

/** A next-page marker in the file: probably one page of several. */
export const truncated = (at: FileAt, marker: string): Issue => ({
  code: 'load.truncated',
  severity: 'warning',
  ...at,
  message: `${at.file} has a next-page marker (${marker}): this looks like one page of a paged export.`,
  fix: `Add the other pages as files of source "${at.source}" (they are read in the listed order), or export without paging.`,
});

/** A source's SCIM pages hold fewer resources than their totalResults. */
export const scimIncomplete = (source: string, files: string[], total: number, present: number): Issue => ({
  code: 'load.truncated',
  severity: 'warning',
  source,
  file: files[0],
  count: total - present,
  message: `Source "${source}" reports totalResults ${total} (SCIM) but ${listFirst(files)} hold${files.length === 1 ? 's' : ''} ${present} resources: this looks like one page of a paged export.`,
  fix: `Add the other pages as files of source "${source}" (use startIndex/count to fetch them), or export without paging.`,
});

export { listFirst, type FileAt } from './message-parts';
export * from './messages-csv';
export * from './messages-json';
