/**
 * NDJSON, streamed: the same records, line numbers and issues as ndjson-format.ts, a piece of text at a
 * time (each line is parsed on its own there too, so nothing needs the whole file).
 */
import type { Issue } from '../../issues';
import type { RawRecord } from '../../types';
import { isObject } from '../json-envelope';
import { locateJsonError } from '../json-locate';
import type { ParseContext } from '../load-types';
import { jsonNonObjects, ndjsonBrokenLines, noRecords } from '../messages';
import { isBlank } from '../ndjson-format';
import type { TextReader } from './text-reader';
import type { RecordBatch, StreamEnd } from './types';

/** Streams one NDJSON file; `head` is its first piece of text. */
export class NdjsonStream {
  private readonly broken: number[] = [];
  private readonly nonObjects: number[] = [];
  private firstBroken = '';
  private lastBrokenCut = false;
  private lastContentLine = 0;
  private lineNo = 0;
  private count = 0;

  constructor(
    private readonly reader: TextReader,
    private readonly head: string,
    private readonly context: ParseContext,
    private readonly leading: Issue[] = [],
  ) {}

  async *batches(): AsyncGenerator<RecordBatch> {
    let text = this.head;
    for (;;) {
      const more = await this.reader.next();
      const final = more === null;
      if (more !== null) text += more;
      const raws: RawRecord[] = [];
      const rows: number[] = [];
      let start = 0;
      for (;;) {
        const end = text.indexOf('\n', start);
        if (end === -1 && !final) break;
        this.line(text.slice(start, end === -1 ? text.length : end), raws, rows);
        if (end === -1) break;
        start = end + 1;
      }
      if (raws.length > 0) yield { raws, rows };
      if (final) return;
      text = text.slice(start);
    }
  }

  private line(line: string, raws: RawRecord[], rows: number[]): void {
    const lineNo = ++this.lineNo;
    if (isBlank(line)) return;
    this.lastContentLine = lineNo;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const place = locateJsonError(line);
      if (this.broken.length === 0) this.firstBroken = place?.detail ?? 'not valid JSON';
      this.broken.push(lineNo);
      this.lastBrokenCut = place?.atEnd === true;
      return;
    }
    if (isObject(value)) {
      raws.push(value);
      rows.push(lineNo);
      this.count++;
    } else this.nonObjects.push(lineNo);
  }

  end(): StreamEnd {
    const at = { source: this.context.source, file: this.context.file };
    const lastCut = this.lastBrokenCut && this.broken[this.broken.length - 1] === this.lastContentLine;
    const issues: Issue[] = [...this.leading];
    if (this.broken.length > 0) issues.push(ndjsonBrokenLines(at, this.broken, this.firstBroken, lastCut));
    if (this.nonObjects.length > 0) issues.push(jsonNonObjects(at, this.nonObjects, 'line'));
    if (this.count === 0) issues.push(noRecords(at, 'json'));
    return { issues, paging: { markers: [] }, format: 'ndjson' };
  }
}
