/**
 * Shapes of the Load stage: its options and result, and the contract every file-format module meets.
 */
import type { Issue } from '../issues';
import type { FileFormat, LoadedRecord } from '../types';
import type { ENCODINGS } from '../project/schema';

/** A text encoding the loader reads; `auto` detects it (BOM, UTF-16 pattern, UTF-8, else Windows-1252). */
export type EncodingOption = (typeof ENCODINGS)[number];

/** How to read one file; a source's `format`, `csv` and `json` settings. */
export interface LoadOptions {
  format: 'auto' | 'csv' | 'json' | 'ndjson';
  /** `encoding` applies to every format (PowerShell, for one, writes JSON as UTF-16). */
  csv?: { delimiter?: string; encoding?: EncodingOption };
  /** `recordsPath`: dotted path to the record array inside a JSON document (`data.users`). */
  json?: { recordsPath?: string };
}

/** One file, read: its records with provenance, its columns and what went wrong. */
export interface LoadedFile {
  file: string;
  format: FileFormat;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`; empty when the file could not be decoded. */
  encoding: string;
  /** The CSV delimiter used. */
  delimiter?: string;
  /** CSV: the header (made unique). JSON/NDJSON: dotted leaf paths of the first 1000 records. */
  columns: string[];
  records: LoadedRecord[];
  issues: Issue[];
  /** JSON: the document around the record array, so an export's API can be recognized (core/presets)
   * even on an empty page. */
  envelope?: EnvelopeInfo;
}

/** The parts of a JSON document outside its record array. */
export interface EnvelopeInfo {
  /** The key (or `json.recordsPath`) holding the records; null for a top-level array. */
  recordsKey: string | null;
  /** The document's top-level keys, in order (empty for a top-level array). */
  keys: string[];
  /** Its top-level values that are text, numbers, booleans or lists of text (`kind`, `@odata.context`,
   * `schemas`, `totalResults`). */
  values: Record<string, string | number | boolean | null | string[]>;
  /** Next-page markers found, as in the truncation warning. */
  markers: string[];
  /** The status line of HTTP response headers saved before the body, when there were any. */
  http: string | null;
}

/** What a format module needs besides the text. */
export interface ParseContext {
  source: string;
  file: string;
  options: LoadOptions;
}

/** What a format module found about paging, for truncation warnings. */
export interface PagingInfo {
  /** Next-page markers found, as shown to the user (`@odata.nextLink`). */
  markers: string[];
  /** SCIM list response counts, when the file is one. */
  scim?: { totalResults: number; resources: number };
}

/** A format module's result. */
export interface ParsedFile {
  records: LoadedRecord[];
  columns: string[];
  issues: Issue[];
  paging: PagingInfo;
  delimiter?: string;
  /** Set when the module read the file as another format (a .json file holding NDJSON). */
  format?: FileFormat;
  /** JSON documents: what surrounds the records. */
  envelope?: EnvelopeInfo;
}

/** One export format: detected by a cheap sniff of the text's start, parsed without throwing. */
export interface FormatModule {
  id: FileFormat;
  label: string;
  /** Lower-case file extensions, with the dot, that select this format under `auto`. */
  extensions: readonly string[];
  /** True when the start of the decoded text (at most a few KB) looks like this format. */
  detect(head: string): boolean;
  parse(text: string, context: ParseContext): ParsedFile;
}
