/**
 * A column of strings kept as a few large strings and end offsets (issue 6): a million external ids or
 * user ids as separate strings cost about twice their text (a header per string, a pointer per entry).
 * Plain data, so a store crosses a worker boundary as it is. An entry is cut out when read.
 */

/** Entries per part: parts stay well below V8's longest string. */
const PART_BITS = 14;
const PART = 1 << PART_BITS;
const IN_PART = PART - 1;

export interface PackedStrings {
  count: number;
  /** Entry i is in part i >> 14, between the end of the entry before it in that part and ends[i]. */
  parts: string[];
  ends: Int32Array;
  /** 1 where the entry is null. */
  nulls: Uint8Array;
}

/** Entry `i` (null for a null entry). */
export function packedAt(column: PackedStrings, i: number): string | null {
  if (column.nulls[i] === 1) return null;
  const start = (i & IN_PART) === 0 ? 0 : column.ends[i - 1];
  return column.parts[i >> PART_BITS].slice(start, column.ends[i]);
}

/** Builds a packed column entry by entry. */
export class PackedBuilder {
  private count = 0;
  private readonly parts: string[] = [];
  private pending: string[] = [];
  private offset = 0;
  private ends = new Int32Array(1024);
  private nulls = new Uint8Array(1024);

  push(value: string | null): void {
    const i = this.count++;
    if (i === this.ends.length) {
      const ends = new Int32Array(i * 2);
      ends.set(this.ends);
      this.ends = ends;
      const nulls = new Uint8Array(i * 2);
      nulls.set(this.nulls);
      this.nulls = nulls;
    }
    if (value === null) this.nulls[i] = 1;
    else {
      this.pending.push(value);
      this.offset += value.length;
    }
    this.ends[i] = this.offset;
    if ((i & IN_PART) === IN_PART) this.seal();
  }

  private seal(): void {
    this.parts.push(this.pending.join(''));
    this.pending = [];
    this.offset = 0;
  }

  finish(): PackedStrings {
    if ((this.count & IN_PART) !== 0 || this.count === 0) this.seal();
    return { count: this.count, parts: this.parts, ends: this.ends.slice(0, this.count), nulls: this.nulls.slice(0, this.count) };
  }
}

/** A packed column of `values`. */
export function packStrings(values: Iterable<string | null>): PackedStrings {
  const builder = new PackedBuilder();
  for (const v of values) builder.push(v);
  return builder.finish();
}
