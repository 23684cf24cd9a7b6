/**
 * Resolution of one mapping value, in this order:
 *   (a) a column name, exactly as the header spells it (`Work Email`), or its identifier alias (Work_Email);
 *   (b) a simple path (`profile.email`, `emails[0].value`, `@odata.type`; `raw.` in front is allowed);
 *   (c) otherwise a CEL expression over the record's fields (`lower(Work_Email)`), where `raw` is the
 *       whole record and field("Any Name") reads any column.
 * Text that looks like a name with spaces (no operator, quote or bracket) is taken as a column, so a
 * misspelt header gets "unknown column ... did you mean" rather than a syntax error.
 */
import type { Issue, Severity } from '../issues';
import type { LoadedRecord } from '../types';
import { compileExpression, identifierAlias, isIdentifier, type EvalSink } from '../expr';
import { firstOf, type ColumnIndex } from './columns';
import { ambiguousAlias, unknownColumn, unknownField, type MapAt } from './messages';
import { isSimplePath, pathGetter, type Getter } from './paths';
import { closestName } from './suggest';

/** Reads a mapped value from a record; `sink` counts expression failures. */
export type Reader = (record: LoadedRecord, sink: EvalSink) => unknown;

/** A resolved mapping value: how to read it, or null when it cannot be compiled. */
export interface Resolved {
  read: Reader | null;
  issues: Issue[];
}

const NAME_LIKE = /^[^()"'+*/,<>=!&|?:[\]{}]+$/;

const fromGetter = (g: Getter): Reader => (record) => g(record.raw);

function suggestion(name: string, columns: ColumnIndex): string | null {
  return closestName(name, columns.columns);
}

/** In an expression a column is written as an identifier, so suggest the identifier form. */
function identifierSuggestion(name: string, columns: ColumnIndex): string | null {
  return closestName(name, columns.columns.map((c) => (isIdentifier(c) ? c : identifierAlias(c))));
}

/** The getter for an expression variable, and whether the name is known. */
function variableGetter(name: string, columns: ColumnIndex): { get: Getter; known: boolean; ambiguous: string[] } {
  if (name === 'raw' && !columns.knows('raw')) return { get: (raw) => raw, known: true, ambiguous: [] };
  const targets = columns.aliasTargets(name);
  if (targets.length > 0) return { get: firstOf([name, ...targets]), known: true, ambiguous: targets.length > 1 ? [...targets] : [] };
  return { get: pathGetter(name), known: columns.knows(name), ambiguous: [] };
}

/** Resolves `text` (the value of `at.key`) against the source's columns. */
export function resolveValue(text: string, at: MapAt, columns: ColumnIndex, strict: boolean): Resolved {
  const severity: Severity = strict ? 'error' : 'warning';
  if (columns.has(text)) return { read: fromGetter(pathGetter(text)), issues: [] };
  if (isIdentifier(text) && columns.aliasTargets(text).length > 0) {
    const v = variableGetter(text, columns);
    return { read: fromGetter(v.get), issues: v.ambiguous.length ? [ambiguousAlias(at, text, v.ambiguous)] : [] };
  }
  if (text === 'raw' && !columns.knows('raw')) return { read: (record) => record.raw, issues: [] };
  const path = text.startsWith('raw.') && !columns.knows('raw') ? text.slice(4) : text;
  if (isSimplePath(path) || (NAME_LIKE.test(text) && /\s/.test(text.trim()))) {
    const issues = columns.knows(path) ? [] : [unknownColumn(at, text, columns.columns, suggestion(path, columns), severity)];
    return { read: strict && issues.length ? null : fromGetter(pathGetter(path)), issues };
  }
  const compiled = compileExpression(text, { key: at.key, kind: 'mapping', source: at.source, file: at.file });
  if (!compiled.ok) return { read: null, issues: [compiled.issue] };
  const { expr } = compiled;
  const issues: Issue[] = [];
  const bindings = expr.identifiers.map((name) => {
    const v = variableGetter(name, columns);
    if (!v.known) issues.push(unknownField(at, name, text, columns.columns, identifierSuggestion(name, columns), severity));
    if (v.ambiguous.length) issues.push(ambiguousAlias(at, name, v.ambiguous));
    return [name, v.get] as const;
  });
  if (strict && issues.some((i) => i.severity === 'error')) return { read: null, issues };
  const read: Reader = (record, sink) => {
    const activation: Record<string, unknown> = Object.create(null);
    for (const [name, get] of bindings) activation[name] = get(record.raw) ?? null;
    return expr.run(activation, sink);
  };
  return { read, issues };
}
