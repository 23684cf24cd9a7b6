/**
 * The country lookup for geocode, built once from the `world-countries` data package: ISO alpha-2
 * and alpha-3 codes, English common and official names, alternative spellings, native names and
 * translations, IOC codes, plus a few names people write that are not countries (England -> GB).
 * Keys are folded: case, accents, dots and apostrophes do not matter ("U.S.A.", "Côte d'Ivoire").
 */
import countries from 'world-countries';

/** What geocode writes for a country. */
export interface CountryInfo {
  country_code: string;
  region: string | null;
  subregion: string | null;
}

const EXTRA: Record<string, string> = { england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', 'great britain': 'GB', britain: 'GB', holland: 'NL', 'south korea': 'KR', 'north korea': 'KP', russia: 'RU', 'czech republic': 'CZ', turkey: 'TR', 'ivory coast': 'CI', 'the netherlands': 'NL', usa: 'US', 'u s': 'US', 'united states of america': 'US' };

/** Folds a name for lookup: no accents, lower case, no dots or apostrophes, single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/[-_,()/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function build(): Map<string, CountryInfo> {
  const lookup = new Map<string, CountryInfo>();
  const info = new Map<string, CountryInfo>();
  for (const c of countries) info.set(c.cca2, { country_code: c.cca2, region: c.region || null, subregion: c.subregion || null });
  // Earlier passes win: a code never loses to some language's name for another country.
  const passes: Array<(c: (typeof countries)[number]) => string[]> = [
    (c) => [c.cca2, c.cca3],
    (c) => [c.name.common, c.name.official],
    (c) => c.altSpellings,
    (c) => Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]),
    (c) => Object.values(c.translations ?? {}).flatMap((n) => [n.common, n.official]),
    (c) => (c.cioc ? [c.cioc] : []),
  ];
  for (const pass of passes) {
    for (const c of countries) {
      const entry = info.get(c.cca2);
      if (!entry) continue;
      for (const name of pass(c)) {
        const key = foldName(name);
        if (key && !lookup.has(key)) lookup.set(key, entry);
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) {
    const entry = info.get(code);
    if (entry && !lookup.has(name)) lookup.set(name, entry);
  }
  return lookup;
}

// Built on first use (a few thousand names), then only read: a constant, not run state. Answers are
// memoized by the text as written, since a roster repeats a handful of country spellings a million times.
let shared: Map<string, CountryInfo> | undefined;
const answers = new Map<string, CountryInfo | null>();

/** The country a name or code stands for, or null. */
export function lookupCountry(name: string): CountryInfo | null {
  let hit = answers.get(name);
  if (hit === undefined) {
    shared ??= build();
    const folded = foldName(name);
    hit = shared.get(folded) ?? shared.get(folded.replace(/^the /, '')) ?? null;
    if (answers.size >= 10_000) answers.clear();
    answers.set(name, hit);
  }
  return hit;
}
