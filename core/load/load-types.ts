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
