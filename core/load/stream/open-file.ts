/**
 * Opens one file for streaming: decides the encoding and format on its first megabyte (as `loadFile`
 * decides them on the whole text), reads far enough to know the columns, then hands out record batches.
 */
import type { ChunkedInput, FileFormat } from '../../types';
import { COLUMN_SAMPLE, leafPaths } from '../columns';
import type { LoadOptions, ParseContext } from '../load-types';
import { jsonReadAsNdjson, truncated } from '../messages';
import { looksLikeNdjson } from '../ndjson-format';
import { chooseFormat } from '../registry';
import { CsvStream } from './csv-stream';
import { JsonStream } from './json-stream';
import { NdjsonStream } from './ndjson-stream';
import { TextReader } from './text-reader';
import { NeedsWholeFile, type FileStream, type RecordBatch, type StreamedFile, type StreamEnd } from './types';

/** Text read before deciding anything: papaparse guesses line endings on the first 1M characters. */
const HEAD_CHARS = 1024 * 1024;
const HTTP_STATUS = /^HTTP\/\d(?:\.\d)? \d{3}/;

interface FormatStream {
  readonly columns?: string[];
  readonly delimiter?: string;
  batches(): AsyncGenerator<RecordBatch>;
  end(): StreamEnd;
}

class OpenedFile implements FileStream {
  columns: string[] = [];
  private buffered: RecordBatch[] = [];
  private readonly iterator: AsyncGenerator<RecordBatch>;
  private finished = false;
  private count = 0;

  constructor(
    private readonly source: string,
    readonly file: string,
    readonly format: FileFormat,
    private readonly encoding: string,
    private readonly parser: FormatStream,
  ) {
    this.iterator = parser.batches();
  }

  async open(): Promise<void> {
    if (this.parser.columns) {
      this.columns = this.parser.columns;
      return;
    }
    let sampled = 0;
    while (sampled < COLUMN_SAMPLE) {
      const step = await this.iterator.next();
      if (step.done) {
        this.finished = true;
        break;
      }
      this.buffered.push(step.value);
      sampled += step.value.raws.length;
    }
    const sample = [];
    for (const batch of this.buffered) for (const raw of batch.raws) if (sample.length < COLUMN_SAMPLE) sample.push(raw);
    this.columns = leafPaths(sample);
  }

  async *batches(): AsyncGenerator<RecordBatch> {
    const buffered = this.buffered;
    this.buffered = [];
    for (const batch of buffered) {
      this.count += batch.raws.length;
      yield batch;
    }
    if (this.finished) return;
    for (;;) {
      const step = await this.iterator.next();
      if (step.done) return;
      this.count += step.value.raws.length;
      yield step.value;
    }
  }

  result(): StreamedFile {
    const end = this.parser.end();
    const issues = [...end.issues];
    if (end.paging.markers.length > 0) issues.push(truncated({ source: this.source, file: this.file }, end.paging.markers.join(', ')));
    return {
      file: this.file,
      format: end.format ?? this.format,
      encoding: this.encoding,
      ...(end.delimiter === undefined ? {} : { delimiter: end.delimiter }),
      columns: this.columns,
      issues,
      ...(end.envelope ? { envelope: end.envelope } : {}),
      count: this.count,
      paging: end.paging,
    };
  }
}

/** Opens `input` for streaming, or throws NeedsWholeFile when `loadFile` must read it whole. */
export async function openFile(input: ChunkedInput, options: LoadOptions): Promise<FileStream> {
  const reader = new TextReader(input, options.csv?.encoding ?? 'auto');
  const head = await reader.atLeast(HEAD_CHARS, null);
  if (head === null) throw new NeedsWholeFile(input.name, 'empty');
  const context: ParseContext = { source: input.source, file: input.name, options };
  const module = chooseFormat(input.name, head, options.format);
  let parser: FormatStream;
  let format: FileFormat = module.id;
  switch (module.id) {
    case 'csv':
      parser = new CsvStream(reader, head, context);
      break;
    case 'ndjson':
      parser = new NdjsonStream(reader, head, context);
      break;
    case 'json':
      if (HTTP_STATUS.test(head)) throw new NeedsWholeFile(input.name, 'HTTP headers');
      // A document that looks like NDJSON is never valid JSON (a line ending in } cannot be followed by {),
      // so json-format.ts would read it as NDJSON after JSON.parse failed.
      if (looksLikeNdjson(head.slice(0, 4096))) {
        parser = new NdjsonStream(reader, head, context, [jsonReadAsNdjson({ source: input.source, file: input.name })]);
        format = 'ndjson';
      } else parser = new JsonStream(reader, head, context);
      break;
  }
  const opened = new OpenedFile(input.source, input.name, format, reader.encoding, parser);
  await opened.open();
  return opened;
}
