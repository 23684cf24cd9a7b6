/**
 * Small scanners over JSON text for the streaming loader: where a value ends, where the elements of an
 * array are separated. They only find boundaries; JSON.parse still reads (and validates) every value.
 */

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Offset of the first non-whitespace character at or after `i` (text.length when none). */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  return i;
}

/** True when the quote at `q` is escaped by an odd run of backslashes before it. */
function escaped(text: string, q: number): boolean {
  let k = q - 1;
  while (text.charCodeAt(k) === 0x5c) k--;
  return (q - 1 - k) % 2 === 1;
}

/** Offset after the string that starts at `i` (a `"`), or -1 when it does not end in `text`. */
export function stringEnd(text: string, i: number): number {
  let q = text.indexOf('"', i + 1);
  while (q !== -1 && text.charCodeAt(q - 1) === 0x5c && escaped(text, q)) q = text.indexOf('"', q + 1);
  return q === -1 ? -1 : q + 1;
}

/**
 * Offset after the JSON value starting at `i`, or -1 when it does not end in `text` (more text needed).
 * Scalars end at the next delimiter; a scalar running to the end of the text is incomplete unless `final`.
 */
export function valueEnd(text: string, i: number, final: boolean): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return stringEnd(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || WHITESPACE.has(d)) return j;
      j++;
    }
    return final ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) {
      const end = stringEnd(text, j);
      if (end === -1) return -1;
      j = end - 1;
    } else if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** Where an array's elements, scanned from `start` (just after `[` or a separating comma), stand. */
export interface ElementScan {
  /** The last comma between elements, or -1. */
  lastComma: number;
  /** The array's closing bracket, or -1 when the text ends first. */
  close: number;
}

/** Scans array elements from `start` for the separating commas and the closing bracket. */
export function scanElements(text: string, start: number): ElementScan {
  let depth = 0;
  let lastComma = -1;
  for (let j = start; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) {
      const end = stringEnd(text, j);
      if (end === -1) break;
      j = end - 1;
    } else if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      if (depth === 0) return { lastComma, close: j };
      depth--;
    } else if (d === 0x2c && depth === 0) lastComma = j;
  }
  return { lastComma, close: -1 };
}

/**
 * A likely separator between two object elements: the last `}` at or before `before` followed (after
 * whitespace) by a comma, at or after `from`. Only a guess: JSON.parse of the elements before it proves it
 * (a cut inside a string or a nested value cannot parse), and scanElements decides when it fails.
 */
export function likelySeparator(text: string, from: number, before = text.length): number {
  let i = text.lastIndexOf('}', before);
  while (i >= from) {
    const j = skipSpace(text, i + 1);
    if (text.charCodeAt(j) === 0x2c) return j;
    i = text.lastIndexOf('}', i - 1);
  }
  return -1;
}
