/**
 * Compact storage of one source's prepared records (issue 6): what join, merge, stats and the exports need
 * of each record, in columns (typed arrays and flat lists) instead of one object per record, so a million
 * users in four sources fit in memory. A store is plain data: it crosses a worker boundary as it is.
 *
 * Which attributes a store keeps is the caller's choice: every attribute of every record for a full
 * RunResult (`RecordOutcome.attributes`), or for a lean run only the primary's (the roster is made of
 * them) and, of the other sources, those `attributes` precedence takes from them.
 */
import type { KeyNormalizer } from '../project/schema';
import type { RawRecord, Scalar } from '../types';
import { isEmpty } from '../map/standard';
import { normalizeKey } from './keys';
import { own } from '../load/stream/csv-rows';
import { PackedBuilder, type PackedStrings } from './packed';

/** A source's prepared records. Every per-record column has `count` entries. */
export interface SourceStore {
  source: string;
  count: number;
  /** File names in load order, and the index just after each file's last record. */
  files: string[];
  fileEnds: number[];
  rows: Int32Array;
  externalIds: PackedStrings;
  /** Distinct lists of filter rules hit (entry 0 is the empty list), and each record's list. */
  ruleSets: string[][];
  ruleSet: Uint32Array;
  /** Normalized joining key, and normalized fallback keys (one column per fallback attribute). */
  keys: (string | null)[];
  fallbacks: (string | null)[][];
  /** 1 when the record's `active` attribute is true (the prefer-active duplicate policy). */
  active: Uint8Array;
  /** Every attribute of every record (`keep.all`); empty otherwise. */
  attributes: (Record<string, Scalar> | null)[];
  /** The kept attributes as columns (when `keep` names them), dictionary-coded: a record's value is
   * `values[codes[i]]`; code 0 is null, for empty or absent alike (merging treats them alike). Repeated
   * values are one string each, also after the store crossed a worker boundary. */
  columns: Record<string, CodedColumn> | null;
  /** Raw records, when the run keeps them: entry i is record i's (null when it came without one). */
  raws: (RawRecord | null)[] | null;
}

/** A dictionary-coded column. */
export interface CodedColumn {
  values: Scalar[];
  codes: Uint32Array;
}

/** Value `i` of a coded column. */
export const codedAt = (column: CodedColumn, i: number): Scalar => column.values[column.codes[i]];

/** Which attributes a store keeps: all of them, or the named ones (null when a record has none of them). */
export type KeepAttributes = { all: true } | { all: false; names: readonly string[] };

/** Grows a store record by record. */
export class StoreBuilder {
  private count = 0;
  private rows = new Int32Array(1024);
  private ruleSetOf = new Uint32Array(1024);
  private active = new Uint8Array(1024);
  private readonly externalIds = new PackedBuilder();
  private readonly keys: (string | null)[] = [];
  private readonly fallbacks: (string | null)[][];
  private readonly attributes: (Record<string, Scalar> | null)[] = [];
  private readonly columns: Record<string, { values: Scalar[]; ids: Map<Scalar, number>; codes: Uint32Array }> | null;
  private readonly raws: (RawRecord | null)[] | null;
  private readonly ruleSets: string[][] = [[]];
  private readonly ruleSetIds = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly fileEnds: number[] = [];
  private readonly interner = new Interner();

  constructor(
    private readonly source: string,
    private readonly join: { key: string; fallbackKeys: readonly string[]; normalize: readonly KeyNormalizer[] },
    private readonly keep: KeepAttributes,
    keepRaw: boolean,
  ) {
    this.fallbacks = join.fallbackKeys.map(() => []);
    this.raws = keepRaw ? [] : null;
    this.columns = keep.all ? null : Object.fromEntries(keep.names.map((name) => [name, { values: [null], ids: new Map<Scalar, number>([[null, 0]]), codes: new Uint32Array(1024) }]));
  }

  /** Records that follow belong to `file`. */
  file(name: string): void {
    if (this.files[this.files.length - 1] === name) return;
    if (this.files.length > 0) this.fileEnds[this.files.length - 1] = this.count;
    this.files.push(name);
    this.fileEnds.push(this.count);
  }

