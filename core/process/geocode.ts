/**
 * geocode: a country name (English, native or common alternative) or ISO alpha-2/alpha-3 code, any
 * case -> `country_code` (ISO 3166 alpha-2), `region` and `subregion` (world-countries data).
 * An empty input leaves those attributes as they were (a source may map country_code directly);
 * an unknown one sets them to null and is counted with its first values.
 */
import { lookupCountry } from './countries';
import { applyByUpdate, textOf, type Processor } from './types';

const OUTPUTS = ['country_code', 'region', 'subregion'] as const;

export const geocodeProcessor: Processor<'geocode'> = {
  type: 'geocode',
  inputs: (o) => [o.from],
  outputs: () => [...OUTPUTS],
  update(attrs, out, options, ctx) {
    const text = textOf(attrs[options.from]);
    if (text === null) {
      for (const name of OUTPUTS) out[name] = attrs[name] ?? null;
      return;
    }
    const country = lookupCountry(text);
    if (country === null) ctx.warn?.('unknown-country', text);
    out.country_code = country?.country_code ?? null;
    out.region = country?.region ?? null;
    out.subregion = country?.subregion ?? null;
  },
  // Reads its input first and each output only before writing that same output.
  inPlace: () => true,
  apply: applyByUpdate<'geocode'>((attrs, out, options, ctx) => geocodeProcessor.update(attrs, out, options, ctx)),
};
