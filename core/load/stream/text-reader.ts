/**
 * Bytes in chunks -> text in pieces, for the streaming loader. Only UTF-8 (with or without a BOM) is
 * streamed; anything else (UTF-16, Windows-1252 fallback, binary or empty files) goes to the whole-file
 * loader, which decodes and reports exactly as `loadFile` does (encoding.ts).
 */
import type { ChunkedInput } from '../../types';
import { sniffBom, sniffBytes, sniffSignature } from '../byte-sniff';
import type { EncodingOption } from '../load-types';
import { utf8StreamDecoder } from '../text-decoder';
import { NeedsWholeFile } from './types';

/** Bytes sniffed before deciding the encoding (byte-sniff.ts looks at 4 KB). */
const SNIFF_BYTES = 4096;

/**
 * Bytes decoded at a time. The text of one piece must stay below V8's large-object size (128 KB, so 64 K
 * characters of two-byte text): pieces then live and die in the young generation like the records parsed
 * from them. Megabyte pieces go to large-object space, and a gigabyte of them forces a full collection
 * of the whole heap every hundred megabytes or so (issue 6: that was a third of a million-user run).
 */
const PIECE_BYTES = 48 * 1024;
const NON_SPACE = /\S/;

/** Reads a file's text piece by piece. */
export class TextReader {
  /** `utf-8` or `utf-8-bom`, once the first piece was read. */
  encoding = '';
  private readonly chunks: AsyncIterator<Uint8Array>;
  /** The chunk being decoded piece by piece, and how far. */
  private chunk: Uint8Array | null = null;
  private offset = 0;
  private readonly decoder = utf8StreamDecoder(true);
  private started = false;
  private ended = false;
  private content = false;

  constructor(
    private readonly input: ChunkedInput,
    private readonly option: EncodingOption,
  ) {
    this.chunks = input.read()[Symbol.asyncIterator]();
  }

  /** The next piece of text (never empty), or null at the end of the file. */
  async next(): Promise<string | null> {
    for (;;) {
      if (this.ended) return null;
      const bytes = this.started ? await this.nextBytes() : await this.firstBytes();
      let text: string;
      try {
        text = bytes === null ? this.decoder.end() : this.decoder.write(bytes);
      } catch {
        throw new NeedsWholeFile(this.input.name, 'not UTF-8');
      }
      if (bytes === null) {
        this.ended = true;
        if (!this.content && !NON_SPACE.test(text)) throw new NeedsWholeFile(this.input.name, 'empty');
      }
      if (!this.content && NON_SPACE.test(text)) this.content = true;
      if (text !== '') return text;
    }
  }

  /** Pieces joined until at least `min` characters (or the whole file); null for an empty rest. */
  async atLeast(min: number, first: string | null): Promise<string | null> {
    let text = first ?? (await this.next());
    if (text === null) return null;
    const parts = [text];
    let length = text.length;
    while (length < min) {
      const more = await this.next();
      if (more === null) break;
      parts.push(more);
      length += more.length;
    }
    text = parts.length === 1 ? parts[0] : parts.join('');
    return text;
  }

  private async nextBytes(): Promise<Uint8Array | null> {
    while (this.chunk === null || this.offset >= this.chunk.length) {
      const step = await this.chunks.next();
      if (step.done) return null;
      this.chunk = step.value;
      this.offset = 0;
    }
    const start = this.offset;
    this.offset = Math.min(this.chunk.length, start + PIECE_BYTES);
    return this.chunk.subarray(start, this.offset);
  }

  /** The first bytes: the encoding is decided on them, the BOM is cut off. */
  private async firstBytes(): Promise<Uint8Array | null> {
    this.started = true;
    const parts: Uint8Array[] = [];
    let length = 0;
    while (length < SNIFF_BYTES) {
      const part = await this.nextBytes();
      if (part === null) break;
      parts.push(part);
      length += part.length;
    }
    if (length === 0) throw new NeedsWholeFile(this.input.name, 'empty');
    let bytes = parts[0];
    if (parts.length > 1) {
      bytes = new Uint8Array(length);
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
    }
    const skip = this.decide(bytes);
    // A second BOM (U+FEFF right after the first, or in a file without one) is dropped as decodeBytes does.
    const body = bytes.subarray(skip);
    const doubled = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
    return doubled ? body.subarray(3) : body;
  }

  /** Decides the encoding; returns the BOM's length. */
  private decide(bytes: Uint8Array): number {
    const file = this.input.name;
    if (this.option === 'auto') {
      const sniff = sniffBytes(bytes);
      if (sniff.kind === 'bom' && sniff.encoding === 'utf-8') {
        this.encoding = 'utf-8-bom';
        return sniff.length;
      }
      if (sniff.kind === 'text') {
        this.encoding = 'utf-8';
        return 0;
      }
      throw new NeedsWholeFile(file, `encoding ${sniff.kind}`);
    }
    if (this.option !== 'utf-8' || sniffSignature(bytes)) throw new NeedsWholeFile(file, `encoding ${this.option}`);
    const bom = sniffBom(bytes);
    if (bom?.kind === 'bom' && bom.encoding === 'utf-8') {
      this.encoding = 'utf-8-bom';
      return bom.length;
    }
    this.encoding = 'utf-8';
    return 0;
  }
}
