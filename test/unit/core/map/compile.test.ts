import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../core/map';
import { source } from './fixtures';

const CSV_COLUMNS = ['id', 'Work Email', 'First-Name', 'Last Name', 'Status', 'Country'];
const JSON_COLUMNS = ['id', 'profile.email', 'profile.login', 'emails[0].value', '@odata.type', 'status'];

const cases: Array<{
  description: string;
  input: { mapping: Record<string, string>; externalId?: string; columns: string[] };
  options: { strict: boolean };
  expected: { ok: boolean; issues: Array<{ code: string; severity?: string; key?: string; message?: RegExp }> };
}> = [
  { description: 'exact header with a space', input: { mapping: { email: 'Work Email' }, columns: CSV_COLUMNS }, options: { strict: true }, expected: { ok: true, issues: [] } },
  { description: 'alias of a header', input: { mapping: { email: 'Work_Email', first_name: 'First_Name' }, columns: CSV_COLUMNS }, options: { strict: true }, expected: { ok: true, issues: [] } },
  { description: 'expression over aliases', input: { mapping: { email: 'lower(Work_Email)' }, columns: CSV_COLUMNS }, options: { strict: true }, expected: { ok: true, issues: [] } },
  { description: 'expression with field()', input: { mapping: { display_name: 'concat(field("First-Name"), " ", field("Last Name"))' }, columns: CSV_COLUMNS }, options: { strict: true }, expected: { ok: true, issues: [] } },
  {
    description: 'unknown column is an error naming key, file, columns and a suggestion',
    input: { mapping: { email: 'Work Emial' }, columns: CSV_COLUMNS },
    options: { strict: true },
    expected: { ok: false, issues: [{ code: 'map.unknown-column', severity: 'error', key: 'sources[2].mapping.email', message: /^sources\[2\]\.mapping\.email: unknown column "Work Emial" in people\.csv; columns are id, "Work Email", First-Name, "Last Name", Status, Country\. Did you mean "Work Email"\?$/ }] },
  },
  {
    description: 'a case difference is suggested',
    input: { mapping: { active: 'status' }, columns: CSV_COLUMNS },
    options: { strict: true },
    expected: { ok: false, issues: [{ code: 'map.unknown-column', message: /Did you mean "Status"\?/ }] },
  },
  {
    description: 'unknown identifier in an expression',
    input: { mapping: { email: 'lower(Work_Emial)' }, columns: CSV_COLUMNS },
    options: { strict: true },
    expected: { ok: false, issues: [{ code: 'map.unknown-field', severity: 'error', message: /reads "Work_Emial".*Did you mean "Work_Email"\?/ }] },
  },
  {
    description: 'unknown externalId',
    input: { mapping: { email: 'Work Email' }, externalId: 'ID', columns: CSV_COLUMNS },
    options: { strict: true },
    expected: { ok: false, issues: [{ code: 'map.unknown-column', key: 'sources[2].externalId', message: /Did you mean "id"\?/ }] },
  },
  {
    description: 'expression parse error keeps its code and gets the source',
    input: { mapping: { email: 'lower(Work_Email' }, columns: CSV_COLUMNS },
    options: { strict: true },
    expected: { ok: false, issues: [{ code: 'expr.parse', key: 'sources[2].mapping.email' }] },
  },
  { description: 'JSON: nested path', input: { mapping: { email: 'profile.email', user_name: 'profile.login' }, columns: JSON_COLUMNS }, options: { strict: false }, expected: { ok: true, issues: [] } },
  { description: 'JSON: array path with another index', input: { mapping: { email: 'emails[1].value' }, columns: JSON_COLUMNS }, options: { strict: false }, expected: { ok: true, issues: [] } },
  { description: 'JSON: literal dotted key', input: { mapping: { kind: '@odata.type' }, columns: JSON_COLUMNS }, options: { strict: false }, expected: { ok: true, issues: [] } },
  { description: 'JSON: raw. prefix', input: { mapping: { email: 'raw.profile.email' }, columns: JSON_COLUMNS }, options: { strict: false }, expected: { ok: true, issues: [] } },
  { description: 'JSON: object above a leaf in an expression', input: { mapping: { email: 'lower(profile.email)' }, columns: JSON_COLUMNS }, options: { strict: false }, expected: { ok: true, issues: [] } },
  {
    description: 'JSON: unknown path is a warning, the mapping still compiles',
    input: { mapping: { title: 'profile.title' }, columns: JSON_COLUMNS },
    options: { strict: false },
    expected: { ok: true, issues: [{ code: 'map.unknown-column', severity: 'warning' }] },
  },
  {
    description: 'an alias standing for two columns is a warning',
    input: { mapping: { email: 'Work_Email' }, columns: ['id', 'Work Email', 'Work-Email'] },
    options: { strict: true },
    expected: { ok: true, issues: [{ code: 'map.ambiguous-alias', severity: 'warning' }] },
  },
];

describe('compileMapping', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const { mapping, issues } = compileMapping(source(input.mapping, input.externalId ?? 'id'), 2, input.columns, options.strict);
    expect(mapping !== null).toBe(expected.ok);
    expect(issues.map((i) => i.code)).toEqual(expected.issues.map((i) => i.code));
    expected.issues.forEach((want, n) => {
      const got = issues[n];
      expect(got.source).toBe('hr');
      expect(got.file).toBe('people.csv');
      if (want.severity) expect(got.severity).toBe(want.severity);
      if (want.key) expect(got.key).toBe(want.key);
      if (want.message) expect(got.message).toMatch(want.message);
      expect(got.fix).toBeTruthy();
    });
  });

  it('records the mapping entry per attribute for lineage', () => {
    const { mapping } = compileMapping(source({ email: 'lower(Work_Email)', department: 'Status' }), 0, CSV_COLUMNS);
    expect(mapping?.fields).toEqual({ email: 'lower(Work_Email)', department: 'Status' });
  });
});
