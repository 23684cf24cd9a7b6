/**
 * UTF-8 and UTF-16LE decoding through the platform's WHATWG `TextDecoder`.
 *
 * Why a lookup on `globalThis` and not `declare class TextDecoder`: `TextDecoder` exists in Node, browsers
 * and workers, but core compiles against the bare ES2022 lib, which does not declare it. A global ambient
 * declaration would clash with the DOM and Node declarations when tsconfig.node.json / tsconfig.web.json
 * compile core/ too, so we give the one constructor we need a minimal local type instead.
 * Only `utf-8` and `utf-16le` are used: every TextDecoder supports them, even Node built without full ICU;
 * UTF-16BE and Windows-1252 are decoded by hand (see encoding.ts, windows-1252.ts).
 */

interface MinimalDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

type MinimalDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => MinimalDecoder;

function decoderFor(label: 'utf-8' | 'utf-16le', fatal: boolean): MinimalDecoder {
  const Ctor = (globalThis as unknown as { TextDecoder?: MinimalDecoderConstructor }).TextDecoder;
  if (!Ctor) throw new Error('Invariant failed: TextDecoder is missing from this JavaScript runtime');
  // ignoreBOM: true keeps a BOM as U+FEFF; the caller has already sliced it off (or strips it itself).
  return new Ctor(label, { fatal, ignoreBOM: true });
}

/** Decodes UTF-8; with `fatal`, returns null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return decoderFor('utf-8', fatal).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A UTF-8 decoder for a file read in chunks: a character split across two chunks is decoded whole.
 * `fatal`: invalid bytes throw a TypeError (the streaming loader then falls back to the whole-file path,
 * which decides between UTF-8 and Windows-1252 with the usual messages).
 */
export function utf8StreamDecoder(fatal: boolean): { write(chunk: Uint8Array): string; end(): string } {
  const decoder = decoderFor('utf-8', fatal);
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

/** Decodes UTF-16LE (an odd trailing byte becomes U+FFFD). */
export function decodeUtf16le(bytes: Uint8Array): string {
  return decoderFor('utf-16le', false).decode(bytes);
}

/** Decodes UTF-16BE by swapping each byte pair into a copy and decoding that as UTF-16LE. */
export function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length);
  const even = bytes.length - (bytes.length % 2);
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  if (even < bytes.length) swapped[even] = bytes[even];
  return decodeUtf16le(swapped);
}

/** Byte offset of the first byte that breaks UTF-8 (WHATWG rules: no overlongs, surrogates or code points
 * above U+10FFFF), or -1. Only run after a fatal decode failed, to tell the user where the problem is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's allowed range is narrower after E0, ED, F0 and F4.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
