/**
 * The ordered registry of file formats (the Insomnia importers pattern): under `auto`, a known file
 * extension decides; otherwise each module's `detect` is tried in order and the first match parses.
 * NDJSON comes before JSON (both start with `{`), and CSV, which accepts anything, comes last.
 */
import type { FileFormat } from '../types';
import { csvFormat } from './csv-format';
import { jsonFormat } from './json-format';
import type { FormatModule, LoadOptions } from './load-types';
import { ndjsonFormat } from './ndjson-format';

/** Every format the loader reads, in detection order. */
export const FORMATS: readonly FormatModule[] = [ndjsonFormat, jsonFormat, csvFormat];

/** Characters given to `detect`. */
const SNIFF = 4096;

/** The module for a format id. */
export function formatById(id: FileFormat): FormatModule {
  switch (id) {
    case 'csv':
      return csvFormat;
    case 'json':
      return jsonFormat;
    case 'ndjson':
      return ndjsonFormat;
  }
}

/** The format a file's extension names (`.csv`, `.tsv`, `.txt`, `.json`, `.ndjson`, `.jsonl`), or null. */
export function formatByExtension(name: string): FormatModule | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot < name.lastIndexOf('/')) return null;
  const ext = name.slice(dot).toLowerCase();
  return FORMATS.find((f) => f.extensions.includes(ext)) ?? null;
}

/** Picks the module for a file: the given format, else its extension, else the first that detects it. */
export function chooseFormat(name: string, text: string, format: LoadOptions['format']): FormatModule {
  if (format !== 'auto') return formatById(format);
  const byExtension = formatByExtension(name);
  if (byExtension) return byExtension;
  const head = text.slice(0, SNIFF);
  return FORMATS.find((f) => f.detect(head)) ?? csvFormat;
}
