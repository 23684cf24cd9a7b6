/**
 * Looks at a file's first bytes: byte-order marks, signatures of binary formats people rename to .csv
 * (an Excel workbook is a ZIP), and the NUL pattern of UTF-16 text saved without a BOM.
 */

/** What the first bytes say about a file. A tagged union: switch on `kind`. */
export type ByteSniff =
  | { kind: 'bom'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number }
  | { kind: 'binary'; what: string }
  | { kind: 'utf16-no-bom'; encoding: 'utf-16le' | 'utf-16be' }
  | { kind: 'nul-bytes' }
  | { kind: 'text' };

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel .xls workbook' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** Bytes looked at for NUL patterns: enough to be sure, cheap on a 1 GB file. */
const SAMPLE = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** The byte-order mark, if any. */
export function sniffBom(bytes: Uint8Array): ByteSniff | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { kind: 'bom', encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'bom', encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'bom', encoding: 'utf-16be', length: 2 };
  return null;
}

/** A known binary signature, if any. */
export function sniffSignature(bytes: Uint8Array): ByteSniff | null {
  const hit = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  return hit ? { kind: 'binary', what: hit.what } : null;
}

/**
 * Classifies a file by its first bytes. UTF-16 without a BOM shows as NUL bytes at every other position
 * (the high byte of ASCII characters): at odd offsets for little-endian, even for big-endian. NUL bytes
 * in any other pattern mean binary data; text files do not contain them.
 */
export function sniffBytes(bytes: Uint8Array): ByteSniff {
  const known = sniffBom(bytes) ?? sniffSignature(bytes);
  if (known) return known;
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs >= 2) {
    if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.05)
      return { kind: 'utf16-no-bom', encoding: 'utf-16le' };
    if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.05)
      return { kind: 'utf16-no-bom', encoding: 'utf-16be' };
  }
  if (evenNul + oddNul > 0 || (n < bytes.length && n < SAMPLE && bytes[n] === 0))
    return { kind: 'nul-bytes' };
  return { kind: 'text' };
}
