/**
 * The part of papaparse's API the loader uses, typed for the specifier `papaparse/papaparse.min.js`.
 *
 * Why not `import Papa from 'papaparse'` with @types/papaparse: those types start with
 * `/// <reference types="node" />`, which pulls all Node globals (Buffer, process, ...) into tsconfig.core.json
 * and silently defeats its "no Node types" check. Why the .min.js file: it is the package's `browser` build,
 * the same parser without papaparse.js's `require('stream')` (Node stream support), so Node, Vite and
 * esbuild bundle it for a browser worker without a Node shim. papaparse has no `exports` map, so every
 * tool resolves this path.
 */
declare module 'papaparse/papaparse.min.js' {
  export interface PapaParseError {
    type: string;
    code: string;
    message: string;
    /** Index of the row in the parser's output (see csv-quotes.ts for what it counts). */
    row?: number;
    /** Character offset in the input. */
    index?: number;
  }

  export interface PapaParseConfig {
    delimiter?: string;
    delimitersToGuess?: string[];
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
    transformHeader?: (header: string, index: number) => string;
  }

  export interface PapaParseResult<T> {
    data: T[];
    errors: PapaParseError[];
    meta: {
      delimiter: string;
      linebreak: string;
      aborted: boolean;
      truncated: boolean;
      cursor: number;
      fields?: string[];
    };
  }

  export interface PapaUnparseConfig {
    /** Prefix cells that start with = + - @ tab or CR with ' (formula injection). */
    escapeFormulae?: boolean;
    newline?: string;
    header?: boolean;
    delimiter?: string;
    quotes?: boolean;
  }

  const Papa: {
    parse<T>(input: string, config: PapaParseConfig): PapaParseResult<T>;
    unparse(input: string[][] | { fields: string[]; data: string[][] }, config?: PapaUnparseConfig): string;
  };
  export default Papa;
}
