/**
 * Bytes to text. `auto` reads a BOM when there is one, recognizes UTF-16 without a BOM, rejects binary
 * files, tries strict UTF-8 and falls back to Windows-1252 with a warning. A given encoding is used as is.
 */
import type { Issue } from '../issues';
import { sniffBom, sniffBytes, sniffSignature } from './byte-sniff';
import type { EncodingOption } from './load-types';
import type { FileAt } from './message-parts';
import { binaryFile, encodingFallback, encodingGuessed, encodingInvalid, fileEmpty } from './messages';
import { decodeUtf16be, decodeUtf16le, decodeUtf8, firstInvalidUtf8 } from './text-decoder';
import { decodeWindows1252 } from './windows-1252';

/** Decoded text with the encoding used, or the error that stopped decoding. */
export type Decoded =
  { ok: true; text: string; encoding: string; issues: Issue[] } | { ok: false; issue: Issue };

type Fixed = Exclude<EncodingOption, 'auto'>;

function decodeAs(bytes: Uint8Array, encoding: Fixed): string {
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(bytes, false) ?? '';
    case 'utf-16le':
      return decodeUtf16le(bytes);
    case 'utf-16be':
      return decodeUtf16be(bytes);
    case 'windows-1252':
      return decodeWindows1252(bytes);
  }
}

/** 1-based line of a byte offset (counts LF bytes before it; right for UTF-8 and Windows-1252). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Where strict UTF-8 decoding first fails, for messages. */
function utf8Problem(bytes: Uint8Array): { line: number | null; byte: number | null } {
  const at = firstInvalidUtf8(bytes);
  return at < 0 ? { line: null, byte: null } : { line: lineAt(bytes, at), byte: bytes[at] };
}

function decodeAuto(bytes: Uint8Array, at: FileAt): Decoded {
  const sniff = sniffBytes(bytes);
  switch (sniff.kind) {
    case 'bom': {
      const body = bytes.subarray(sniff.length);
      const encoding = sniff.encoding === 'utf-8' ? 'utf-8-bom' : sniff.encoding;
      return { ok: true, text: decodeAs(body, sniff.encoding), encoding, issues: [] };
    }
    case 'binary':
      return { ok: false, issue: binaryFile(at, sniff.what) };
    case 'nul-bytes':
      return { ok: false, issue: binaryFile(at, 'binary data (it contains NUL bytes)') };
    case 'utf16-no-bom':
      return {
        ok: true,
        text: decodeAs(bytes, sniff.encoding),
        encoding: sniff.encoding,
        issues: [encodingGuessed(at, sniff.encoding)],
      };
    case 'text': {
      const text = decodeUtf8(bytes, true);
      if (text !== null) return { ok: true, text, encoding: 'utf-8', issues: [] };
      const problem = utf8Problem(bytes);
      return {
        ok: true,
        text: decodeWindows1252(bytes),
        encoding: 'windows-1252',
        issues: [encodingFallback(at, problem.line, problem.byte)],
      };
    }
  }
}

function decodeFixed(bytes: Uint8Array, encoding: Fixed, at: FileAt): Decoded {
  const signature = sniffSignature(bytes);
  if (signature?.kind === 'binary') return { ok: false, issue: binaryFile(at, signature.what) };
  const bom = sniffBom(bytes);
  // Under a given encoding, only that encoding's own BOM is skipped.
  const body = bom?.kind === 'bom' && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'utf-8') {
    const strict = decodeUtf8(body, true);
    if (strict === null) {
      const problem = utf8Problem(body);
      return {
        ok: true,
        text: decodeAs(body, 'utf-8'),
        encoding,
        issues: [encodingInvalid(at, encoding, problem.line)],
      };
    }
    return { ok: true, text: strict, encoding: body === bytes ? 'utf-8' : 'utf-8-bom', issues: [] };
  }
  return { ok: true, text: decodeAs(body, encoding), encoding, issues: [] };
}

/**
 * Decodes a file's bytes. Never throws: an empty or binary file comes back as `{ ok: false, issue }`.
 * A leading U+FEFF left in the text (a BOM under a given encoding, or a doubled BOM) is removed.
 */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingOption, at: FileAt): Decoded {
  if (bytes.length === 0) return { ok: false, issue: fileEmpty(at) };
  const decoded = encoding === 'auto' ? decodeAuto(bytes, at) : decodeFixed(bytes, encoding, at);
  if (!decoded.ok) return decoded;
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  // A search that stops at the first non-space character, not a trim() copy of a large file.
  if (!/\S/.test(text)) return { ok: false, issue: fileEmpty(at) };
  return { ...decoded, text };
}
