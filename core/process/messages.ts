/**
 * Message catalog of the process stage: the counted problems of each processor and the compile-time
 * checks of the processor list.
 */
import type { Issue } from '../issues';
import { describeRows, describeSamples, type TallyEntry } from '../expr';

/** Where a processor is: `sources[1].processors[0]`, and its source when known. */
export interface ProcessAt {
  key: string;
  source?: string;
}

const at = (a: ProcessAt) => ({ key: a.key, ...(a.source ? { source: a.source } : {}) });
const rows = (e: TallyEntry) => (e.rows.length ? ` (${describeRows(e.rows)})` : '');

/** The messages of the problem codes processors pass to ctx.warn. */
const PROBLEMS: Record<string, (a: ProcessAt, e: TallyEntry) => Omit<Issue, 'key' | 'source' | 'code' | 'severity'>> = {
  'invalid-email': (a, e) => ({
    message: `${a.key} (normalize-email): ${e.count} value(s) are not e-mail addresses (${describeSamples(e.samples)})${rows(e)}; they were left empty so they cannot join or collide.`,
    fix: 'Map the attribute to the column that holds the address, or leave placeholders such as "n/a" out of the export.',
  }),
  'unknown-country': (a, e) => ({
    message: `${a.key} (geocode): ${e.count} value(s) are no known country name or ISO code (${describeSamples(e.samples)})${rows(e)}; country_code, region and subregion were left empty.`,
    fix: 'Use English or native country names or ISO 3166 codes (DE, DEU); map a cleaner column, or fix the values in an expression, e.g. replace(country, "^Deutschland.*", "DE").',
  }),
  'bad-date': (a, e) => ({
    message: `${a.key} (password-expiry): ${e.count} value(s) are not dates (${describeSamples(e.samples)})${rows(e)}; password_expires_on and password_days_left were left empty.`,
    fix: 'Map password_last_set to a date column (YYYY-MM-DD, M/D/YYYY, epoch or AD FILETIME numbers).',
  }),
};

/** Tallied: one processor problem, with its count and first values. */
export const processorProblem = (a: ProcessAt, problem: string) => (entry: TallyEntry): Issue => {
  const text = PROBLEMS[problem]?.(a, entry) ?? { message: `${a.key}: ${entry.count} value(s) could not be processed (${describeSamples(entry.samples)}).` };
  return { ...at(a), code: `process.${problem}`, severity: 'warning', ...text };
};

/** A processor reads an attribute the source does not map and no earlier processor writes. */
export function unmappedInput(a: ProcessAt, type: string, attribute: string, mapped: readonly string[]): Issue {
  return {
    ...at(a),
    code: 'process.unmapped-input',
    severity: 'warning',
    message: `${a.key}: ${type} reads "${attribute}", which this source does not map (mapped: ${mapped.join(', ') || 'nothing'}); it will do nothing.`,
    fix: `Map ${attribute} in the source's mapping, or set the processor's option to an attribute that is mapped.`,
  };
}
