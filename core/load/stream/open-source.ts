/**
 * All files of one source, streamed in the listed order, with the checks `loadSource` makes across pages
 * (headers that differ, next-page markers answered by a last page, SCIM totals) once every file is read.
 */
import { invariant, type Issue } from '../../issues';
import type { SourceConfig } from '../../project/schema';
import type { ChunkedInput } from '../../types';
import { headerChecks, inListedOrder, scimCheck, withoutAnsweredMarkers } from '../load-source';
import type { LoadOptions } from '../load-types';
import { openFile } from './open-file';
import type { FileStream, RecordBatch, StreamedFile } from './types';

/** A source's files read to the end: what `loadSource` returns except the records. */
export interface StreamedSource {
  files: StreamedFile[];
  /** Union of the files' columns, in first-seen order. */
  columns: string[];
  issues: Issue[];
}

/** The load options of a source, as loadSource builds them. */
export function loadOptions(source: SourceConfig): LoadOptions {
  return {
    format: source.format,
    ...(source.csv ? { csv: source.csv } : {}),
    ...(source.json ? { json: source.json } : {}),
  };
}

/** A source whose files are open: columns known, records not read yet. */
export class OpenedSource {
  private constructor(
    private readonly files: FileStream[],
    /** Union of the files' columns, in first-seen order. */
    readonly columns: string[],
  ) {}

  /** Opens every file (listed order). Throws NeedsWholeFile when one of them needs the whole-file loader. */
  static async open(source: SourceConfig, inputs: readonly ChunkedInput[]): Promise<OpenedSource> {
    for (const f of inputs) invariant(f.source === source.id, `file ${f.name} of source "${f.source}" passed to source "${source.id}"`);
    const options = loadOptions(source);
    const files: FileStream[] = [];
    for (const input of inListedOrder(source, inputs)) files.push(await openFile(input, options));
    const columns = new Set<string>();
    for (const f of files) for (const c of f.columns) columns.add(c);
    return new OpenedSource(files, [...columns]);
  }

  /** True when every file is CSV (a mapping naming an unknown column is then an error). */
  get allCsv(): boolean {
    return this.files.every((f) => f.format === 'csv');
  }

  /** Every record batch of every file, files in order. */
  async *batches(): AsyncGenerator<{ file: string; batch: RecordBatch }> {
    for (const f of this.files) for await (const batch of f.batches()) yield { file: f.file, batch };
  }

  /** After batches() ended: the files and every issue, as loadSource reports them. */
  finish(sourceId: string): StreamedSource {
    const loads = this.files.map((f) => {
      const loaded = f.result();
      return { loaded, paging: loaded.paging };
    });
    const files = withoutAnsweredMarkers(loads);
    const sourceIssues = [...scimCheck(sourceId, loads), ...headerChecks(sourceId, files)];
    return { files, columns: this.columns, issues: [...files.flatMap((f) => f.issues), ...sourceIssues] };
  }
}
