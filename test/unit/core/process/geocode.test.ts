import { describe, expect, it } from 'vitest';
import { PROCESSORS, type Attributes } from '../../../../core/process';

const DE = { country_code: 'DE', region: 'Europe', subregion: 'Western Europe' };
const US = { country_code: 'US', region: 'Americas', subregion: 'North America' };
const nulls = { country_code: null, region: null, subregion: null };

const cases: Array<{ description: string; input: Attributes; options: { from: string }; expected: { attrs: Attributes; warnings: string[] } }> = [
  { description: 'English name', input: { country: 'Germany' }, options: { from: 'country' }, expected: { attrs: { country: 'Germany', ...DE }, warnings: [] } },
  { description: 'native name', input: { country: 'Deutschland' }, options: { from: 'country' }, expected: { attrs: { country: 'Deutschland', ...DE }, warnings: [] } },
  { description: 'alpha-2, lower case', input: { country: 'de' }, options: { from: 'country' }, expected: { attrs: { country: 'de', ...DE }, warnings: [] } },
  { description: 'alpha-3', input: { country: 'DEU' }, options: { from: 'country' }, expected: { attrs: { country: 'DEU', ...DE }, warnings: [] } },
  { description: 'official name', input: { country: 'United States of America' }, options: { from: 'country' }, expected: { attrs: { country: 'United States of America', ...US }, warnings: [] } },
  { description: 'dotted abbreviation', input: { country: 'U.S.A.' }, options: { from: 'country' }, expected: { attrs: { country: 'U.S.A.', ...US }, warnings: [] } },
  { description: 'common alternative', input: { country: 'UK' }, options: { from: 'country' }, expected: { attrs: { country: 'UK', country_code: 'GB', region: 'Europe', subregion: 'Northern Europe' }, warnings: [] } },
  { description: 'a nation of the UK', input: { country: 'England' }, options: { from: 'country' }, expected: { attrs: { country: 'England', country_code: 'GB', region: 'Europe', subregion: 'Northern Europe' }, warnings: [] } },
  { description: 'accents and case do not matter', input: { country: "COTE D'IVOIRE" }, options: { from: 'country' }, expected: { attrs: { country: "COTE D'IVOIRE", country_code: 'CI', region: 'Africa', subregion: 'Western Africa' }, warnings: [] } },
  { description: 'French name', input: { country: 'Allemagne' }, options: { from: 'country' }, expected: { attrs: { country: 'Allemagne', ...DE }, warnings: [] } },
  { description: 'leading "the"', input: { country: 'The Netherlands' }, options: { from: 'country' }, expected: { attrs: { country: 'The Netherlands', country_code: 'NL', region: 'Europe', subregion: 'Western Europe' }, warnings: [] } },
  { description: 'unknown -> nulls and a warning', input: { country: 'Atlantis' }, options: { from: 'country' }, expected: { attrs: { country: 'Atlantis', ...nulls }, warnings: ['Atlantis'] } },
  { description: 'empty -> nulls, silently', input: { country: null }, options: { from: 'country' }, expected: { attrs: { country: null, ...nulls }, warnings: [] } },
  { description: 'empty keeps a directly mapped code', input: { country: null, country_code: 'FR' }, options: { from: 'country' }, expected: { attrs: { country: null, country_code: 'FR', region: null, subregion: null }, warnings: [] } },
  { description: 'another source attribute', input: { location: 'Canada' }, options: { from: 'location' }, expected: { attrs: { location: 'Canada', country_code: 'CA', region: 'Americas', subregion: 'North America' }, warnings: [] } },
];

describe('geocode', () => {
  it.each(cases)('$description', ({ input, options, expected }) => {
    const warnings: unknown[] = [];
    const before = structuredClone(input);
    const out = PROCESSORS.geocode.apply(input, { type: 'geocode', ...options }, { asOf: '2024-03-05', warn: (_p, v) => warnings.push(v) });
    expect(out).toEqual(expected.attrs);
    expect(warnings).toEqual(expected.warnings);
    expect(input).toEqual(before);
  });
});
