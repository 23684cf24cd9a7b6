/**
 * The NDJSON / JSON Lines format module: one JSON object per line. Blank lines are skipped; a broken line
 * is reported with its line number and the rest still loads. A record's `row` is its line number.
 */
import type { Issue } from '../issues';
import type { LoadedRecord } from '../types';
import { COLUMN_SAMPLE, leafPaths } from './columns';
import { isObject } from './json-envelope';
import { locateJsonError } from './json-locate';
import type { FormatModule, ParseContext, ParsedFile } from './load-types';
import { jsonNonObjects, ndjsonBrokenLines, noRecords } from './messages';

/** True for an empty or whitespace-only line; stops at the first other character (no copy per line). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}

function firstLines(head: string, count: number): string[] {
  const lines: string[] = [];
  for (const line of head.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '') lines.push(trimmed);
    if (lines.length === count) break;
  }
  return lines;
}

/** True when the first line is a complete one-line object and the next non-blank line starts another. */
export function looksLikeNdjson(head: string): boolean {
  const [first, second] = firstLines(head, 2);
  return (
    first !== undefined &&
    second !== undefined &&
    first.startsWith('{') &&
    first.endsWith('}') &&
    second.startsWith('{')
  );
}

/** Parses NDJSON text. `lineOffset` is added to line numbers (lines cut before the text). */
export function parseNdjson(text: string, context: ParseContext, lineOffset = 0): ParsedFile {
  const at = { source: context.source, file: context.file };
  const records: LoadedRecord[] = [];
  const broken: number[] = [];
  const nonObjects: number[] = [];
  let firstBroken = '';
  let lastBrokenCut = false;
  let lastContentLine = 0;
  let lineNo = lineOffset;
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length + 1 : end + 1;
    lineNo++;
    if (isBlank(line)) continue;
    lastContentLine = lineNo;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const place = locateJsonError(line);
      if (broken.length === 0) firstBroken = place?.detail ?? 'not valid JSON';
      broken.push(lineNo);
      lastBrokenCut = place?.atEnd === true;
      continue;
    }
    if (isObject(value))
      records.push({ source: context.source, file: context.file, row: lineNo, raw: value });
    else nonObjects.push(lineNo);
  }

  // Cut off: the last line with content is broken and ends before its object does.
  const lastCut = lastBrokenCut && broken[broken.length - 1] === lastContentLine;
  const issues: Issue[] = [];
  if (broken.length > 0) issues.push(ndjsonBrokenLines(at, broken, firstBroken, lastCut));
  if (nonObjects.length > 0) issues.push(jsonNonObjects(at, nonObjects, 'line'));
  if (records.length === 0) issues.push(noRecords(at, 'json'));
  return {
    records,
    columns: leafPaths(records.slice(0, COLUMN_SAMPLE).map((r) => r.raw)),
    issues,
    paging: { markers: [] },
  };
}

/** Newline-delimited JSON (.ndjson, .jsonl). */
export const ndjsonFormat: FormatModule = {
  id: 'ndjson',
  label: 'NDJSON / JSON Lines (one object per line)',
  extensions: ['.ndjson', '.jsonl'],
  detect: looksLikeNdjson,
  parse: (text, context) => parseNdjson(text, context),
};
