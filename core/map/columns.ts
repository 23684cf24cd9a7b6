/**
 * What a source's columns offer to a mapping: exact names, the identifier aliases of names that are
 * not identifiers (`Work Email` -> Work_Email), and every path prefix of the loader's leaf paths
 * (`profile` and `profile.email` for the JSON leaf `profile.email`), so validation accepts both a leaf
 * and the object above it.
 */
import { identifierAlias } from '../expr';
import type { RawRecord } from '../types';
import { indexFree, pathGetter, type Getter } from './paths';

/** The columns of one source, indexed for resolution. */
export interface ColumnIndex {
  readonly columns: readonly string[];
  has(name: string): boolean;
  /** True when a path names a column, a leaf below it or an object above one. */
  knows(path: string): boolean;
  /** The columns an identifier stands for through its alias (empty when none). */
  aliasTargets(identifier: string): readonly string[];
}

function prefixes(column: string): string[] {
  const out: string[] = [];
  const path = indexFree(column);
  for (let i = 1; i < path.length; i++) if (path[i] === '.' || path[i] === '[') out.push(path.slice(0, i));
  out.push(path);
  return out;
}

/** Indexes `columns` (a CSV header, or a JSON source's sampled leaf paths). */
export function indexColumns(columns: readonly string[]): ColumnIndex {
  const exact = new Set(columns);
  const known = new Set(columns.flatMap(prefixes));
  const aliases = new Map<string, string[]>();
  for (const c of columns) {
    const alias = identifierAlias(c);
    if (alias !== c) aliases.set(alias, [...(aliases.get(alias) ?? []), c]);
  }
  return {
    columns,
    has: (name) => exact.has(name),
    knows: (path) => exact.has(path) || known.has(indexFree(path)),
    aliasTargets: (identifier) => (exact.has(identifier) ? [] : (aliases.get(identifier) ?? [])),
  };
}

/** A getter trying each target column in turn (an alias may stand for a header in one page and a
 * differently spelt one in another). */
export function firstOf(targets: readonly string[]): Getter {
  const getters = targets.map(pathGetter);
  if (getters.length === 1) return getters[0];
  return (raw: RawRecord) => {
    for (const g of getters) {
      const v = g(raw);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}
