/**
 * evaluateFilters: which enabled rules exclude one record. Runs once per record, so the activation
 * holds only the names each rule reads. A rule that gives null (a missing value, or a failure that
 * the expression layer counted) does not exclude; one that gives anything else but a boolean is
 * counted as filter.not-boolean and does not exclude either.
 */
import type { RawRecord, Scalar } from '../types';
import type { RowRef } from '../expr';
import type { CompiledFilters } from './compile';
import { notBoolean } from './messages';

/** Names of the enabled rules that are true for this record, in rule order (empty: kept). */
export function evaluateFilters(
  filters: CompiledFilters,
  attrs: Readonly<Record<string, Scalar>>,
  raw: RawRecord,
  at?: RowRef,
): string[] {
  const hits: string[] = [];
  for (const rule of filters) {
    const expr = rule.expr;
    if (!rule.enabled || expr === null) continue;
    const activation: Record<string, unknown> = Object.create(null);
    for (const name of expr.identifiers) activation[name] = name === 'raw' ? raw : Object.hasOwn(attrs, name) ? attrs[name] : null;
    const value = expr.run(activation, { tally: filters.tally, ...(at ? { at } : {}) });
    if (value === true) hits.push(rule.name);
    else if (value !== false && value !== null) {
      filters.tally.add(`${rule.at.key}|filter.not-boolean`, notBoolean(rule.at, rule.when), at, value);
    }
  }
  return hits;
}
