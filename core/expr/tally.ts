/**
 * Counting issues instead of repeating them: a problem that can hit every record (an uncoercible
 * value, an expression failing at run time) becomes one issue per place in the config, with a count,
 * the first rows and the first distinct values. Stages add to a Tally per record and read
 * `issues()` once at the end; the message is built only then.
 */
import type { Issue } from '../issues';

/** Where a record is; a LoadedRecord fits. */
export interface RowRef {
  source?: string;
  file: string;
  row: number;
}

/** What a tally knows when the message is finally built. */
export interface TallyEntry {
  count: number;
  /** The first rows (at most `Tally.SAMPLE`). */
  rows: RowRef[];
  /** The first distinct values, as text (at most `Tally.SAMPLE`). */
  samples: string[];
}

/** Builds the issue for one tallied problem; `count`, `file` and `row` are filled in by the tally. */
export type TallyMessage = (entry: TallyEntry) => Issue;

const sampleText = (value: unknown): string => {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Aggregates repeated problems by id (e.g. `sources[1].mapping.active|map.uncoercible`). */
export class Tally {
  static readonly SAMPLE = 5;
  readonly #entries = new Map<string, { entry: TallyEntry; message: TallyMessage }>();

  /** Counts one occurrence of the problem `id`; `message` is used once, when issues() builds it. */
  add(id: string, message: TallyMessage, at?: RowRef, sample?: unknown): void {
    let slot = this.#entries.get(id);
    if (slot === undefined) {
      slot = { entry: { count: 0, rows: [], samples: [] }, message };
      this.#entries.set(id, slot);
    }
    const { entry } = slot;
    entry.count++;
    if (at && entry.rows.length < Tally.SAMPLE) entry.rows.push({ source: at.source, file: at.file, row: at.row });
    if (sample !== undefined && entry.samples.length < Tally.SAMPLE) {
      const text = sampleText(sample);
      if (!entry.samples.includes(text)) entry.samples.push(text);
    }
  }

  /** issues(), then forgets everything: for a stage that reports once per source. */
  drain(): Issue[] {
    const out = this.issues();
    this.#entries.clear();
    return out;
  }

  /** How many distinct problems were counted. */
  get size(): number {
    return this.#entries.size;
  }

  /** One issue per problem, in the order problems were first seen. */
  issues(): Issue[] {
    return [...this.#entries.values()].map(({ entry, message }) => {
      const first = entry.rows[0];
      return { ...message(entry), count: entry.count, ...(first ? { file: first.file, row: first.row } : {}) };
    });
  }
}

/** `hr.csv rows 3, 7, 9` / `hr.csv row 3, okta.json row 2`: the first rows of a tally, for messages. */
export function describeRows(rows: readonly RowRef[]): string {
  const byFile = new Map<string, number[]>();
  for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.row]);
  return [...byFile].map(([file, list]) => `${file} ${list.length > 1 ? 'rows' : 'row'} ${list.join(', ')}`).join('; ');
}

/** `"maybe", "unknown"`: the first distinct values of a tally, quoted, for messages. */
export function describeSamples(samples: readonly string[]): string {
  return samples.map((s) => JSON.stringify(s)).join(', ');
}
