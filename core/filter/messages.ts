/**
 * Message catalog of the filter stage.
 */
import type { Issue } from '../issues';
import { describeRows, describeSamples, type TallyEntry } from '../expr';

/** Where a filter rule is: `sources[1].filters[0]`, its name and source. */
export interface FilterAt {
  key: string;
  name: string;
  source?: string;
}

const at = (a: FilterAt) => ({ key: a.key, ...(a.source ? { source: a.source } : {}) });

/** A rule reads a name that is no attribute of the source (after mapping and processors). */
export function unknownAttribute(a: FilterAt, name: string, attributes: readonly string[], suggestion: string | null): Issue {
  return {
    ...at(a),
    code: 'filter.unknown-attribute',
    severity: 'warning',
    message: `${a.key}.when (rule "${a.name}") reads "${name}", which is no attribute of this source (attributes: ${attributes.join(', ') || 'none'}); it is always null there.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    fix: `Filters see mapped attributes by name and the raw record as raw (raw.profile.userType). Write ${suggestion ?? 'a mapped attribute'}, or map "${name}" first.`,
  };
}

/** Two rules of one source share a name, so their hits cannot be told apart. */
export function duplicateName(a: FilterAt, first: string): Issue {
  return {
    ...at(a),
    code: 'filter.duplicate-name',
    severity: 'warning',
    message: `${a.key}: the rule name "${a.name}" is already used by ${first}; counts and lists would mix them.`,
    fix: 'Give every rule of a source its own name.',
  };
}

/** A disabled rule that does not compile: reported, but it does not stop the run. */
export function disabledInvalid(issue: Issue): Issue {
  return { ...issue, severity: 'warning', message: `${issue.message} (The rule is disabled, so the run goes on.)` };
}

/** Tallied: a rule gave something other than true/false; treated as false. */
export const notBoolean = (a: FilterAt, text: string) => (entry: TallyEntry): Issue => ({
  ...at(a),
  code: 'filter.not-boolean',
  severity: 'warning',
  message: `${a.key}.when (rule "${a.name}") \`${text}\` gave ${describeSamples(entry.samples)} instead of true/false for ${entry.count} record(s) (${describeRows(entry.rows)}); those records were not excluded by it.`,
  fix: 'Make the rule a comparison, e.g. status == "DEPROVISIONED", or wrap a yes/no value in to_bool(...) == true.',
});
