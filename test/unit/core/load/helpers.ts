/**
 * Builders for loader tests: byte arrays in each encoding, InputFiles, and issue lookups.
 */
import { expect } from 'vitest';
import type { Issue } from '../../../../core/issues';
import type { LoadedFile } from '../../../../core/load';
import type { InputFile } from '../../../../core/types';

export const SOURCE = 'hr';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** UTF-16 code units of `text`, little- or big-endian, with or without a BOM. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].join('');
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[endian === 'le' ? 2 * i : 2 * i + 1] = c & 0xff;
    out[endian === 'le' ? 2 * i + 1 : 2 * i] = c >> 8;
  }
  return out;
}

/** Windows-1252 bytes for Latin-1 text plus the few 0x80-0x9F characters tests use. */
export function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    '„': 0x84,
    '…': 0x85,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    Š: 0x8a,
    Ž: 0x8e,
    š: 0x9a,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = high[ch] ?? ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

/** An InputFile of source `hr`. */
export function input(name: string, content: string | Uint8Array, source = SOURCE): InputFile {
  return { source, name, bytes: typeof content === 'string' ? utf8(content) : content };
}

export const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);

/** The one issue with this code; fails the test when there is none or several. */
export function issueOf(loaded: { issues: readonly Issue[] }, code: string): Issue {
  const found = loaded.issues.filter((i) => i.code === code);
  expect(found, `issues with code ${code} in ${JSON.stringify(codes(loaded.issues))}`).toHaveLength(1);
  return found[0];
}

/** Checks that an issue names its source and file and carries a fix containing `fixPart`. */
export function expectActionable(issue: Issue, file: string, fixPart: string, source = SOURCE): void {
  expect(issue.message).toContain(file);
  expect(issue.file).toBe(file);
  expect(issue.source).toBe(source);
  expect(issue.fix ?? '').toContain(fixPart);
}

/** The raw records of a loaded file. */
export const raws = (loaded: LoadedFile): unknown[] => loaded.records.map((r) => r.raw);

/** The rows of a loaded file. */
export const rows = (loaded: LoadedFile): number[] => loaded.records.map((r) => r.row);
