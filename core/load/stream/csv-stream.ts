/**
 * CSV, streamed: the same delimiter, header and records as csv-format.ts (papaparse in header mode with
 * greedy empty-line skipping), read piece by piece. Ragged rows are handled here as papaparse does them
 * (missing fields absent, extra fields dropped, one aggregated warning); quoting papaparse would repair
 * sends the file to papaparse whole (NeedsWholeFile).
 */
import type { Issue } from '../../issues';
import type { RawRecord } from '../../types';
import { guessDelimiter, headOf, readHeader } from '../csv-format';
import { uniqueHeader } from '../csv-header';
import type { ParseContext } from '../load-types';
import { csvOneColumn, csvRaggedRows, noRecords } from '../messages';
import { CsvRows, guessLineEndings, isBlankRow } from './csv-rows';
import type { TextReader } from './text-reader';
import { NeedsWholeFile, type RecordBatch, type StreamEnd } from './types';

/** Characters of rows parsed per batch. */
const BATCH = 1 << 20;

/** Streams one CSV file; `head` is its first megabyte of text (or all of it). */
export class CsvStream {
  readonly columns: string[];
  readonly delimiter: string;
  private readonly issues: Issue[] = [];
  private readonly parser: CsvRows;
  private readonly ragged: number[] = [];
  private count = 0;
  private headerSeen = false;

  constructor(
    private readonly reader: TextReader,
    private readonly head: string,
    private readonly context: ParseContext,
  ) {
    const at = { source: context.source, file: context.file };
    const given = context.options.csv?.delimiter;
    const headText = headOf(head);
    // headOf falls back to the whole text when its first 64 KB hold no line break: that needs the whole file.
    if (headText === head && head.length > 64 * 1024) throw new NeedsWholeFile(context.file, 'no line break in the first 64 KB');
    const guessed = given ? null : guessDelimiter(head);
    this.delimiter = given || guessed || ',';
    if (this.delimiter.length !== 1) throw new NeedsWholeFile(context.file, 'multi-character delimiter');
    const header = uniqueHeader(readHeader(head, this.delimiter), at);
    this.issues.push(...header.issues);
    this.columns = header.names;
    if (this.columns.includes('__parsed_extra')) throw new NeedsWholeFile(context.file, 'a column named __parsed_extra');
    if (!given && !guessed && this.columns.length === 1) this.issues.push(csvOneColumn(at, this.columns[0]));
    this.parser = new CsvRows(this.delimiter, guessLineEndings(head));
  }

  /** Every record, in batches of one text piece's worth. */
  async *batches(): AsyncGenerator<RecordBatch> {
    let text = this.head;
    let start = 0;
    let final = false;
    const rows: string[][] = [];
    for (;;) {
      // Rows of about BATCH characters at a time, so each batch's records die young (see json-stream.ts).
      const parsed = this.parser.parse(text, start, final, rows, BATCH);
      if (!parsed.ok) throw new NeedsWholeFile(this.context.file, parsed.reason);
      const progressed = parsed.next > start;
      start = parsed.next;
      if (rows.length > 0) yield this.toRecords(rows);
      rows.length = 0;
      if (progressed && start < text.length) continue;
      if (final) return;
      const more = await this.reader.next();
      if (more === null) final = true;
      else {
        text = text.slice(start) + more;
        start = 0;
      }
    }
  }

  private toRecords(rows: string[][]): RecordBatch {
    const names = this.columns;
    const raws: RawRecord[] = [];
    const numbers: number[] = [];
    for (const fields of rows) {
      if (!this.headerSeen) {
        this.headerSeen = true;
        this.checkHeader(fields);
        continue;
      }
      if (isBlankRow(fields)) continue;
      const raw: RawRecord = {};
      const n = fields.length < names.length ? fields.length : names.length;
      for (let j = 0; j < n; j++) raw[names[j]] = fields[j];
      const row = ++this.count;
      if (fields.length !== names.length) this.ragged.push(row);
      raws.push(raw);
      numbers.push(row);
    }
    return { raws, rows: numbers };
  }

  /** papaparse's header mode takes the very first row, blank or not: it must be the one readHeader saw. */
  private checkHeader(fields: string[]): void {
    const raw = readHeader(this.head, this.delimiter);
    if (isBlankRow(fields) || fields.length !== raw.length || fields.some((f, i) => f !== raw[i])) {
      throw new NeedsWholeFile(this.context.file, 'header not on the first line');
    }
  }

  end(): StreamEnd {
    const at = { source: this.context.source, file: this.context.file };
    const issues = [...this.issues];
    if (this.ragged.length > 0) issues.push(csvRaggedRows(at, this.ragged, this.columns.length));
    if (this.count === 0) issues.push(noRecords(at, 'csv'));
    return { issues, paging: { markers: [] }, delimiter: this.delimiter };
  }
}
