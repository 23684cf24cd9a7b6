/**
 * Shapes of the streaming loader: a file's records arrive in batches while later stages already work on
 * the earlier ones, so a source never exists as one string or one array of raw records.
 */
import type { Issue } from '../../issues';
import type { FileFormat, RawRecord } from '../../types';
import type { EnvelopeInfo, LoadedFile, PagingInfo } from '../load-types';

/** Raw records of one file in file order, with their `row` (1-based, as `loadFile` numbers them). */
export interface RecordBatch {
  raws: RawRecord[];
  rows: number[];
}

/**
 * Thrown while streaming when a file needs the whole-file loader: an encoding other than UTF-8, HTTP
 * headers, broken quoting or JSON, an unusual envelope. The source is then loaded the classic way, so
 * every message about a broken file is the one `loadFile` gives.
 */
export class NeedsWholeFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'NeedsWholeFile';
  }
}

/** One file read to its end: what `loadFile` returns except the records, plus their count. */
export interface StreamedFile extends Omit<LoadedFile, 'records'> {
  count: number;
  paging: PagingInfo;
}

/** A file being streamed. */
export interface FileStream {
  readonly file: string;
  /** Known once `open()` resolved: the CSV header, or the leaf paths of the first 1000 JSON records. */
  readonly columns: string[];
  readonly format: FileFormat;
  /** Reads far enough to know the format and the columns. */
  open(): Promise<void>;
  /** Every record batch in order (those read by `open()` first). May throw NeedsWholeFile. */
  batches(): AsyncGenerator<RecordBatch>;
  /** After `batches()` ended: the file's issues, paging and counts. */
  result(): StreamedFile;
}

/** What a format's streaming parser reports when the file ends. */
export interface StreamEnd {
  issues: Issue[];
  paging: PagingInfo;
  envelope?: EnvelopeInfo;
  /** Set when the records were read as another format (a .json file holding NDJSON). */
  format?: FileFormat;
  delimiter?: string;
}
