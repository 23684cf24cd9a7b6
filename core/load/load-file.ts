/**
 * Loads one file: bytes to text (encoding.ts), text to records through the chosen format module
 * (registry.ts), plus a warning when the file carries a next-page marker.
 */
import type { InputFile } from '../types';
import { decodeBytes } from './encoding';
import type { LoadedFile, LoadOptions, PagingInfo } from './load-types';
import { truncated } from './messages';
import { chooseFormat, formatByExtension } from './registry';

/** A loaded file and what it said about paging (for the per-source checks in load-source.ts). */
export interface FileLoad {
  loaded: LoadedFile;
  paging: PagingInfo;
}

/** Like `loadFile`, and also returns the paging markers and SCIM counts found. */
export function loadFileWithPaging(input: InputFile, options: LoadOptions): FileLoad {
  const at = { source: input.source, file: input.name };
  const decoded = decodeBytes(input.bytes, options.csv?.encoding ?? 'auto', at);
  if (!decoded.ok) {
    const format = options.format !== 'auto' ? options.format : (formatByExtension(input.name)?.id ?? 'csv');
    return {
      loaded: { file: input.name, format, encoding: '', columns: [], records: [], issues: [decoded.issue] },
      paging: { markers: [] },
    };
  }

  const module = chooseFormat(input.name, decoded.text, options.format);
  const parsed = module.parse(decoded.text, { source: input.source, file: input.name, options });
  const issues = [...decoded.issues, ...parsed.issues];
  if (parsed.paging.markers.length > 0) issues.push(truncated(at, parsed.paging.markers.join(', ')));
  const loaded: LoadedFile = {
    file: input.name,
    format: parsed.format ?? module.id,
    encoding: decoded.encoding,
    ...(parsed.delimiter === undefined ? {} : { delimiter: parsed.delimiter }),
    columns: parsed.columns,
    records: parsed.records,
    issues,
    ...(parsed.envelope ? { envelope: parsed.envelope } : {}),
  };
  return { loaded, paging: parsed.paging };
}

/**
 * Reads one export file into raw records with provenance (`row` 1-based: the first CSV data row, the
 * first JSON array element, or the NDJSON line number). Never throws for bad input: an unreadable file
 * comes back with no records and an error issue naming it.
 */
export function loadFile(input: InputFile, options: LoadOptions): LoadedFile {
  return loadFileWithPaging(input, options).loaded;
}
