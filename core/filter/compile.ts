/**
 * compileFilters: a source's named exclude rules, compiled once. A rule sees the record's attributes
 * (after mapping and processors) by name and the raw record as `raw`. Disabled rules are kept in the
 * list (so screens can show them) but never evaluated, and a broken disabled rule is only a warning.
 */
import type { Issue } from '../issues';
import type { FilterConfig } from '../project/schema';
import { compileExpression, Tally, type CompiledExpression } from '../expr';
import { closestName } from '../map/suggest';
import { disabledInvalid, duplicateName, unknownAttribute, type FilterAt } from './messages';

/** One rule, compiled. `expr` is null only for a disabled rule that does not compile. */
export interface CompiledFilter {
  readonly name: string;
  readonly when: string;
  readonly enabled: boolean;
  readonly at: FilterAt;
  readonly expr: CompiledExpression | null;
}

/** A source's rules in order; also counts runtime problems until flushIssues(). */
export type CompiledFilters = CompiledFilter[] & { readonly tally: Tally; flushIssues(): Issue[] };

/**
 * Compiles `filters` (key `keyPrefix`, e.g. `sources[1].filters`). With `attributes` (the names the
 * source maps plus those its processors add), a rule reading any other name is a warning.
 * An enabled rule that does not parse, or can only give a non-boolean, is an error.
 */
export function compileFilters(
  filters: readonly FilterConfig[],
  keyPrefix: string,
  options: { source?: string; attributes?: readonly string[] } = {},
): { filters: CompiledFilters; issues: Issue[] } {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const list = filters.map((config, i): CompiledFilter => {
    const enabled = config.enabled ?? true;
    const at: FilterAt = { key: `${keyPrefix}[${i}]`, name: config.name, ...(options.source ? { source: options.source } : {}) };
    const first = seen.get(config.name);
    if (first !== undefined) issues.push(duplicateName(at, first));
    else seen.set(config.name, at.key);
    const compiled = compileExpression(config.when, { key: `${at.key}.when`, kind: 'filter', source: options.source });
    if (!compiled.ok) {
      issues.push(enabled ? compiled.issue : disabledInvalid(compiled.issue));
      return { name: config.name, when: config.when, enabled, at, expr: null };
    }
    if (options.attributes && enabled) {
      for (const name of compiled.expr.identifiers) {
        if (name !== 'raw' && !options.attributes.includes(name)) {
          issues.push(unknownAttribute(at, name, options.attributes, closestName(name, options.attributes)));
        }
      }
    }
    return { name: config.name, when: config.when, enabled, at, expr: compiled.expr };
  });
  const tally = new Tally();
  return { filters: Object.assign(list, { tally, flushIssues: () => tally.drain() }), issues };
}
