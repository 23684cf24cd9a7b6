/**
 * Messages about JSON and NDJSON files: syntax errors, where the records are, skipped elements and lines.
 */
import type { Issue } from '../issues';
import { listFirst, quoted, type FileAt } from './message-parts';

/** `row` is the line of the error: a broken document has no records whose numbers it could clash with. */
export const jsonSyntax = (
  at: FileAt,
  detail: string,
  line: number | null,
  column: number | null,
  cutOff: boolean,
): Issue => {
  // A web page saved instead of the export (an error or sign-in page) starts with "<".
  const page = line === 1 && (column ?? 1) === 1 && detail.includes('"<"');
  return {
    code: 'json.syntax',
    severity: 'error',
    ...at,
    ...(line === null ? {} : { row: line }),
    message:
      `${at.file} is not valid JSON: ${detail}${line === null ? '' : ` at line ${line} column ${column ?? 1}`}.` +
      (cutOff ? ' The file ends in the middle of the document, so it looks truncated.' : '') +
      (page ? ' It starts with "<": it looks like an HTML or XML page (an error or sign-in page saved instead of the export).' : ''),
    fix: cutOff
      ? 'Export or download the file again and check that it is complete.'
      : page
        ? 'Download the export again (signed in, from the API or the admin console) and check that the file starts with [ or {.'
        : 'Fix the JSON at that position, or export the file again from its system.',
  };
};

/** Neither an array nor an envelope the loader knows. */
export const jsonNotRecords = (at: FileAt, found: string, candidates: string[]): Issue => ({
  code: 'json.not-records',
  severity: 'error',
  ...at,
  message: `${at.file} is neither a JSON array nor a known envelope (value, members, Resources, users, data, ...): ${found}.`,
  fix: candidates.length
    ? `Set json.recordsPath of source "${at.source}" to the path of the user array: ${quoted(candidates)}.`
    : `Set json.recordsPath of source "${at.source}" to the dotted path of the array that holds the users.`,
});

/** json.recordsPath does not lead to an array. */
export const jsonRecordsPath = (at: FileAt, path: string, problem: string): Issue => ({
  code: 'json.records-path',
  severity: 'error',
  ...at,
  key: 'json.recordsPath',
  message: `json.recordsPath "${path}" of source "${at.source}" does not lead to an array in ${at.file}: ${problem}.`,
  fix: `Correct json.recordsPath of source "${at.source}" (a dotted path such as "data.users"), or remove it to detect the records.`,
});

/** An unknown envelope's only array of objects was taken as the records. */
export const jsonEnvelopeGuessed = (at: FileAt, key: string): Issue => ({
  code: 'json.envelope-guessed',
  severity: 'info',
  ...at,
  message: `${at.file} is an object whose only array of objects is "${key}"; it was read as the records.`,
  fix: `If "${key}" is not the user list, set json.recordsPath of source "${at.source}".`,
});

/** HTTP response headers saved in front of the JSON body. */
export const jsonHttpHeaders = (at: FileAt, statusLine: string, lines: number): Issue => ({
  code: 'json.http-headers',
  severity: 'warning',
  ...at,
  message: `${at.file} starts with ${lines} lines of HTTP response headers ("${statusLine}"); they were skipped and the body read as JSON.`,
  fix: 'Save only the response body (for example curl without -i/--include).',
});

/** Array elements or NDJSON lines that are not objects, aggregated. */
export const jsonNonObjects = (at: FileAt, positions: number[], unit: 'element' | 'line'): Issue => ({
  code: 'json.non-objects',
  severity: 'warning',
  ...at,
  row: positions[0],
  count: positions.length,
  message: `${at.file} has ${positions.length} ${unit === 'element' ? 'array element' : 'line'}${positions.length === 1 ? '' : 's'} that ${positions.length === 1 ? 'is' : 'are'} not a JSON object (${unit}${positions.length === 1 ? '' : 's'} ${listFirst(positions)}); skipped.`,
  fix: `Each user must be one JSON object ({...}); check how source "${at.source}" was exported.`,
});

/** NDJSON lines that are not valid JSON, aggregated. */
export const ndjsonBrokenLines = (
  at: FileAt,
  lines: number[],
  detail: string,
  lastLineCut: boolean,
): Issue => ({
  code: 'ndjson.broken-line',
  severity: 'warning',
  ...at,
  row: lines[0],
  count: lines.length,
  message:
    `${at.file} line ${lines[0]} is not valid JSON (${detail}) and was skipped` +
    (lines.length > 1 ? `; ${lines.length} broken lines in all: ${listFirst(lines)}` : '') +
    '.' +
    (lastLineCut ? ' The last line is cut off, so the file looks truncated.' : ''),
  fix: 'Fix or remove those lines, or export the file again: every line must hold one complete JSON object.',
});

/** A .json file that holds NDJSON. */
export const jsonReadAsNdjson = (at: FileAt): Issue => ({
  code: 'json.read-as-ndjson',
  severity: 'info',
  ...at,
  message: `${at.file} holds one JSON object per line (NDJSON), not one JSON document; it was read as NDJSON.`,
  fix: `Set format "ndjson" for source "${at.source}", or name the file .ndjson, to say so.`,
});
