/**
 * Chunked inputs: an `InputFile` (bytes in memory) seen as a `ChunkedInput`, and the whole-file view a
 * fallback needs.
 */
import type { ChunkedInput, InputFile } from '../../types';

/** Bytes per chunk when an in-memory file is streamed: big enough that per-chunk work is noise. */
export const MEMORY_CHUNK = 8 * 1024 * 1024;

/** A whole file in memory, read in chunks of `chunk` bytes (views, not copies). */
export function chunkedInput(file: InputFile, chunk = MEMORY_CHUNK): ChunkedInput {
  const { bytes } = file;
  return {
    source: file.source,
    name: file.name,
    size: bytes.length,
    ...(file.modified === undefined ? {} : { modified: file.modified }),
    bytes,
    ...(file.sha256 === undefined ? {} : { sha256: () => Promise.resolve(file.sha256 as string) }),
    read: async function* () {
      for (let start = 0; start < bytes.length; start += chunk) yield bytes.subarray(start, Math.min(bytes.length, start + chunk));
    },
  };
}

/** The whole file as one byte array: the host's bytes, or every chunk read and joined (fallback only). */
export async function wholeFile(input: ChunkedInput): Promise<InputFile> {
  let bytes = input.bytes;
  if (bytes === undefined) {
    const parts: Uint8Array[] = [];
    let length = 0;
    for await (const part of input.read()) {
      // A copy: the host may reuse the chunk's buffer for the next one.
      parts.push(part.slice());
      length += part.length;
    }
    bytes = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
  }
  return { source: input.source, name: input.name, bytes, ...(input.modified === undefined ? {} : { modified: input.modified }) };
}
