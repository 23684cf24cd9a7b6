/**
 * Writing an export without building it in memory: a format says how the file begins, how one record
 * reads and how it ends; a chunked file collects record text and hands it to the stream a megabyte at a
 * time, waiting for the stream to drain (a million-user export is several hundred megabytes).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** What a writer knows of the snapshot. */
export interface ExportContext {
  /** The snapshot's export date (YYYY-MM-DD). */
  asOf: string;
  teamId: string;
  oktaTypeId: string;
}

/** One vendor export shape. */
export interface ExportFormat<T> {
  /** The file name inside the output folder. */
  file: string;
  begin(ctx: ExportContext): string;
  /** One record's text, without the separator. */
  item(record: T, ctx: ExportContext): string;
  /** Written between two records. */
  separator: string;
  end(ctx: ExportContext): string;
}

const CHUNK = 1 << 20;

export class ChunkedFile<T> {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private size = 0;
  private first = true;
  /** Records written so far. */
  count = 0;

  constructor(
    path: string,
    private readonly format: ExportFormat<T>,
    private readonly ctx: ExportContext,
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.push(format.begin(ctx));
  }

  add(record: T): void {
    if (!this.first) this.push(this.format.separator);
    this.first = false;
    this.push(this.format.item(record, this.ctx));
    this.count++;
  }

  /** Hands buffered text to the stream once a chunk is full; waits while the stream is backed up. */
  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < CHUNK)) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.push(this.format.end(this.ctx));
    await this.flush(true);
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private push(text: string) {
    this.parts.push(text);
    this.size += text.length;
  }
}

/** A JSON export whose records sit one per line inside an envelope (compact, yet diffable). */
export function jsonLines<T>(
  file: string,
  begin: (ctx: ExportContext) => string,
  item: (record: T, ctx: ExportContext) => unknown,
  end: (ctx: ExportContext) => string,
): ExportFormat<T> {
  return { file, begin, item: (record, ctx) => JSON.stringify(item(record, ctx)), separator: ',\n', end };
}
