import { allCountries, countryName } from '../geography/countries.ts';

/** The value the Get-help form sends for a country that is not in the list (stored as no country). */
export const ANOTHER_COUNTRY = 'other';

export interface CountryOption {
  code: string;
  name: string;
}

/** Every ISO 3166 country named in `locale` and sorted by that name, and the covered ones first. */
export function destinationOptions(locale: string, covered: Set<string>) {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = new Intl.Collator('en');
  }
  const all = allCountries()
    .map((c) => ({ code: c.alpha2, name: countryName(c.alpha2, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { covered: all.filter((c) => covered.has(c.code)), all };
}
