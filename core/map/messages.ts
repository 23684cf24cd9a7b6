/**
 * Message catalog of the mapping stage. Every issue names the config key (`sources[2].mapping.email`),
 * the source, the file, the column and the fix.
 */
import type { Issue, Severity } from '../issues';
import { describeRows, describeSamples, type TallyEntry } from '../expr';
import { listNames } from './suggest';

/** Where a mapping entry is. */
export interface MapAt {
  key: string;
  source: string;
  /** The source's first file, where the columns were read from. */
  file?: string;
}

const at = (a: MapAt) => ({ key: a.key, source: a.source, ...(a.file ? { file: a.file } : {}) });
const didYouMean = (s: string | null) => (s ? ` Did you mean "${s}"?` : '');
const inFile = (a: MapAt) => (a.file ? ` in ${a.file}` : ` in source "${a.source}"`);

/** A column or path that names nothing the source's files have. */
export function unknownColumn(a: MapAt, column: string, columns: readonly string[], suggestion: string | null, severity: Severity): Issue {
  const known = columns.length > 0 ? `; columns are ${listNames(columns)}` : '; no columns were found';
  // One column whose name holds the wanted one between separators: the file's delimiter was not recognized.
  const delimiter = columns.length === 1 ? unusualDelimiter(columns[0], column) : null;
  if (delimiter !== null)
    return {
      ...at(a),
      code: 'map.unknown-column',
      severity,
      column,
      message: `${a.key}: unknown column "${column}"${inFile(a)}: the file has one column, "${columns[0]}", so its delimiter "${delimiter}" was not recognized.`,
      fix: `Set csv.delimiter of source "${a.source}" to "${delimiter}".`,
    };
  return {
    ...at(a),
    code: 'map.unknown-column',
    severity,
    column,
    message: `${a.key}: unknown column "${column}"${inFile(a)}${known}.${didYouMean(suggestion)}`,
    fix: suggestion
      ? `Write "${suggestion}" in ${a.key}.`
      : `Write a column of ${a.file ?? 'the export'} exactly as its header spells it, a path such as profile.email, or an expression.`,
  };
}

/** An expression variable that names no column of the source. */
export function unknownField(a: MapAt, name: string, text: string, columns: readonly string[], suggestion: string | null, severity: Severity): Issue {
  return {
    ...at(a),
    code: 'map.unknown-field',
    severity,
    column: name,
    message: `${a.key}: \`${text}\` reads "${name}", which is no column${inFile(a)}; columns are ${listNames(columns)}.${didYouMean(suggestion)}`,
    fix: `Use a column name (a header with spaces or symbols is written with "_" for each, e.g. Work_Email, or as field("Work Email")).`,
  };
}

/** An identifier that several columns turn into (`Work Email` and `Work-Email` -> Work_Email). */
export function ambiguousAlias(a: MapAt, alias: string, columns: readonly string[]): Issue {
  return {
    ...at(a),
    code: 'map.ambiguous-alias',
    severity: 'warning',
    column: columns[0],
    message: `${a.key}: ${alias} stands for several columns (${listNames(columns)})${inFile(a)}; the first one present in a record is used.`,
    fix: `Name the column you mean with field("${columns[0]}").`,
  };
}

/** Tallied: values that cannot be read as the attribute's type; the records got null. */
export const uncoercible = (a: MapAt, attribute: string, type: string) => (entry: TallyEntry): Issue => ({
  ...at(a),
  code: 'map.uncoercible',
  severity: 'warning',
  message: `${a.key}: ${entry.count} value(s) of ${attribute} are not a ${type} (${describeSamples(entry.samples)}; ${describeRows(entry.rows)}); they were left empty.`,
  fix:
    type === 'boolean'
      ? `Map ${attribute} to an expression that decides, e.g. status == "ACTIVE", or to_bool(...) for yes/no, true/false, 1/0, active/inactive.`
      : type === 'date'
        ? `Dates are read as YYYY-MM-DD, M/D/YYYY, D.M.YYYY, YYYYMMDD, "5 Mar 2024" or epoch numbers; convert others in an expression.`
        : `Map ${attribute} to a path that reaches a single value, e.g. emails[0].value, or to an expression.`,
});

/** The character that splits `header` into names including `column` (`Id:Email:Name`, `Email` -> `:`), or null. */
function unusualDelimiter(header: string, column: string): string | null {
  for (const c of new Set(header.replace(/[\p{L}\p{N}_ ]/gu, ''))) {
    if (header.split(c).includes(column)) return c;
  }
  return null;
}
