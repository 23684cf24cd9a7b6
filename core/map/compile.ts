/**
 * compileMapping: everything about a source's mapping that does not depend on the record is decided
 * here, once — resolution, validation against the columns, the target type of every attribute — so
 * mapRecord is a loop over prepared readers.
 */
import type { Issue } from '../issues';
import type { SourceConfig } from '../project/schema';
import { Tally } from '../expr';
import { attributeType, type TargetType } from './coerce';
import { indexColumns } from './columns';
import type { MapAt } from './messages';
import { resolveValue, type Reader } from './resolve';

/** One mapped attribute, ready to read. */
export interface MappedAttribute {
  readonly name: string;
  readonly type: TargetType;
  /** The mapping entry as written (a column, path or expression), for lineage. */
  readonly field: string;
  readonly at: MapAt;
  readonly read: Reader;
}

/** A source's mapping, compiled. Counts per-record problems until flushIssues() is called. */
export interface CompiledMapping {
  readonly source: string;
  readonly attributes: readonly MappedAttribute[];
  readonly externalId: { readonly field: string; readonly at: MapAt; readonly read: Reader };
  /** Mapping entry per attribute (`email` -> `lower(Work_Email)`), for lineage. */
  readonly fields: Readonly<Record<string, string>>;
  readonly tally: Tally;
  /** The issues counted by mapRecord since the last call (aggregated: one per attribute and problem). */
  flushIssues(): Issue[];
}

/**
 * Compiles `source.mapping` and `source.externalId` against `columns` (a CSV header, or the sampled
 * leaf paths of a JSON source). `strict` (CSV: every record has every column) makes an unknown column
 * an error that stops the run; otherwise (sparse JSON) it is a warning and the value reads as null.
 * The mapping is null when any issue is an error.
 */
export function compileMapping(
  source: SourceConfig,
  sourceIndex: number,
  columns: readonly string[],
  strict = true,
): { mapping: CompiledMapping | null; issues: Issue[] } {
  const index = indexColumns(columns);
  const file = source.files[0];
  const issues: Issue[] = [];
  const place = (key: string): MapAt => ({ key: `sources[${sourceIndex}].${key}`, source: source.id, ...(file ? { file } : {}) });

  const attributes: MappedAttribute[] = [];
  for (const [name, text] of Object.entries(source.mapping)) {
    const at = place(`mapping.${name}`);
    const resolved = resolveValue(text, at, index, strict);
    issues.push(...resolved.issues);
    if (resolved.read) attributes.push({ name, type: attributeType(name), field: text, at, read: resolved.read });
  }
  const idAt = place('externalId');
  const id = resolveValue(source.externalId, idAt, index, strict);
  issues.push(...id.issues);

  if (issues.some((i) => i.severity === 'error') || !id.read) return { mapping: null, issues };
  const tally = new Tally();
  const mapping: CompiledMapping = {
    source: source.id,
    attributes,
    externalId: { field: source.externalId, at: idAt, read: id.read },
    fields: Object.fromEntries(attributes.map((a) => [a.name, a.field])),
    tally,
    flushIssues: () => tally.drain(),
  };
  return { mapping, issues };
}
