/**
 * The snapshot file format (NDJSON), shared by history entries and `run.ndjson`:
 *
 *   line 1   {"format":"roster-audit/run-snapshot","version":1,...header,"columns":[...],"reasons":[...]}
 *   line 2+  {"c":"<column>","v":[...up to 10,000 values]}   columns: ids keys enabled reason coverage
 *                                                              a:<attribute> x:<source>
 *
 * Columns are cut into lines so no single string gets near V8's length limit at a million users, and a
 * reader that needs only some columns (the deletion timeline needs `ids`) skips the other lines without
 * parsing them.
 */
import { invariant, ProjectError } from '../issues';
import { historyMessages as m } from './messages';
import { SNAPSHOT_FORMAT, type RunSnapshot, type SnapshotColumns, type SnapshotHeader } from './types';

/** Values per line of a column. */
export const SNAPSHOT_LINE = 10_000;
const LINE_PREFIX = '{"c":"';

/** The snapshot as NDJSON lines, each ending in `\n`. */
export function* encodeSnapshot(snapshot: RunSnapshot, chunk = SNAPSHOT_LINE): Generator<string> {
  const { users, ...header } = snapshot;
  const columns: [string, unknown[]][] = [
    ['ids', users.ids],
    ['keys', users.keys],
    ['enabled', users.enabled],
    ['reason', users.reason],
    ['coverage', users.coverage],
    ...Object.entries(users.attributes).map(([name, values]): [string, unknown[]] => [`a:${name}`, values]),
    ...Object.entries(users.identities).map(([source, values]): [string, unknown[]] => [`x:${source}`, values]),
  ];
  yield `${JSON.stringify({ ...header, columns: columns.map(([name]) => name), reasons: users.reasons })}\n`;
  for (const [name, values] of columns) {
    for (let i = 0; i < values.length; i += chunk) yield `${JSON.stringify({ c: name, v: values.slice(i, i + chunk) })}\n`;
  }
}

export interface DecodeOptions {
  /** Keep only these columns (`ids`, `keys`, `a:department`...); default every column. */
  columns?: readonly string[];
  /** Keep only these rows (ascending, no repeats): the snapshot then holds just them, in this order, and
   * its `count` is their number. For the few users of a large run that history needs. */
  rows?: readonly number[];
  /** The file name, for error messages. */
  file?: string;
}

/** Reads a snapshot line by line: `push` every line, then `finish`. Throws ProjectError on a bad file. */
export class SnapshotDecoder {
  private header: (Omit<RunSnapshot, 'users'> & { columns: string[]; reasons: string[] }) | null = null;
  /** Each column's lines of values, joined once in `finish` (pushing value by value into one growing
   * array was a seventh of a million-user diff's time, measured). */
  private readonly values = new Map<string, unknown[][]>();
  private readonly keep: Set<string> | null;
  private readonly rows: readonly number[] | null;
  /** Values read so far per column (all of them, kept or not, when `rows` is given). */
  private readonly seen = new Map<string, number>();
  private readonly file: string;
  private line = 0;

  constructor(options: DecodeOptions = {}) {
    this.keep = options.columns ? new Set(options.columns) : null;
    this.rows = options.rows ?? null;
    if (this.rows) for (let i = 1; i < this.rows.length; i++) invariant(this.rows[i - 1] < this.rows[i], 'rows are ascending without repeats');
    this.file = options.file ?? 'snapshot';
  }

  /** Takes one line (with or without its line end). */
  push(text: string): void {
    this.line++;
    const line = text.trimEnd();
    if (line === '') return;
    if (this.header === null) {
      const header = parseHeader(line);
      if (header?.format !== SNAPSHOT_FORMAT || header.version !== 1 || !Array.isArray(header.columns)) {
        throw new ProjectError([m.notASnapshot(this.file)]);
      }
      this.header = header as Omit<RunSnapshot, 'users'> & { columns: string[]; reasons: string[] };
      return;
    }
    if (!line.startsWith(LINE_PREFIX)) throw new ProjectError([m.badLine(this.file, this.line)]);
    const name = line.slice(LINE_PREFIX.length, line.indexOf('"', LINE_PREFIX.length));
    if (this.keep && !this.keep.has(name)) return;
    const { v: all } = this.parse(line) as { v?: unknown };
    if (!Array.isArray(all)) throw new ProjectError([m.badLine(this.file, this.line)]);
    const v = this.rows ? this.pick(name, all) : all;
    const lines = this.values.get(name);
    if (lines) lines.push(v);
    else this.values.set(name, [v]);
  }

  /** The snapshot read so far; columns left out by `columns` are missing from `users`. */
  finish(): SnapshotHeader {
    const header = this.header;
    if (header === null) throw new ProjectError([m.notASnapshot(this.file)]);
    const { columns, reasons, ...rest } = header;
    const attributes: SnapshotColumns['attributes'] = {};
    const identities: SnapshotColumns['identities'] = {};
    const users: Partial<SnapshotColumns> = { reasons, attributes, identities };
    for (const name of columns) {
      if (this.keep && !this.keep.has(name)) continue;
      const lines = this.values.get(name) ?? [];
      const column = lines.length === 1 ? lines[0] : ([] as unknown[]).concat(...lines);
      this.values.delete(name); // the lines and the joined column are not both held past this column
      const length = this.rows ? (this.seen.get(name) ?? 0) : column.length;
      if (length !== header.count) throw new ProjectError([m.wrongLength(this.file, name, length, header.count)]);
      if (this.rows && column.length !== this.rows.length) throw new ProjectError([m.wrongLength(this.file, name, this.rows.length, column.length)]);
      if (name.startsWith('a:')) attributes[name.slice(2)] = column as SnapshotColumns['attributes'][string];
      else if (name.startsWith('x:')) identities[name.slice(2)] = column as SnapshotColumns['identities'][string];
      else (users as Record<string, unknown>)[name] = column;
    }
    return this.rows ? { ...rest, count: this.rows.length, users } : { ...rest, users };
  }

  /** The values of `rows` among a line's values (the line's first value is the column's row `seen`). */
  private pick(name: string, values: unknown[]): unknown[] {
    const rows = this.rows as readonly number[];
    const from = this.seen.get(name) ?? 0;
    const to = from + values.length;
    this.seen.set(name, to);
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const picked: unknown[] = [];
    for (let i = lo; i < rows.length && rows[i] < to; i++) picked.push(values[rows[i] - from]);
    return picked;
  }

  /** The whole snapshot; only for a decoder made without a `columns` choice. */
  finishAll(): RunSnapshot {
    invariant(this.keep === null, 'finishAll() needs every column');
    const snapshot = this.finish();
    const u = snapshot.users;
    if (!u.ids || !u.keys || !u.enabled || !u.reason || !u.coverage) throw new ProjectError([m.notASnapshot(this.file)]);
    return snapshot as RunSnapshot;
  }

  private parse(line: string): unknown {
    try {
      return JSON.parse(line);
    } catch {
      throw new ProjectError([m.badLine(this.file, this.line)]);
    }
  }
}

/** The first line as an object, or null when it is not JSON (not a snapshot at all). */
function parseHeader(line: string): { format?: unknown; version?: unknown; columns?: unknown } | null {
  try {
    return JSON.parse(line) as { format?: unknown; version?: unknown; columns?: unknown } | null;
  } catch {
    return null;
  }
}

/** Decodes a whole snapshot from its text (tests and small files). */
export function decodeSnapshot(text: string, file?: string): RunSnapshot {
  const decoder = new SnapshotDecoder({ file });
  for (const line of text.split('\n')) decoder.push(line);
  return decoder.finishAll();
}