  add(row: number, externalId: string | null, filterRules: string[], attributes: Record<string, Scalar>, raw: RawRecord | null): void {
    const i = this.count++;
    if (i === this.rows.length) this.grow();
    this.rows[i] = row;
    this.ruleSetOf[i] = filterRules.length === 0 ? 0 : this.ruleSetId(filterRules);
    this.active[i] = attributes.active === true ? 1 : 0;
    this.externalIds.push(externalId);
    const { join } = this;
    this.keys.push(normalizeKey(attributes[join.key], join.normalize));
    for (let f = 0; f < this.fallbacks.length; f++) this.fallbacks[f].push(normalizeKey(attributes[join.fallbackKeys[f]], join.normalize));
    if (this.columns) this.keepColumns(attributes, this.columns);
    else this.attributes.push(this.kept(attributes));
    // Also without a raw record: entry i must stay record i's.
    this.raws?.push(raw);
  }

  /** The finished store (columns trimmed to the record count). */
  finish(): SourceStore {
    if (this.files.length > 0) this.fileEnds[this.files.length - 1] = this.count;
    return {
      source: this.source,
      count: this.count,
      files: this.files,
      fileEnds: this.fileEnds,
      rows: this.rows.slice(0, this.count),
      externalIds: this.externalIds.finish(),
      ruleSets: this.ruleSets,
      ruleSet: this.ruleSetOf.slice(0, this.count),
      keys: this.keys,
      fallbacks: this.fallbacks,
      active: this.active.slice(0, this.count),
      attributes: this.attributes,
      columns: this.columns ? Object.fromEntries(Object.entries(this.columns).map(([name, c]) => [name, { values: c.values, codes: c.codes.slice(0, this.count) }])) : null,
      raws: this.raws,
    };
  }

  private kept(attributes: Record<string, Scalar>): Record<string, Scalar> {
    const { interner } = this;
    for (const name in attributes) {
      const value = attributes[name];
      if (typeof value === 'string') attributes[name] = interner.intern(name, value);
    }
    return attributes;
  }

  private keepColumns(attributes: Record<string, Scalar>, columns: NonNullable<StoreBuilder['columns']>): void {
    const i = this.count - 1;
    for (const name in columns) {
      const column = columns[name];
      const raw = Object.hasOwn(attributes, name) ? attributes[name] : null;
      const value = isEmpty(raw) ? null : raw;
      let code = column.ids.get(value);
      if (code === undefined) {
        code = column.values.push(typeof value === 'string' ? own(value) : value) - 1;
        column.ids.set(value, code);
      }
      if (i === column.codes.length) {
        const codes = new Uint32Array(i * 2);
        codes.set(column.codes);
        column.codes = codes;
      }
      column.codes[i] = code;
    }
  }

  private ruleSetId(rules: string[]): number {
    const id = rules.length === 1 ? rules[0] : rules.join('\u0000');
    let n = this.ruleSetIds.get(id);
    if (n === undefined) {
      n = this.ruleSets.push(rules) - 1;
      this.ruleSetIds.set(id, n);
    }
    return n;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const rows = new Int32Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const sets = new Uint32Array(size);
    sets.set(this.ruleSetOf);
    this.ruleSetOf = sets;
    const active = new Uint8Array(size);
    active.set(this.active);
    this.active = active;
  }
}

/**
 * Shares repeated attribute values (departments, titles, countries, dates repeat a million times, each a
 * separate string as parsed). Per attribute; gives up on one whose values turn out mostly distinct
 * (emails, ids), so those cost no lookups after the first few thousand.
 */
class Interner {
  private readonly tables = new Map<string, { values: Map<string, string>; lookups: number; hits: number } | null>();

  intern(name: string, value: string): string {
    let table = this.tables.get(name);
    if (table === undefined) {
      table = { values: new Map(), lookups: 0, hits: 0 };
      this.tables.set(name, table);
    }
    if (table === null) return value;
    table.lookups++;
    const known = table.values.get(value);
    if (known !== undefined) {
      table.hits++;
      return known;
    }
    // The kept copy is a fresh string: the value may be a slice of a whole piece of the file's text, which
    // would stay in memory as long as the slice does.
    const copy = own(value);
    table.values.set(copy, copy);
    if ((table.lookups === 4096 && table.hits < 2048) || table.values.size > 100_000) this.tables.set(name, null);
    return copy;
  }
}

/** The index of the file record `i` belongs to, walking forward from `hint` (records are read in order). */
export function fileIndexOf(store: Pick<SourceStore, 'fileEnds'>, i: number, hint = 0): number {
  let f = hint;
  while (f < store.fileEnds.length - 1 && i >= store.fileEnds[f]) f++;
  return f;
}
