/**
 * Stage 1, Load: export files to raw records with provenance.
 *
 *   bytes ──encoding.ts──▶ text ──registry.ts (ndjson | json | csv)──▶ records + columns + issues
 *   files of a source ──load-source.ts──▶ concatenated records, unioned columns, page checks
 *
 * Bad input never throws: it becomes issues (messages.ts) naming the source, file, row or column.
 */
export { loadFile } from './load-file';
export { loadSource, type LoadedSource } from './load-source';
export { fingerprint } from './fingerprint';
export { FORMATS, chooseFormat, formatById } from './registry';
export { ENVELOPE_KEYS } from './json-envelope';
export type {
  EncodingOption,
  EnvelopeInfo,
  FormatModule,
  LoadedFile,
  LoadOptions,
  ParseContext,
  ParsedFile,
  PagingInfo,
} from './load-types';
