/**
 * A CSV row parser for text that arrives in pieces, giving the same rows as papaparse on well-formed input
 * (RFC 4180 quoting, the delimiter and line ending papaparse would use). It stops at anything papaparse
 * would report or repair (text after a closing quote, an unterminated quote): the caller then hands the
 * file to papaparse whole, so messages about broken files stay papaparse's.
 *
 * Why not papaparse itself: it parses one string, and a million-user export is larger than V8's longest
 * string; its chunked mode needs Node streams. Measured in bench/run.ts (parse per source).
 */

const QUOTE = 0x22;

/** papaparse's line-ending guess (ParserHandle.guessLineEndings) over the text's first megabyte, copied
 * so both parsers split lines the same way. */
export function guessLineEndings(text: string): '\n' | '\r\n' | '\r' {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i][0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

/** What `parse` found: rows appended to `out`, and where the unparsed rest starts. */
export type RowsResult = { ok: true; next: number } | { ok: false; reason: 'malformed-quote' | 'unterminated-quote' };

/** Parses rows of one delimiter (a single character) and line ending. */
export class CsvRows {
  private readonly delim: string;
  private readonly newline: string;

  constructor(delimiter: string, newline: string) {
    this.delim = delimiter;
    this.newline = newline;
  }

  /**
   * Parses the complete rows of `text` from `start`, appending each row's fields to `out`. A row is
   * complete when its line ending is in `text`, or at the end of the file (`final`). Stops at the first row
   * starting `limit` or more characters after `start`. Returns where parsing stopped (an incomplete row is
   * parsed again with more text), or why the text needs papaparse.
   */
  parse(text: string, start: number, final: boolean, out: string[][], limit = Infinity): RowsResult {
    const { delim, newline } = this;
    const len = text.length;
    let p = start;
    let quoteAt = text.indexOf('"', p);
    const stop = start + limit;
    while (p < len && p < stop) {
      const nl = text.indexOf(newline, p);
      if (nl === -1 && !final) return { ok: true, next: p };
      const end = nl === -1 ? len : nl;
      if (quoteAt !== -1 && quoteAt < p) quoteAt = text.indexOf('"', p);
      if (quoteAt === -1 || quoteAt >= end) {
        const fields = text.slice(p, end).split(delim);
        for (let f = 0; f < fields.length; f++) if (fields[f].length >= 13) fields[f] = own(fields[f]);
        out.push(fields);
        p = nl === -1 ? len : nl + newline.length;
        continue;
      }
      const row: string[] = [];
      const next = this.quotedRow(text, p, final, row);
      if (typeof next !== 'number') return next;
      if (next === -1) return { ok: true, next: p };
      out.push(row);
      p = next;
    }
    return { ok: true, next: p };
  }

  /** One row holding a quote somewhere: fields one by one. Returns the offset after the row, -1 when the
   * row is not complete yet, or the anomaly. */
  private quotedRow(text: string, start: number, final: boolean, row: string[]): number | RowsResult {
    const { delim, newline } = this;
    const len = text.length;
    let f = start;
    for (;;) {
      if (text.charCodeAt(f) === QUOTE) {
        let search = f;
        let close = -1;
        for (;;) {
          const q = text.indexOf('"', search + 1);
          if (q === -1) return final ? { ok: false, reason: 'unterminated-quote' } : -1;
          if (q === len - 1) {
            if (!final) return -1;
            close = q;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            search = q + 1;
            continue;
          }
          close = q;
          break;
        }
        const value = text.slice(f + 1, close);
        row.push(value.includes('"') ? value.replace(/""/g, '"') : own(value));
        const after = close + 1;
        if (after === len) return final ? len : -1;
        if (text.startsWith(delim, after)) {
          f = after + delim.length;
          continue;
        }
        if (!final && after + newline.length > len && newline.startsWith(text.slice(after))) return -1;
        if (text.startsWith(newline, after)) return after + newline.length;
        return { ok: false, reason: 'malformed-quote' };
      }
      const d = text.indexOf(delim, f);
      const n = text.indexOf(newline, f);
      if (n === -1 && !final) return -1;
      if (d !== -1 && (n === -1 || d < n)) {
        row.push(own(text.slice(f, d)));
        f = d + delim.length;
        continue;
      }
      if (n !== -1) {
        row.push(own(text.slice(f, n)));
        return n + newline.length;
      }
      row.push(own(text.slice(f)));
      return len;
    }
  }
}

/**
 * A value that does not keep the text it was cut from alive. V8 cuts 13 characters or more out of a
 * string as a slice pointing into it: one kept value would keep a whole piece of the file (megabytes) in
 * memory. Joining a character on forces a copy; the slice taken back points into that copy only.
 */
export function own(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/** papaparse's `skipEmptyLines: 'greedy'` test: every field empty or whitespace. */
export function isBlankRow(row: readonly string[]): boolean {
  if (row.length === 1) return row[0].trim() === '';
  if (row[0].trim() !== '') return false;
  return row.join('').trim() === '';
}
