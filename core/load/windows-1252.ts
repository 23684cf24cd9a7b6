/**
 * Windows-1252 decoding by hand: the usual encoding of CSV files saved by Excel on Western-European
 * Windows. Not every TextDecoder supports it (Node without full ICU does not), and the table is small.
 */

/** Code points of bytes 0x80..0x9F; the other bytes map to the same code point (ISO-8859-1). The five
 * bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves, as in WHATWG. */
const HIGH_CONTROL: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Code units per String.fromCharCode call: small enough for any engine's argument limit. */
const CHUNK = 8192;

/** Decodes Windows-1252 bytes. Linear time; builds the string in chunks. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      units[i - start] = b >= 0x80 && b <= 0x9f ? HIGH_CONTROL[b - 0x80] : b;
    }
    // apply() takes the typed array as it is; spreading it first is about four times slower.
    parts.push(String.fromCharCode.apply(null, units.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
