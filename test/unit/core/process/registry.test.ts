import { describe, expect, it } from 'vitest';
import { applyProcessors, compileProcessors } from '../../../../core/process';
import type { ProcessorConfig } from '../../../../core/project/schema';

const CONFIGS: ProcessorConfig[] = [
  { type: 'split-name', from: 'display_name' },
  { type: 'compose-name', format: 'last, first' },
  { type: 'normalize-email', attributes: ['email'] },
  { type: 'geocode', from: 'country' },
  { type: 'password-expiry', from: 'password_last_set', maxAgeDays: 90 },
];

describe('processor registry', () => {
  it('applies the processors in order and leaves the input alone', () => {
    const { processors, issues } = compileProcessors(CONFIGS, 'sources[1].processors');
    expect(issues).toEqual([]);
    const input = { display_name: 'Jane Doe', email: ' JANE@X.COM ', country: 'de', password_last_set: '2024-01-01' };
    const before = structuredClone(input);
    expect(applyProcessors(processors, input, { asOf: '2024-03-01' })).toEqual({
      display_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe', email: 'jane@x.com', country: 'de',
      country_code: 'DE', region: 'Europe', subregion: 'Western Europe',
      password_last_set: '2024-01-01', password_expires_on: '2024-03-31', password_days_left: 30,
    });
    expect(input).toEqual(before);
  });

  it('returns a new object even without processors', () => {
    const { processors } = compileProcessors([], 'sources[0].processors');
    const input = { a: 1 };
    const out = applyProcessors(processors, input, { asOf: '2024-01-01' });
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('counts problems per processor, with the first rows and values', () => {
    const { processors } = compileProcessors(CONFIGS, 'sources[1].processors', { source: 'okta' });
    ['Atlantis', 'Atlantis', 'Mordor'].forEach((country, i) => applyProcessors(processors, { country, email: 'n/a' }, { asOf: '2024-01-01', at: { file: 'okta.json', row: i + 1 } }));
    const issues = processors.flushIssues();
    expect(issues.map((i) => [i.code, i.key, i.count])).toEqual([
      ['process.invalid-email', 'sources[1].processors[2]', 3],
      ['process.unknown-country', 'sources[1].processors[3]', 3],
    ]);
    expect(issues[1]).toMatchObject({ source: 'okta', file: 'okta.json', row: 1, severity: 'warning' });
    expect(issues[1].message).toContain('"Atlantis", "Mordor"');
    expect(processors.flushIssues()).toEqual([]);
  });

  it('warns when a processor reads an attribute that is not mapped', () => {
    const { issues } = compileProcessors(CONFIGS, 'sources[1].processors', { mapped: ['display_name', 'email'] });
    expect(issues.map((i) => [i.code, i.key])).toEqual([
      ['process.unmapped-input', 'sources[1].processors[3]'],
      ['process.unmapped-input', 'sources[1].processors[4]'],
    ]);
    expect(issues[0].message).toContain('"country"');
  });
});
