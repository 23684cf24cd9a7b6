/**
 * The JSON format module: one document holding the records as a top-level array or inside an envelope.
 * Strips HTTP response headers saved in front of the body, reports syntax errors with line and column,
 * reads a .json file that really holds NDJSON, skips elements that are not objects, and collects paging
 * markers for truncation warnings.
 */
import type { Issue } from '../issues';
import type { LoadedRecord } from '../types';
import { COLUMN_SAMPLE, leafPaths } from './columns';
import { findRecords, isObject } from './json-envelope';
import { stripHttpHeaders } from './json-http';
import { lineColumn, locateJsonError } from './json-locate';
import { findPaging } from './json-paging';
import type { EnvelopeInfo, FormatModule, ParseContext, ParsedFile } from './load-types';
import { jsonHttpHeaders, jsonNonObjects, jsonReadAsNdjson, jsonSyntax, noRecords } from './messages';
import { looksLikeNdjson, parseNdjson } from './ndjson-format';

/** True when the text starts like a JSON document (or like an HTTP response holding one). */
export function looksLikeJson(head: string): boolean {
  const start = head.trimStart();
  return start.startsWith('[') || start.startsWith('{') || /^HTTP\/\d/.test(start);
}

const failed = (issues: Issue[]): ParsedFile => ({
  records: [],
  columns: [],
  issues,
  paging: { markers: [] },
});

function syntaxIssue(body: string, lineOffset: number, context: ParseContext, engineMessage: string): Issue {
  const at = { source: context.source, file: context.file };
  const place = locateJsonError(body);
  if (!place) return jsonSyntax(at, engineMessage, null, null, false);
  const { line, column } = lineColumn(body, place.offset);
  return jsonSyntax(at, place.detail, line + lineOffset, column, place.atEnd);
}

function parseJson(text: string, context: ParseContext): ParsedFile {
  const at = { source: context.source, file: context.file };
  const issues: Issue[] = [];
  const http = stripHttpHeaders(text);
  if (http.statusLine !== null) issues.push(jsonHttpHeaders(at, http.statusLine, http.lines));

  let doc: unknown;
  try {
    doc = JSON.parse(http.body);
  } catch (error) {
    if (looksLikeNdjson(http.body.slice(0, 4096))) {
      const parsed = parseNdjson(http.body, context, http.lines);
      return { ...parsed, format: 'ndjson', issues: [...issues, jsonReadAsNdjson(at), ...parsed.issues] };
    }
    return failed([
      ...issues,
      syntaxIssue(http.body, http.lines, context, error instanceof Error ? error.message : String(error)),
    ]);
  }

  const found = findRecords(doc, context.options.json?.recordsPath, at);
  if (!found.ok) return failed([...issues, found.issue]);
  issues.push(...found.issues);

  const records: LoadedRecord[] = [];
  const nonObjects: number[] = [];
  for (let i = 0; i < found.items.length; i++) {
    const item = found.items[i];
    // `row` is the element's position in the array, so skipped elements leave gaps that point at them.
    if (isObject(item)) records.push({ source: context.source, file: context.file, row: i + 1, raw: item });
    else nonObjects.push(i + 1);
  }
  if (nonObjects.length > 0) issues.push(jsonNonObjects(at, nonObjects, 'element'));
  if (records.length === 0) issues.push(noRecords(at, 'json'));

  const paging = findPaging(found.envelope, found.items);
  if (http.nextLink) paging.markers.push('HTTP Link header rel="next"');
  const columns = leafPaths(records.slice(0, COLUMN_SAMPLE).map((r) => r.raw));
  const envelope = describeEnvelope(found.envelope, found.items, context.options.json?.recordsPath, paging.markers, http.statusLine);
  return { records, columns, issues, paging, envelope };
}

/** The envelope's keys and simple values, for recognizing the API that wrote the file. */
export function describeEnvelope(
  envelope: Record<string, unknown> | null,
  items: unknown[],
  recordsPath: string | undefined,
  markers: string[],
  http: string | null,
): EnvelopeInfo {
  const values: EnvelopeInfo['values'] = {};
  for (const [key, value] of Object.entries(envelope ?? {})) {
    const textList = Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value) || textList) {
      values[key] = value as EnvelopeInfo['values'][string];
    }
  }
  const recordsKey = recordsPath ?? (envelope ? (Object.keys(envelope).find((k) => envelope[k] === items) ?? null) : null);
  return { recordsKey, keys: Object.keys(envelope ?? {}), values, markers: [...markers], http };
}

/** One JSON document (.json). */
export const jsonFormat: FormatModule = {
  id: 'json',
  label: 'JSON (an array, or an API envelope such as value, members, Resources)',
  extensions: ['.json'],
  detect: looksLikeJson,
  parse: parseJson,
};
