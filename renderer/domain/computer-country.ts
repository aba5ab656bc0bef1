import { knownCountry } from './phone-number';

/** Used when none of the computer's languages names a country libphonenumber knows. */
export const FALLBACK_COUNTRY = 'US';

/**
 * The country the computer is set up for, from its preferred languages in
 * order (`navigator.languages`, which in Electron follows the OS): "en-GB"
 * → GB, "de" → DE (its likely region). A language whose region is not a
 * country ("es-419", Latin America) says nothing about which country's
 * numbering plan applies, so the next language is asked; failing all, US.
 */
export function countryFromLocales(locales: readonly string[]): string {
  for (const tag of locales) {
    const region = regionOf(tag);
    if (region && knownCountry(region)) return region;
  }
  return FALLBACK_COUNTRY;
}

function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    // Not a language tag (a hand-edited --lang): skip it.
    return undefined;
  }
}

let cached: { key: string; country: string } | null = null;

/** {@link countryFromLocales} for this computer's languages now (remembered until they change). */
export function computerCountry(): string {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  const key = languages.join(',');
  if (cached?.key !== key) cached = { key, country: countryFromLocales(languages) };
  return cached.country;
}
